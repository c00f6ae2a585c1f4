/** The framework-free request/response shapes every face of the sandbox shares. */
import { Optional } from "@harvest-runn/domain";

/** A request as the core sees it. Header names are lower case. */
export interface SimRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/** A response, or a dropped connection. */
export type SimResponse =
  | {
      readonly kind: "response";
      readonly status: number;
      readonly headers: Record<string, string>;
      readonly body: string | null;
    }
  | { readonly kind: "reset" };

/** What an API handler returns before faults and serialisation. */
export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** A JSON value to serialise (absent for an empty body). */
  readonly json?: unknown;
  /** For list replies: the key of the record array inside `json`, so faults can corrupt one record. */
  readonly listKey?: string;
}

/** A JSON reply. */
export const reply = (
  status: number,
  json?: unknown,
  headers?: Record<string, string>,
  listKey?: string,
): Reply => ({
  status,
  ...Optional.fields({ json }),
  ...(headers ? { headers } : {}),
  ...(listKey ? { listKey } : {}),
});

/** The JSON text of a reply's body, or null for an empty body. */
export const bodyText = (r: Reply): string | null => (r.json === undefined ? null : JSON.stringify(r.json));

/** Turns a reply into bytes on the wire (`text`: its body already serialised by `bodyText`). */
export const serialise = (r: Reply, text?: string | null): SimResponse => {
  const headers: Record<string, string> = { ...r.headers };
  if (r.json === undefined) return { kind: "response", status: r.status, headers, body: null };
  headers["content-type"] = "application/json; charset=utf-8";
  return { kind: "response", status: r.status, headers, body: text ?? bodyText(r) };
};

/** Lower-cases header names. */
export const lowerHeaders = (entries: Iterable<[string, string]>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of entries) out[k.toLowerCase()] = v;
  return out;
};

/** Parses a JSON body; `undefined` for no body, an Error for bad JSON. */
export const parseBody = (body: string | null): unknown => {
  if (body === null || body.trim() === "") return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return new Error("invalid JSON");
  }
};

/** True for methods that change state. */
export const isWrite = (method: string): boolean =>
  method !== "GET" && method !== "HEAD" && method !== "OPTIONS";

/** Encodes a keyset cursor as base64url JSON, like Harvest's `{"after":{"id":3007}}`. */
export const encodeCursor = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString("base64url");

/** Decodes a cursor made by `encodeCursor`, or null when it is not one. */
export const decodeCursor = (text: string): Record<string, unknown> | null => {
  try {
    const v = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    return v !== null && typeof v === "object" ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};
