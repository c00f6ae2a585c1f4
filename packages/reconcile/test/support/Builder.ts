/**
 * Reconcile test worlds on top of the shared record builders (`@harvest-runn/domain/testing`): options
 * with every switch on, and a small linked world with its actual key.
 */
import { type Ids, ReconcileOptions } from "@harvest-runn/domain";
import { Records } from "@harvest-runn/domain/testing";

export const {
  actual,
  assignment,
  client,
  contract,
  entry,
  harvestSnapshot,
  ledgerEntry,
  member,
  project,
  ref,
  runnClient,
  runnPerson,
  runnProject,
  runnRole,
  runnSnapshot,
  user,
} = Records;

/** The day tests run on. */
export const TODAY = "2026-11-27" as Ids.IsoDate;

/** Options with every switch on (actuals included) and overrides. */
export const options = (o: Partial<ReconcileOptions.Options> = {}): ReconcileOptions.Options =>
  ReconcileOptions.make({
    today: TODAY,
    connectionId: "test" as Ids.ConnectionId,
    now: "2026-11-27T12:00:00Z" as Ids.IsoDateTime,
    switches: { clientsAndProjects: true, people: true, actuals: true },
    ...o,
  });

/** A small linked world: Harvest user 1, client 10, project 100, each linked; role 7 "Developer". */
export const linkedWorld = () => ({
  harvest: harvestSnapshot({
    users: [user({ id: 1 })],
    clients: [client({ id: 10 })],
    projects: [project({ id: 100, clientId: 10 })],
  }),
  runn: runnSnapshot({
    people: [runnPerson({ id: 501, harvestId: 1 })],
    clients: [runnClient({ id: 510, harvestId: 10 })],
    projects: [runnProject({ id: 600, harvestId: 100, clientId: 510 })],
    roles: [runnRole({ id: 7, name: "Developer" })],
    contracts: [contract({ id: 900, personId: 501, roleId: 7 })],
  }),
});

/** The key of person 501, project 600, role 7 on a day (the linked world's key). */
export const key = (date: string, roleId = 7) => ({ personId: 501, projectId: 600, roleId, date });
