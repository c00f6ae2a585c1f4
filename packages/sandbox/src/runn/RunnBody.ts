/** Body helpers shared by the Runn write operations: typed field reads, references, activity events. */
import type { Reply } from "../Http.ts";
import { runnError } from "./RunnJson.ts";
import type { RReference, RunnAccount } from "./RunnModel.ts";

/** A JSON request body. */
export type Body = Record<string, unknown>;
export const isReply = (v: unknown): v is Reply =>
  typeof v === "object" && v !== null && "status" in v && "json" in v;
export const bad = (m: string) => runnError(400, m);
export const str = (b: Body, k: string) => (typeof b[k] === "string" ? (b[k] as string) : undefined);
export const bool = (b: Body, k: string) => (typeof b[k] === "boolean" ? (b[k] as boolean) : undefined);
export const num = (b: Body, k: string) =>
  typeof b[k] === "number" && Number.isFinite(b[k]) ? (b[k] as number) : undefined;

export const referencesOf = (b: Body): RReference[] | undefined | Reply => {
  if (b.references === undefined) return undefined;
  if (!Array.isArray(b.references)) return bad("body/references must be an array");
  const out: RReference[] = [];
  for (const r of b.references) {
    const rec = r as Body;
    if (
      typeof rec?.referenceName !== "string" ||
      typeof rec.externalId !== "string" ||
      rec.referenceName === "" ||
      rec.externalId === ""
    )
      return bad("body/references items need a non-empty referenceName and externalId");
    out.push({ referenceName: rec.referenceName, externalId: rec.externalId });
  }
  return out;
};

export const touch = (a: RunnAccount) => {
  a.version++;
};

export const event = (a: RunnAccount, type: string, at: string, snapshot: Record<string, unknown>) => {
  a.events.push({
    eventId: `evt_${a.events.length + 1}`,
    type,
    timestamp: at,
    actor: { type: "api" },
    ...snapshot,
  });
};
