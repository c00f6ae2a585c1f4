/**
 * The JSON the end-to-end tests read from the sandbox: its control API (`/_sandbox`) and the raw Harvest
 * API, spelled as far as the tests look into them (the generated Harvest types stay in harvest-client).
 */
import type { Faults, FirstImport } from "@harvest-runn/sandbox";
import type * as RunnState from "@harvest-runn/testing-support/RunnState";

/** Request counters of one API (`GET /_sandbox/stats`). */
export interface ApiStats {
  /** Requests per `METHOD /path` (ids replaced by `{id}`). */
  readonly requests: Readonly<Record<string, number>>;
  readonly total: number;
  readonly writes: number;
  readonly throttled: number;
  readonly faults: Readonly<Record<string, number>>;
}

/** What each control route answers; a route not listed answers `unknown`. */
export interface ControlReplies {
  readonly "GET /stats": { readonly harvest: ApiStats; readonly runn: ApiStats };
  readonly "DELETE /stats": { readonly harvest: ApiStats; readonly runn: ApiStats };
  readonly "GET /truth": { readonly firstImport: FirstImport.FirstImportTruth };
  readonly "GET /runn/state": RunnState.Document;
  readonly "PUT /faults": Faults.FaultConfig;
}

/** The reply of `method path` (a query string does not change the route). */
export type ControlReply<
  M extends string,
  P extends string,
> = `${M} ${P extends `${infer R}?${string}` ? R : P}` extends infer K
  ? K extends keyof ControlReplies
    ? ControlReplies[K]
    : unknown
  : never;

/** A Harvest time entry (`GET /v2/time_entries`). */
export interface HarvestTimeEntry {
  readonly id: number;
  readonly spent_date: string;
  readonly hours: number;
  readonly billable: boolean;
  readonly user: { readonly id: number };
  readonly project: { readonly id: number };
}

/** A Harvest user (`GET /v2/users`, `POST /v2/users`). */
export interface HarvestUser {
  readonly id: number;
  readonly first_name: string;
  readonly last_name: string;
  readonly email: string;
  readonly is_active: boolean;
  readonly is_contractor: boolean;
  readonly weekly_capacity: number;
  readonly roles: ReadonlyArray<string>;
}

/** A Harvest project (`GET /v2/projects`). */
export interface HarvestProject {
  readonly id: number;
  readonly name: string;
  readonly is_active: boolean;
  readonly is_billable: boolean;
  readonly is_fixed_fee: boolean;
  readonly client: { readonly id: number };
}

/** One page of a Harvest list: the records under `key`, and the next page number. */
export type HarvestPage<K extends string, A> = { readonly [k in K]: ReadonlyArray<A> } & {
  readonly next_page: number | null;
};
