/**
 * The edge: every failure becomes one message (stderr, or a `{"_tag","reason","message"}` document on
 * stdout under `--json`) and an exit code. Expected errors never print a stack trace.
 *
 * Exit codes: 0 ok, 1 failed, 2 usage, 3 partial.
 */
import { HelpDoc, ValidationError } from "@effect/cli";
import { Cause, Effect, Option, Schema } from "effect";
import * as Help from "./Help.ts";
import * as Render from "./Render.ts";
import * as UsageText from "./UsageText.ts";

/** Exit codes of the `harvest-runn` command (130: stopped by SIGINT, as shells report it). */
export const ExitCode = { ok: 0, failed: 1, usage: 2, partial: 3, interrupted: 130 } as const;

/** Bad input the parser could not catch: a missing value, a flag combination, an unknown id. */
export class UsageError extends Schema.TaggedError<UsageError>()("UsageError", {
  reason: Schema.Literal("Usage"),
  message: Schema.String,
}) {}

/** Builds a `UsageError`. */
export const usage = (message: string): UsageError => new UsageError({ reason: "Usage", message });

interface Reported {
  readonly _tag: string;
  readonly reason: string;
  readonly message: string;
}

const isReported = (e: unknown): e is Reported =>
  typeof e === "object" &&
  e !== null &&
  typeof (e as Reported)._tag === "string" &&
  typeof (e as Reported).reason === "string" &&
  typeof (e as Reported).message === "string";

const hints: Record<string, string> = {
  RunnAuth:
    "Make a new API token in Runn (Settings → API, an admin token with write access) and pass it with --runn-token or RUNN_TOKEN.",
  RunnReadOnly: "Make a new Runn API token with write access (Settings → API).",
  RunnRegion:
    "Pass the other region's base URL with --runn-base-url (EU https://api.runn.io, US https://api.us.runn.io).",
  HarvestAuth:
    "Make a new personal access token at https://id.getharvest.com/developers and pass it with --harvest-token or HARVEST_TOKEN.",
  RunnUnreachable: "Check --runn-base-url (or RUNN_BASE_URL) and the network.",
  HarvestUnreachable: "Check the network (and HARVEST_BASE_URL when you point the CLI elsewhere).",
  HarvestAccount: "Pass one of the listed account ids with --harvest-account-id or HARVEST_ACCOUNT_ID.",
  SecretKey:
    "Set HARVEST_RUNN_SECRET_KEY to 32 random bytes in base64 (e.g. `openssl rand -base64 32`), or put them in secret.key beside the store.",
  ConnectionNotFound: `List the connections with \`${Help.invokedAs()} connections\`.`,
  Busy: `\`${Help.invokedAs()} sync --wait <seconds>\` waits for it; \`${Help.invokedAs()} status\` shows the run in progress.`,
};

/** The exit code of an expected error. */
const exitOf = (e: Reported): number =>
  e._tag === "UsageError" || e.reason === "InvalidInput" ? ExitCode.usage : ExitCode.failed;

/** Prints an expected error and returns its exit code. */
export const report = (e: Reported, asJson: boolean): Effect.Effect<number> => {
  const hint = hints[e.reason];
  const message = hint === undefined || e.message.includes(hint) ? e.message : `${e.message}. ${hint}`;
  return (
    asJson
      ? Render.json({ _tag: e._tag, reason: e.reason, message })
      : Render.note(
          e._tag === "UsageError"
            ? `${Render.style.red("error")}: ${message}`
            : `${Render.style.red("error")} (${e.reason}): ${message}`,
        )
  ).pipe(Effect.as(exitOf(e)));
};

/** Prints a failure (expected or not) and returns its exit code. */
export const fromCause = (
  cause: Cause.Cause<unknown>,
  asJson: boolean,
  args: ReadonlyArray<string>,
): Effect.Effect<number> => {
  const failure = Cause.failureOption(cause);
  if (Option.isSome(failure)) {
    const e = failure.value;
    if (ValidationError.isValidationError(e)) {
      const raw = "error" in e ? Render.plain(HelpDoc.toAnsiText(e.error)).trim() : "invalid usage";
      return report(usage(UsageText.explain(raw, args)), asJson);
    }
    if (isReported(e)) return report(e, asJson);
  }
  if (Cause.isInterruptedOnly(cause)) return Effect.succeed(ExitCode.interrupted);
  const pretty = Cause.pretty(cause);
  return (
    asJson
      ? Render.json({ _tag: "Defect", reason: "Unexpected", message: pretty.split("\n")[0] ?? "" })
      : Render.note(`unexpected failure:\n${pretty}`)
  ).pipe(Effect.as(ExitCode.failed));
};

/** Sets the exit code the process ends with (a partial or failed run still prints its summary). */
export const setExitCode = (code: number): Effect.Effect<void> =>
  Effect.sync(() => {
    process.exitCode = code;
  });

/** Says the command was stopped by a signal; a run it had started is recorded as interrupted. */
export const interrupted = (asJson: boolean): Effect.Effect<void> => {
  const message =
    "stopped by a signal; a run in progress is recorded as failed (Interrupted) with what it wrote";
  return asJson
    ? Render.json({ _tag: "Interrupted", reason: "Interrupted", message })
    : Render.note(`${Render.style.red("interrupted")}: ${message}`);
};
