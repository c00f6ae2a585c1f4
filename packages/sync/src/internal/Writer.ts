/**
 * What applying a plan needs from Runn and from the store, as two small ports. `Apply` is written
 * against them only; `RunnWriter.fromClient` adapts the Runn client and `Record` adapts the store, so
 * the apply order, ref resolution and failure handling are testable on their own.
 */
import type { Ledger, Runn } from "@harvest-runn/domain";
import type { Effect } from "effect";
import type { RunItem } from "../Output.ts";

/** A failed Runn write: the client's `reason` (`OutcomeUnknown`, `RateLimited`, ...) and a message. */
export interface WriteFailure {
  readonly reason: string;
  readonly message: string;
}

/** A project to create, with its client already resolved to a Runn id. */
export interface ProjectInput {
  readonly name: string;
  readonly clientId: number;
  readonly pricingModel: Runn.PricingModel;
  readonly budget: number | null;
  readonly isConfirmed: boolean;
  readonly references: ReadonlyArray<Runn.Reference>;
}

/** A person to create, with the role already resolved to a Runn id. */
export interface PersonInput {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string | null;
  readonly roleId: number;
  readonly employmentType: Runn.EmploymentType;
  readonly minutesPerDay: number;
  readonly costPerHour: number | null;
  readonly references: ReadonlyArray<Runn.Reference>;
}

/** An actual as the bulk endpoint returned it: enough to find its key and its id. */
export interface WrittenActual {
  readonly id: number;
  readonly personId: number;
  readonly projectId: number;
  readonly roleId: number;
  readonly date: string;
}

/** A client a bulk create returned: its id and the references it carries. */
export interface CreatedClient {
  readonly id: number;
  readonly references: ReadonlyArray<Runn.Reference>;
}

/** The Runn writes a plan makes. */
export interface RunnWriter {
  readonly createRole: (name: string) => Effect.Effect<number, WriteFailure>;
  /** A role by name, case-insensitively (to resolve an ambiguous role create). */
  readonly findRole: (name: string) => Effect.Effect<number | null, WriteFailure>;
  /**
   * Creates clients in one bulk request (at most 100); the created clients in whatever order Runn
   * answers (its spec promises none), each with the references it was stored with.
   */
  readonly createClients: (
    inputs: ReadonlyArray<{ readonly name: string; readonly references: ReadonlyArray<Runn.Reference> }>,
  ) => Effect.Effect<ReadonlyArray<CreatedClient>, WriteFailure>;
  readonly createProject: (input: ProjectInput) => Effect.Effect<number, WriteFailure>;
  readonly createPerson: (input: PersonInput) => Effect.Effect<number, WriteFailure>;
  /** The id of the entity of a kind carrying a reference, or null (to resolve an ambiguous create). */
  readonly findByReference: (
    kind: "client" | "project" | "person",
    reference: Runn.Reference,
  ) => Effect.Effect<number | null, WriteFailure>;
  /** Adds a reference to an entity, keeping its other references. */
  readonly addReference: (
    kind: "client" | "project" | "person",
    id: number,
    reference: Runn.Reference,
  ) => Effect.Effect<void, WriteFailure>;
  /** Upserts at most 100 actuals in one bulk request. */
  readonly upsertActuals: (
    inputs: ReadonlyArray<Runn.ActualInput>,
  ) => Effect.Effect<ReadonlyArray<WrittenActual>, WriteFailure>;
  readonly deleteActual: (id: number) => Effect.Effect<void, WriteFailure>;
}

/** Where a run records what it did, as each write completes; its failures stop the run (lost lease). */
export interface Recorder<E> {
  readonly items: (items: ReadonlyArray<RunItem>) => Effect.Effect<void, E>;
  readonly ledgerPut: (entries: ReadonlyArray<Ledger.LedgerEntry>) => Effect.Effect<void, E>;
  readonly ledgerRemove: (keys: ReadonlyArray<Ledger.ActualKey>) => Effect.Effect<void, E>;
}
