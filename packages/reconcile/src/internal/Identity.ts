/**
 * Identity and matching (SPEC E1, E8, E9, R7): which Runn entities carry which Harvest ids under the
 * connection's reference name, which are unlinked, and which unlinked ones look like Harvest entities.
 */
import type { Runn, Snapshot } from "@harvest-runn/domain";

/** The linkable kinds. */
export type Kind = "client" | "project" | "person";

/** A Runn entity as identity sees it. */
export interface RunnIdentity {
  readonly id: number;
  readonly references: ReadonlyArray<Runn.Reference>;
}

/** Per kind: Harvest id (as written in the reference) → distinct Runn ids, and the unlinked entities. */
export interface KindIndex {
  readonly links: Map<string, Array<number>>;
  readonly unlinked: Array<RunnIdentity & { readonly matchKey: string | null }>;
  /** The unlinked entities by id (the only ones a plan links). */
  readonly byId: Map<number, RunnIdentity>;
  /** E10 migration: unlinked entities holding a Harvest id under another "harvest" reference name. */
  readonly adoptable: Map<string, Array<number>>;
}

/** Lower-cases, trims and collapses whitespace: the form names and emails are compared in (SPEC E8). */
export const normalise = (s: string | null | undefined): string =>
  s == null ? "" : s.trim().replace(/\s+/g, " ").toLowerCase();

const addLink = (links: Map<string, Array<number>>, externalId: string, id: number) => {
  const ids = links.get(externalId);
  if (ids === undefined) links.set(externalId, [id]);
  else if (!ids.includes(id)) ids.push(id);
};

const indexKind = (
  records: ReadonlyArray<RunnIdentity>,
  identityOnly: ReadonlyArray<Runn.IdentityOnly>,
  kind: Kind,
  referenceName: string,
  matchKey: (r: RunnIdentity) => string | null,
): KindIndex => {
  const links = new Map<string, Array<number>>();
  const unlinked: Array<RunnIdentity & { matchKey: string | null }> = [];
  const byId = new Map<number, RunnIdentity>();
  const adoptable = new Map<string, Array<number>>();
  const visit = (r: RunnIdentity, full: boolean) => {
    let linked = false;
    for (const ref of r.references) {
      if (ref.referenceName === referenceName) {
        linked = true;
        addLink(links, ref.externalId.trim(), r.id);
      }
    }
    if (linked || !full) return;
    byId.set(r.id, r);
    unlinked.push({ id: r.id, references: r.references, matchKey: matchKey(r) });
    for (const ref of r.references) {
      if (/harvest/i.test(ref.referenceName)) addLink(adoptable, ref.externalId.trim(), r.id);
    }
  };
  for (const r of records) visit(r, true);
  for (const r of identityOnly) if (r.kind === kind) visit(r, false);
  for (const ids of links.values()) ids.sort((a, b) => a - b);
  unlinked.sort((a, b) => a.id - b.id);
  for (const ids of adoptable.values()) ids.sort((a, b) => a - b);
  return { links, unlinked, byId, adoptable };
};

/** The identity indexes of a Runn snapshot. */
export interface Identities {
  readonly client: KindIndex;
  readonly project: KindIndex;
  readonly person: KindIndex;
}

/** Builds the identity indexes; duplicate keys are normalised client name, project + client name, email. */
export const index = (runn: Snapshot.RunnSnapshot, referenceName: string): Identities => {
  const clientName = new Map<number, string>();
  for (const c of runn.clients) clientName.set(c.id, c.name);
  const client = indexKind(runn.clients, runn.identityOnly, "client", referenceName, (r) =>
    normalise((r as Runn.Client).name),
  );
  const project = indexKind(runn.projects, runn.identityOnly, "project", referenceName, (r) => {
    const p = r as Runn.Project;
    return projectMatchKey(p.name, clientName.get(p.clientId) ?? "");
  });
  const person = indexKind(runn.people, runn.identityOnly, "person", referenceName, (r) => {
    const email = normalise((r as Runn.Person).email);
    return email === "" ? null : email;
  });
  return { client, project, person };
};

/** The duplicate key of a project: its name and its client's name. */
export const projectMatchKey = (name: string, clientName: string): string =>
  `${normalise(name)}\u0000${normalise(clientName)}`;

/** How an unlinked Harvest entity matches unlinked Runn ones. */
export interface Match {
  readonly candidates: ReadonlyArray<number>;
  /** True when exactly one Runn entity and exactly one Harvest entity share the key. */
  readonly unique: boolean;
}

const runnKeys = new WeakMap<KindIndex, Map<string, Array<number>>>();

/**
 * Finds the Runn candidates of an unlinked Harvest entity (SPEC E8, E10): unlinked Runn entities with the
 * same match key, and those holding its id under another "harvest" reference name (a migration).
 */
export const matcher = (kindIndex: KindIndex, harvestKeys: ReadonlyArray<string | null>) => {
  let runnByKey = runnKeys.get(kindIndex);
  if (runnByKey === undefined) {
    const byKey = new Map<string, Array<number>>();
    for (const r of kindIndex.unlinked) {
      if (r.matchKey === null || r.matchKey === "" || r.matchKey === "\u0000") continue;
      const ids = byKey.get(r.matchKey);
      if (ids === undefined) byKey.set(r.matchKey, [r.id]);
      else ids.push(r.id);
    }
    runnKeys.set(kindIndex, byKey);
    runnByKey = byKey;
  }
  const harvestCount = new Map<string, number>();
  for (const k of harvestKeys) if (k !== null) harvestCount.set(k, (harvestCount.get(k) ?? 0) + 1);
  return (harvestId: number, key: string | null): Match | null => {
    const adopt = kindIndex.adoptable.get(String(harvestId));
    const byKey = key === null ? undefined : runnByKey.get(key);
    if (adopt === undefined && byKey === undefined) return null;
    if (byKey === undefined) return { candidates: adopt!, unique: adopt!.length === 1 };
    const candidates = adopt === undefined ? byKey : [...new Set([...adopt, ...byKey])].sort((a, b) => a - b);
    const unique = candidates.length === 1 && (adopt !== undefined || harvestCount.get(key!) === 1);
    return { candidates, unique };
  };
};

/** The references to write when linking: the entity's own references plus the Harvest one. */
export const withReference = (
  references: ReadonlyArray<Runn.Reference>,
  referenceName: string,
  harvestId: number,
): ReadonlyArray<Runn.Reference> => [...references, { referenceName, externalId: String(harvestId) }];
