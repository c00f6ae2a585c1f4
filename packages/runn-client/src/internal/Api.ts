/**
 * The typed openapi-fetch client over our generated Runn `paths` (never exported from the package),
 * plus what every call needs: the version header and the HTTP settings.
 */
import type { Client } from "openapi-fetch";
import type { paths } from "../generated/runn.ts";
import type { HttpSettings } from "./Http.ts";

/** The `Accept-Version` header Runn requires on every request. */
export const header = { "Accept-Version": "1.0.0" } as const;

/** Everything the operations need. */
export interface Ctx {
  readonly api: Client<paths>;
  readonly http: HttpSettings;
  readonly baseUrl: string;
}

/** Copies a readonly array into the mutable form the generated request types use. */
export const mutable = <A>(items: ReadonlyArray<A>): Array<A> => [...items];

/** The same object without `undefined` values: optional fields are omitted rather than sent empty. */
export type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/** Drops `undefined` properties so domain inputs fit the generated request types. */
export const compact = <T extends object>(value: T): Defined<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Defined<T>;
