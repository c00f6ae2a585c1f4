/**
 * Runs an effect while moving the TestClock forward in steps, letting real I/O (msw) settle between
 * steps, until the effect ends. Bounded: dies after `maxSteps` steps.
 */
import { type Duration, Effect, Fiber, Option, TestClock } from "effect";

const tick = Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

export const drive = <A, E>(
  effect: Effect.Effect<A, E>,
  options: { readonly step?: Duration.DurationInput; readonly maxSteps?: number } = {},
): Effect.Effect<A, E> =>
  Effect.gen(function* () {
    const fiber = yield* Effect.fork(effect);
    const maxSteps = options.maxSteps ?? 2_000;
    for (let i = 0; i < maxSteps; i++) {
      yield* tick;
      const exit = yield* Fiber.poll(fiber);
      if (Option.isSome(exit)) return yield* exit.value;
      yield* TestClock.adjust(options.step ?? "100 millis");
    }
    return yield* Effect.dieMessage(`drive: the effect did not finish within ${maxSteps} steps`);
  });
