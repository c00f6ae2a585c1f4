/**
 * The database drivers are optional peer dependencies, each loaded only by the store that needs it, so
 * a Postgres service never compiles better-sqlite3 and a SQLite one never installs pg (DESIGN 13).
 */
import { SyncStoreError } from "@harvest-runn/storage";
import { Effect } from "effect";

/** Whether `e` says that `pkg` itself (not something inside it) could not be found. */
const isMissing = (e: unknown, pkg: string): boolean => {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
    typeof message === "string" &&
    message.includes(`'${pkg}'`)
  );
};

/** Imports an optional driver; fails with `Driver`, naming the package and how to install it. */
export const load = <M>(pkg: string, range: string, store: string, importer: () => Promise<M>) =>
  Effect.tryPromise({
    try: importer,
    catch: (e) =>
      SyncStoreError.fail(
        "Driver",
        isMissing(e, pkg)
          ? `the ${store} store needs the npm package ${pkg}, which is not installed: npm i ${pkg}@${range}`
          : `the npm package ${pkg} could not be loaded: ${(e as { code?: string }).code ?? "unexpected error"}`,
        e,
      ),
  });

/** `@effect/sql-pg`, loaded on first use. */
export const pg = load("@effect/sql-pg", "^0.53.0", "Postgres", () => import("@effect/sql-pg"));

/** `@effect/sql-sqlite-node` (with better-sqlite3), loaded on first use. */
export const sqlite = load(
  "@effect/sql-sqlite-node",
  "^0.53.0",
  "SQLite",
  () => import("@effect/sql-sqlite-node"),
);
