/** The pure diff engine: Harvest and Runn snapshots in, a Plan out. */
export * as Reconcile from "./Reconcile.ts";
