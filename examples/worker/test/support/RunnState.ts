/** Runn's state of one sandbox account keyed by Harvest references and actual keys (never Runn ids). */
type Ref = { referenceName: string; externalId: string };
type Entity = { id: number; references: ReadonlyArray<Ref> };
/** The parts of the sandbox's `GET /runn/state` document this file reads. */
interface StateDocument {
  clients: Array<Entity & { name: string; isArchived: boolean }>;
  projects: Array<Entity & { name: string; clientId: number }>;
  people: Array<Entity & { firstName: string; lastName: string }>;
  roles: Array<{ id: number; name: string }>;
  currentContracts: Array<{ personId: number; roleId: number }>;
  actuals: Array<{
    personId: number;
    projectId: number;
    roleId: number;
    date: string;
    workstreamId: number | null;
    billableMinutes: number;
    nonbillableMinutes: number;
  }>;
}

const harvestRef = (refs: ReadonlyArray<Ref>) =>
  refs
    .filter((r) => r.referenceName === "Harvest")
    .map((r) => r.externalId)
    .sort()
    .join(",");

const count = (list: ReadonlyArray<string>) => {
  const m: Record<string, number> = {};
  for (const k of [...list].sort()) m[k] = (m[k] ?? 0) + 1;
  return m;
};

/** What a user sees in Runn after a sync: entities by reference and name, roles, actual day totals. */
export const of = async (control: string, account: number) => {
  const res = await fetch(`${control}/runn/state?account=${account}`);
  const s = (await res.json()) as StateDocument;
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
    roles: count(s.roles.map((r) => String(r.name))),
    actuals: Object.fromEntries(
      s.actuals
        .filter((a) => a.billableMinutes > 0 || a.nonbillableMinutes > 0)
        .map((a) => [
          `${people.get(a.personId)}:${projects.get(a.projectId)}:${roleName.get(a.roleId)}:${a.date}:${a.workstreamId ?? ""}`,
          `${a.billableMinutes}+${a.nonbillableMinutes}`,
        ])
        .sort(),
    ),
  };
};

/** A state as `of` returns it. */
export type State = Awaited<ReturnType<typeof of>>;

/** Harvest ids referenced by more than one Runn entity of a kind. */
export const duplicates = (state: State): ReadonlyArray<string> =>
  Object.entries(state.refs)
    .filter(([, n]) => n > 1)
    .map(([k]) => k);
