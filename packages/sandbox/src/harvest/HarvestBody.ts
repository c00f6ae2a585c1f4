/** Body helpers shared by the Harvest write operations. */

import { reply } from "../Http.ts";
import type { HarvestAccount } from "./HarvestModel.ts";

export type Body = Record<string, unknown>;
export const invalid = (message: string) => reply(422, { message });
export const str = (b: Body, k: string) => (typeof b[k] === "string" ? (b[k] as string) : undefined);
export const bool = (b: Body, k: string) => (typeof b[k] === "boolean" ? (b[k] as boolean) : undefined);
export const num = (b: Body, k: string) =>
  typeof b[k] === "number" && Number.isFinite(b[k]) ? (b[k] as number) : undefined;
export const numOrNull = (b: Body, k: string): number | null | undefined =>
  b[k] === null ? null : num(b, k);
export const changed = (a: HarvestAccount) => {
  a.version++;
  a.entries.touch();
};
