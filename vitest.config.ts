import { existsSync, readdirSync } from "node:fs";
import { defineConfig } from "vitest/config";

/** Per-project overrides: slow suites (real servers, child processes) get longer timeouts. */
const overrides: Record<string, { testTimeout?: number; hookTimeout?: number }> = {
  // Property tests and child processes: seconds on a quiet machine, several times that on a busy one.
  domain: { testTimeout: 30_000 },
  reconcile: { testTimeout: 30_000 },
  "storage-sql": { testTimeout: 60_000, hookTimeout: 60_000 },
  sandbox: { testTimeout: 60_000 },
  sync: { testTimeout: 120_000, hookTimeout: 60_000 },
  queue: { testTimeout: 120_000, hookTimeout: 60_000 },
  cli: { testTimeout: 120_000, hookTimeout: 60_000 },
  express: { testTimeout: 120_000, hookTimeout: 60_000 },
  worker: { testTimeout: 180_000, hookTimeout: 60_000 },
};

/** One vitest project per workspace folder that has tests, named after the folder. */
const projects = ["packages", "examples"].flatMap((group) =>
  existsSync(group)
    ? readdirSync(group, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(`${group}/${d.name}/test`))
        .map((d) => ({
          extends: true as const,
          test: { name: d.name, root: `${group}/${d.name}`, ...overrides[d.name] },
        }))
    : [],
);

export default defineConfig({
  resolve: { conditions: ["@harvest-runn/source"] },
  ssr: { resolve: { conditions: ["@harvest-runn/source"] } },
  test: {
    projects,
    include: ["test/**/*.test.ts"],
    env: { NODE_OPTIONS: "--conditions=@harvest-runn/source" },
    // Under CI a JSON report beside the console one lets .ci/run print a plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "test-output/vitest.json" },
  },
});
