import { describe, expect, it } from "vitest";
import { Reason } from "../src/index.ts";

describe("Reason.texts", () => {
  it("gives every reason code a plain-word label, never the code itself", () => {
    for (const code of Reason.ReasonCode.literals) {
      const label = Reason.labelOf(code);
      expect(label.length, code).toBeGreaterThan(0);
      expect(label, code).not.toMatch(/_/);
    }
  });
});
