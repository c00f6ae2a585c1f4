export * as Exchange from "./Exchange.ts";
export * as Pacer from "./Pacer.ts";
