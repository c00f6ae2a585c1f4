/**
 * The checks `doctor` and `connect` add after the tokens: whether the Runn token can write (a write
 * that changes no value) and how far each API's clock is from this machine's.
 */
import { Clock, Effect, Either } from "effect";
import type * as Clients from "../Clients.ts";
import type { DoctorCheck } from "../Output.ts";

/** Largest clock difference, in seconds, that passes without a warning. */
export const maxSkewSeconds = 60;

/**
 * Runn write scope. It proves the token may PATCH one role (else client) — its own name sent back, so
 * no value changes (that record's `updatedAt` may move). It assumes a read-only token gets 401/403 on
 * that write; a token scoped per entity could still fail elsewhere.
 */
export const runnWriteScope = (clients: Clients.Pair): Effect.Effect<DoctorCheck> =>
  clients.runn.checkWriteAccess.pipe(
    Effect.either,
    Effect.map((result): DoctorCheck => {
      if (Either.isLeft(result))
        return {
          name: "runn.writeScope",
          ok: true,
          level: "warning",
          message: `not verified: the write-scope check failed (${result.left.message})`,
        };
      const access = result.right;
      if (access.verified === true)
        return {
          name: "runn.writeScope",
          ok: true,
          level: "ok",
          message: `Runn token can write: Runn accepted ${access.via} with the record's own name (no value changed)`,
        };
      if (access.verified === false)
        return {
          name: "runn.writeScope",
          ok: false,
          level: "error",
          message: `Runn token is read-only: ${access.reason}; create a token with write access under Settings → API`,
        };
      return {
        name: "runn.writeScope",
        ok: true,
        level: "warning",
        message: `not verified: ${access.reason}; a read-only token is then only detected by the first run's first write`,
      };
    }),
  );

/** Formats a skew in seconds for people: `+3 s`, `-2 min 5 s`, `+181 days 3 h`. */
export const formatSkew = (seconds: number): string => {
  const sign = seconds < 0 ? "-" : "+";
  let rest = Math.abs(Math.round(seconds));
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const parts = [
    days > 0 ? `${days} days` : "",
    hours > 0 ? `${hours} h` : "",
    minutes > 0 ? `${minutes} min` : "",
    secs > 0 || (days === 0 && hours === 0 && minutes === 0) ? `${secs} s` : "",
  ].filter((p) => p !== "");
  return `${sign}${parts.join(" ")}`;
};

/** Clock skew (server − local) of one API, from its `Date` header; local time is the request's midpoint. */
export const clockSkew = <E extends { readonly message: string }>(
  name: string,
  api: string,
  serverTime: Effect.Effect<Date | null, E>,
): Effect.Effect<DoctorCheck> =>
  Effect.gen(function* () {
    const before = yield* Clock.currentTimeMillis;
    const result = yield* Effect.either(serverTime);
    const after = yield* Clock.currentTimeMillis;
    if (Either.isLeft(result))
      return {
        name,
        ok: true,
        level: "warning",
        message: `${api} clock skew not measured: ${result.left.message}`,
      } satisfies DoctorCheck;
    if (result.right === null)
      return {
        name,
        ok: true,
        level: "warning",
        message: `${api} clock skew not measured: no Date header in the answer`,
      } satisfies DoctorCheck;
    const skew = (result.right.getTime() - (before + after) / 2) / 1000;
    // The Date header has whole seconds: differences within a second are noise.
    const shown = Math.abs(skew) < 1 ? 0 : skew;
    if (Math.abs(skew) <= maxSkewSeconds)
      return {
        name,
        ok: true,
        level: "ok",
        message: `${api} clock skew ${formatSkew(shown)} (server − local, within ${maxSkewSeconds} s)`,
      } satisfies DoctorCheck;
    return {
      name,
      ok: true,
      level: "warning",
      message: `${api} clock skew ${formatSkew(shown)} (server − local, over ${maxSkewSeconds} s): check this machine's clock — a wrong local clock breaks updated_since cursors`,
    } satisfies DoctorCheck;
  });
