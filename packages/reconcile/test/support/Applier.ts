/**
 * A pure test applier: executes a plan against in-memory snapshots and ledger the way the orchestrator
 * does against Runn and the store (creates with references, links, upserts, removals, ledger rows).
 */
import type { Ledger, Plan, Runn, Snapshot } from "@harvest-runn/domain";
import { actual, contract, runnClient, runnPerson, runnProject, runnRole } from "./Builder.ts";

/** The state after applying a plan. */
export interface Applied {
  readonly runn: Snapshot.RunnSnapshot;
  readonly ledger: ReadonlyArray<Ledger.LedgerEntry>;
}

const keyOf = (k: { personId: number; projectId: number; roleId: number; date: string }) =>
  `${k.personId}:${k.projectId}:${k.roleId}:${k.date}`;

/** Applies every operation of the plan in order; new ids start above every existing one. */
export const apply = (
  plan: Plan.Plan,
  runn: Snapshot.RunnSnapshot,
  ledgerIn: ReadonlyArray<Ledger.LedgerEntry>,
): Applied => {
  const all = [
    runn.clients,
    runn.projects,
    runn.people,
    runn.roles,
    runn.contracts,
    runn.actuals,
    runn.identityOnly,
  ];
  let next = Math.max(0, ...all.flatMap((l) => l.map((r) => r.id))) + 1000;
  const newIds = new Map<string, number>();
  const id = (r: number | string): number => (typeof r === "number" ? r : newIds.get(r)!);
  const clients = [...runn.clients];
  const projects = [...runn.projects];
  const people = [...runn.people];
  const roles = [...runn.roles];
  const contracts = [...runn.contracts];
  const actuals = new Map<string, Runn.Actual>();
  const foreign: Array<Runn.Actual> = [];
  for (const a of runn.actuals) {
    if (a.workstreamId !== null) foreign.push(a);
    else actuals.set(keyOf(a), a);
  }
  const ledger = new Map<string, Ledger.LedgerEntry>();
  for (const l of ledgerIn) ledger.set(keyOf(l.key), l);
  const relink = <A extends { id: number; references: ReadonlyArray<Runn.Reference> }>(
    list: Array<A>,
    op: Plan.LinkEntity,
  ) => {
    const i = list.findIndex((r) => r.id === op.runnId);
    if (i >= 0) list[i] = { ...list[i]!, references: op.references };
  };

  for (const op of plan.operations) {
    switch (op._tag) {
      case "CreateRole":
        newIds.set(op.ref, next);
        roles.push(runnRole({ id: next++, name: op.name }));
        break;
      case "CreateClient":
        newIds.set(op.ref, next);
        clients.push(runnClient({ id: next++, name: op.name, references: op.references }));
        break;
      case "CreateProject":
        newIds.set(op.ref, next);
        projects.push(
          runnProject({
            id: next++,
            clientId: id(op.clientId),
            name: op.name,
            references: op.references,
            pricingModel: op.pricingModel,
            budget: op.budget,
          }),
        );
        break;
      case "CreatePerson": {
        const personId = next++;
        newIds.set(op.ref, personId);
        people.push(
          runnPerson({
            id: personId,
            firstName: op.firstName,
            lastName: op.lastName,
            email: op.email,
            references: op.references,
          }),
        );
        contracts.push(contract({ id: next++, personId, roleId: id(op.roleId) }));
        break;
      }
      case "LinkEntity":
        if (op.kind === "client") relink(clients, op);
        else if (op.kind === "project") relink(projects, op);
        else relink(people, op);
        break;
      case "UpsertActual": {
        const k = {
          personId: id(op.personId),
          projectId: id(op.projectId),
          roleId: id(op.roleId),
          date: op.date,
        };
        const seen = actuals.get(keyOf(k));
        const written = seen
          ? { ...seen, billableMinutes: op.billableMinutes, nonbillableMinutes: op.nonbillableMinutes }
          : actual({
              id: next++,
              key: k,
              billableMinutes: op.billableMinutes,
              nonbillableMinutes: op.nonbillableMinutes,
            });
        actuals.set(keyOf(k), written);
        ledger.set(keyOf(k), {
          key: k as Ledger.ActualKey,
          billableMinutes: op.billableMinutes,
          nonbillableMinutes: op.nonbillableMinutes,
          runnActualId: written.id,
          harvestEntryIds: op.harvestEntryIds as Ledger.LedgerEntry["harvestEntryIds"],
          writtenAt: "2026-11-27T12:00:00Z",
        });
        break;
      }
      case "RemoveActual": {
        const k = keyOf(op.key);
        const seen = actuals.get(k);
        if (op.mode === "delete") actuals.delete(k);
        else if (seen) actuals.set(k, { ...seen, billableMinutes: 0, nonbillableMinutes: 0 });
        ledger.delete(k);
        break;
      }
      case "RecordLedger":
        ledger.set(keyOf(op.key), {
          key: op.key,
          billableMinutes: op.billableMinutes,
          nonbillableMinutes: op.nonbillableMinutes,
          runnActualId: op.runnActualId,
          harvestEntryIds: op.harvestEntryIds as Ledger.LedgerEntry["harvestEntryIds"],
          writtenAt: "2026-11-27T12:00:00Z",
        });
        break;
      case "ForgetLedger":
        ledger.delete(keyOf(op.key));
        break;
    }
  }
  return {
    runn: {
      ...runn,
      clients,
      projects,
      people,
      roles,
      contracts,
      actuals: [...actuals.values(), ...foreign],
    },
    ledger: [...ledger.values()],
  };
};
