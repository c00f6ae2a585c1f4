// The README's usage example: typechecked with the tests, run by Readme.test.ts, quoted verbatim in README.md.
import { HarvestClient } from "@harvest-runn/harvest-client";
import { Effect, Redacted, Stream } from "effect";

/** January's time entries of every user, after checking the token can see the whole account. */
export const januaryEntries = Effect.gen(function* () {
  const harvest = yield* HarvestClient.HarvestClient;
  const me = yield* harvest.me();
  const warning = HarvestClient.accessWarning(me);
  if (warning !== undefined) yield* Effect.logWarning(warning.message);
  return yield* Stream.runCollect(harvest.timeEntries({ from: "2026-01-01", to: "2026-01-31" }));
});

/** The client from explicit options; `HarvestClient.layerConfig()` reads HARVEST_* variables instead. */
export const harvestLayer = (token: string, accountId: number) =>
  HarvestClient.layer({ token: Redacted.make(token), accountId, userAgent: "MyApp (ops@example.com)" });
