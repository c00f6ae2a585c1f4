import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "@effect/vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("running TypeScript from source (DESIGN decision 9)", () => {
  it("a child process started through the root `tsx` script imports a workspace package from src", async () => {
    const script =
      'import * as D from "@harvest-runn/domain";' +
      "" +
      'console.log(JSON.stringify({ resolved: import.meta.resolve("@harvest-runn/domain"), date: D.Ids.IsoDate.ast._tag }));';
    const { stdout } = await promisify(execFile)(
      "node",
      ["--conditions=@harvest-runn/source", "--import", "tsx", "--input-type=module", "-e", script],
      { cwd: `${root}packages/harvest-client`, timeout: 30_000 },
    );
    const out = JSON.parse(stdout.trim()) as { resolved: string; date: string };
    expect(out.resolved).toMatch(/packages\/domain\/src\/index\.ts$/);
    expect(out.date).toBe("Refinement");
  });
});
