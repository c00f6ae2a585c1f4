/**
 * Runn's state of one sandbox account as a user sees it: entities by Harvest reference and name,
 * roles, actual day totals by key; never Runn ids or timestamps, so two runs that leave the same
 * Runn compare equal. Reads the sandbox's `GET /_sandbox/runn/state` over HTTP.
 */

/** A Runn reference (`referenceName` "Harvest" carries the Harvest id). */
export interface Reference {
  readonly referenceName: string;
  readonly externalId: string;
}

/** The parts of `GET /_sandbox/runn/state` tests read (freshly parsed JSON, so mutable). */
export interface Document {
  readonly clients: Array<{
    readonly id: number;
    readonly name: string;
    readonly isArchived: boolean;
    readonly references: ReadonlyArray<Reference>;
  }>;
  readonly projects: Array<{
    readonly id: number;
    readonly name: string;
    readonly clientId: number;
    readonly pricingModel: string;
    readonly references: ReadonlyArray<Reference>;
  }>;
  readonly people: Array<{
    readonly id: number;
    readonly firstName: string;
    readonly lastName: string;
    readonly email: string | null;
    readonly references: ReadonlyArray<Reference>;
  }>;
  readonly roles: Array<{ readonly id: number; readonly name: string }>;
  readonly currentContracts: Array<{
    readonly personId: number;
    readonly roleId: number;
    readonly minutesPerDay: number;
    readonly employmentType: string;
  }>;
  /** Absent when requested with `?actuals=false`. */
  readonly actuals?: Array<{
    readonly id: number;
    readonly personId: number;
    readonly projectId: number;
    readonly roleId: number;
    readonly date: string;
    readonly workstreamId: number | null;
    readonly billableMinutes: number;
    readonly nonbillableMinutes: number;
  }>;
}

/** What a user sees in Runn: counts per `kind:harvestId`, per entity line, and actual totals per key. */
export interface State {
  /** How many entities of a kind carry each Harvest id (`client:12`, `project:7`, `person:3`). */
  readonly refs: Readonly<Record<string, number>>;
  /** `ref|name|archived` of every client. */
  readonly clients: Readonly<Record<string, number>>;
  /** `ref|name|clientRef` of every project. */
  readonly projects: Readonly<Record<string, number>>;
  /** `ref|first last|role of the current contract` of every person. */
  readonly people: Readonly<Record<string, number>>;
  readonly roles: Readonly<Record<string, number>>;
  /** `billable+nonbillable` minutes per `personRef:projectRef:role:date:workstream`, non-zero only. */
  readonly actuals: Readonly<Record<string, string>>;
}

/** The Harvest ids of a reference list, sorted and joined ("" when none). */
export const harvestRef = (refs: ReadonlyArray<Reference>): string =>
  refs
    .filter((r) => r.referenceName === "Harvest")
    .map((r) => r.externalId)
    .sort()
    .join(",");

const count = (list: ReadonlyArray<string>) => {
  const m: Record<string, number> = {};
  for (const k of list) m[k] = (m[k] ?? 0) + 1;
  return m;
};

type Entity = { readonly id: number; readonly references: ReadonlyArray<Reference> };

/** The state a user sees, from a state document. */
export const view = (s: Document): State => {
  const roleName = new Map<number, string>(s.roles.map((r) => [r.id, r.name]));
  const refOf = (list: ReadonlyArray<Entity>) =>
    new Map<number, string>(list.map((x) => [x.id, harvestRef(x.references) || `runn:${x.id}`]));
  const people = refOf(s.people);
  const projects = refOf(s.projects);
  const clients = refOf(s.clients);
  const contractRole = new Map<number, string>(
    s.currentContracts.map((c) => [c.personId, roleName.get(c.roleId) ?? "?"]),
  );
  const refs = (list: ReadonlyArray<Entity>, kind: string) =>
    list
      .map((x) => harvestRef(x.references))
      .filter((r) => r !== "")
      .map((r) => `${kind}:${r}`);
  return {
    refs: count([...refs(s.clients, "client"), ...refs(s.projects, "project"), ...refs(s.people, "person")]),
    clients: count(s.clients.map((c) => `${clients.get(c.id)}|${c.name}|${c.isArchived}`)),
    projects: count(s.projects.map((p) => `${projects.get(p.id)}|${p.name}|${clients.get(p.clientId)}`)),
    people: count(
      s.people.map((p) => `${people.get(p.id)}|${p.firstName} ${p.lastName}|${contractRole.get(p.id)}`),
    ),
    roles: count(s.roles.map((r) => r.name)),
    actuals: Object.fromEntries(
      (s.actuals ?? [])
        .filter((a) => a.billableMinutes > 0 || a.nonbillableMinutes > 0)
        .map((a) => [
          `${people.get(a.personId)}:${projects.get(a.projectId)}:${roleName.get(a.roleId)}:${a.date}:${a.workstreamId ?? ""}`,
          `${a.billableMinutes}+${a.nonbillableMinutes}`,
        ])
        .sort(),
    ),
  };
};

/** Reads the state document of sandbox account `account` from the control API at `control`. */
export const document = async (control: string, account = 0): Promise<Document> => {
  const res = await fetch(`${control}/runn/state?account=${account}`);
  if (!res.ok) throw new Error(`GET ${control}/runn/state: ${res.status} ${await res.text()}`);
  return (await res.json()) as Document;
};

/** What a user sees in Runn for sandbox account `account`. */
export const of = async (control: string, account = 0): Promise<State> =>
  view(await document(control, account));

/** Harvest ids referenced by more than one Runn entity of a kind (duplicates a sync must never create). */
export const duplicates = (state: State): ReadonlyArray<string> =>
  Object.entries(state.refs)
    .filter(([, n]) => n > 1)
    .map(([k]) => k);
