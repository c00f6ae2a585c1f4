/**
 * Which store adapters a test run covers (DESIGN decision 11), from `HARVEST_RUNN_STORES`, e.g.
 * `memory,sqlite,pg`. Unknown names throw, so a typo never turns into a silently skipped adapter.
 * Default: memory and sqlite, plus pg when `DATABASE_URL` is set or under `CI=true`.
 */

/** Adapter names the registry knows. */
export const known = ["memory", "sqlite", "pg"] as const;
export type Name = (typeof known)[number];

type Env = Readonly<Record<string, string | undefined>>;

const isCi = (env: Env) => env.CI === "true" || env.CI === "1";

/** The adapters selected by the environment; throws on an unknown name. */
export const selected = (env: Env = process.env): ReadonlyArray<Name> => {
  const raw = env.HARVEST_RUNN_STORES?.trim();
  if (!raw) {
    return env.DATABASE_URL || isCi(env) ? ["memory", "sqlite", "pg"] : ["memory", "sqlite"];
  }
  const names = raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const name of names) {
    if (!(known as ReadonlyArray<string>).includes(name)) {
      throw new Error(
        `HARVEST_RUNN_STORES names an unknown store adapter "${name}"; known: ${known.join(", ")}`,
      );
    }
  }
  return names as ReadonlyArray<Name>;
};

/** Whether an adapter is under test. */
export const isSelected = (name: string, env: Env = process.env): boolean =>
  (selected(env) as ReadonlyArray<string>).includes(name);

/**
 * The value of a server's environment variable (e.g. `DATABASE_URL`) for a selected adapter.
 * Missing: under `CI=true` this throws (the test file fails); otherwise it prints why the adapter is
 * skipped and returns `undefined`. An adapter not selected returns `undefined` quietly.
 */
export const server = (
  name: Name,
  variable: string,
  env: Env = process.env,
  warn: (message: string) => void = console.warn,
): string | undefined => {
  if (!isSelected(name, env)) return undefined;
  const value = env[variable];
  if (value) return value;
  if (isCi(env))
    throw new Error(`${variable} is not set: the ${name} store adapter cannot be tested under CI=true`);
  warn(`[storage] skipping the ${name} store adapter: ${variable} is not set (set it to test ${name})`);
  return undefined;
};
