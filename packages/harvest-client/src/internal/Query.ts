/**
 * List filters (camelCase, our public API) mapped to the query parameters our OpenAPI file declares;
 * the generated types make a misspelt parameter a compile error.
 */
import type { paths } from "../generated/harvest.ts";

/** The list endpoints of the client. */
export type ListPath =
  | "/users"
  | "/roles"
  | "/clients"
  | "/projects"
  | "/tasks"
  | "/time_entries"
  | "/user_assignments"
  | "/task_assignments";

/** The query parameters of one list endpoint. */
export type QueryOf<P extends ListPath> = NonNullable<paths[P]["get"]["parameters"]["query"]>;

/** A query as sent: every value already a string. */
export type WireQuery = Readonly<Record<string, string>>;

/** An instant as Harvest wants it: `YYYY-MM-DDTHH:MM:SSZ` (a `Date` is converted, a string sent as is). */
export const instant = (value: string | Date): string =>
  typeof value === "string" ? value : value.toISOString().replace(/\.\d{3}Z$/, "Z");

/** Drops undefined values and stringifies the rest, keeping the endpoint's parameter names checked. */
export const wire = <P extends ListPath>(
  query: { readonly [K in keyof QueryOf<P>]?: QueryOf<P>[K] | undefined },
) => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) out[key] = String(value);
  }
  return out as WireQuery;
};

/**
 * The query for the page a `links.next` URL points at: the link's own parameters (cursor, per_page,
 * whatever else it carries), plus any original filter the link dropped.
 */
export const followLink = (original: WireQuery, next: string, base: string): WireQuery | undefined => {
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return undefined;
  }
  const out: Record<string, string> = { ...original };
  for (const [key, value] of url.searchParams) out[key] = value;
  return out;
};
