/** Builders of Harvest and Runn records and snapshots for tests and benchmarks. */
export * as Records from "./Records.ts";
