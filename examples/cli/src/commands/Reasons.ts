/** `reasons`: every reason code of held and skipped items, in plain words, with what to do about it. */
import { Command } from "@effect/cli";
import { Reason } from "@harvest-runn/domain";
import { Effect } from "effect";
import * as Render from "../Render.ts";
import { json } from "./Common.ts";

const reasonsCommand = Command.make("reasons", { json }, (o) =>
  Effect.gen(function* () {
    const all = Reason.ReasonCode.literals.map((code) => ({ code, ...Reason.texts[code] }));
    yield* Render.out(o.json, all, () =>
      Render.table(
        ["code", "meaning", "what to do"],
        all.map((r) => [r.code, r.label, r.action || "nothing"]),
      ),
    );
  }),
);

/** The reasons command. */
export const commands = [reasonsCommand] as const;
