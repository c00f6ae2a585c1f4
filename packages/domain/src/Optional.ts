/**
 * Optional fields under `exactOptionalPropertyTypes`: a field that may be `undefined` is left out of
 * an object instead of being set to `undefined`, and its type says so.
 */
import type { Types } from "effect";

/** `A` with every field that may be `undefined` made optional, and never `undefined` when present. */
export type Fields<A> = Types.Simplify<
  { [K in keyof A as undefined extends A[K] ? never : K]: A[K] } & {
    [K in keyof A as undefined extends A[K] ? K : never]?: Exclude<A[K], undefined>;
  }
>;

/**
 * The fields of `a` whose value is not `undefined` (`null`, `0`, `""` and `false` stay).
 *
 * @example
 * const query = { page: 1, ...Optional.fields({ before, after }) }; // { page: number; before?: string; after?: string }
 */
export const fields = <A extends object>(a: A): Fields<A> => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(a)) if (value !== undefined) out[key] = value;
  return out as Fields<A>;
};

/**
 * `f(a)` when `a` is defined, else `undefined`: transforms a value that may be absent before `fields`.
 * Literals in the result keep their literal types, so `{ kind: "entities" }` still fits a union member.
 */
export const map = <A, const B>(a: A | undefined, f: (a: A) => B): B | undefined =>
  a === undefined ? undefined : f(a);
