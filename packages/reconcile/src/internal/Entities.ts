/**
 * Create-only import of clients, projects and people (SPEC E1–E10): for each Harvest entity, whether it
 * is linked, conflicting, held, linked now (E8 `link`), created, or left alone, and the slot its time uses.
 */
import type { Harvest, Plan, Reason, ReconcileOptions, Snapshot } from "@harvest-runn/domain";
import * as Identity from "./Identity.ts";
import type { Roles } from "./Roles.ts";
import * as Slots from "./Slots.ts";

/** What the entity pass produces. */
export interface EntityPlan {
  readonly clients: Array<Plan.CreateClient>;
  readonly projects: Array<Plan.CreateProject>;
  readonly people: Array<Plan.CreatePerson>;
  readonly links: Array<Plan.LinkEntity>;
  readonly report: Array<Plan.ReportItem>;
  readonly user: (harvestId: number) => Slots.PersonSlot;
  readonly project: (harvestId: number) => Slots.Slot;
}

interface Item {
  readonly id: number;
  readonly name: string;
  readonly active: boolean;
  readonly matchKey: () => string | null;
}

type Create = (item: Item, slot: Slots.Slot) => Reason.ReasonCode | null;

/** Plans the entities of the snapshots under the given settings. */
export const plan = (
  harvest: Snapshot.HarvestSnapshot,
  runn: Snapshot.RunnSnapshot,
  settings: ReconcileOptions.Settings,
  identities: Identity.Identities,
  roles: Roles,
): EntityPlan => {
  const out: EntityPlan = {
    clients: [],
    projects: [],
    people: [],
    links: [],
    report: [],
    user: () => Slots.person(Slots.skipped("person_not_linked")),
    project: () => Slots.skipped("project_not_linked"),
  };
  const scopeTypes = settings.scope.kind === "entities" ? settings.scope.types : [];
  const projectsOn = settings.switches.clientsAndProjects && scopeTypes.includes("projects");
  const clientsOn = settings.switches.clientsAndProjects && (scopeTypes.includes("clients") || projectsOn);
  const peopleOn = settings.switches.people && scopeTypes.includes("people");
  const dni = new Set(settings.doNotImport.map((d) => `${d.kind}:${d.harvestId}`));
  const refName = settings.referenceName;

  const planKind = (
    kind: Identity.Kind,
    items: ReadonlyArray<Item>,
    enabled: boolean,
    create: Create,
  ): { slots: Map<number, Slots.Slot>; archived: Map<number, Item> } => {
    const index = identities[kind];
    const notLinked: Reason.ReasonCode = kind === "person" ? "person_not_linked" : `${kind}_not_linked`;
    const slots = new Map<number, Slots.Slot>();
    const archived = new Map<number, Item>();
    const sorted = [...items].sort((a, b) => a.id - b.id);
    const linksOf = sorted.map((it) => index.links.get(String(it.id)));
    const eligible = (it: Item, i: number) =>
      linksOf[i] === undefined && !dni.has(`${kind}:${it.id}`) && (it.active || settings.includeArchived);
    const match = Identity.matcher(
      index,
      sorted.filter(eligible).map((it) => it.matchKey()),
    );
    for (let i = 0; i < sorted.length; i++) {
      const it = sorted[i]!;
      if (slots.has(it.id)) continue;
      const ids = linksOf[i];
      // E1: linked by the reference only; E9: several Runn records claim it; E10: do not import;
      // E5: archived only with includeArchived; E8: possible duplicates by policy; E2: else create.
      if (ids !== undefined && ids.length === 1) slots.set(it.id, Slots.linked(ids[0]!));
      else if (ids !== undefined) {
        out.report.push({ _tag: "ConflictingLink", kind, harvestId: it.id, runnIds: ids });
        slots.set(it.id, Slots.skipped("ambiguous_link", ids));
      } else if (dni.has(`${kind}:${it.id}`)) {
        if (enabled)
          out.report.push(held(kind, it.id, "do_not_import", `${it.name} is on the do-not-import list`));
        slots.set(it.id, Slots.skipped("do_not_import"));
      } else if (!enabled) slots.set(it.id, Slots.skipped(notLinked));
      else if (!it.active && !settings.includeArchived) {
        archived.set(it.id, it);
        slots.set(it.id, Slots.skipped(notLinked));
      } else if (runn.unreadableKinds.includes(kind)) {
        out.report.push(held(kind, it.id, "identity_unreadable", `some Runn ${kind} records are unreadable`));
        slots.set(it.id, Slots.skipped("identity_unreadable"));
      } else {
        const m = match(it.id, it.matchKey());
        const policy = settings.onPossibleDuplicate;
        if (m !== null) {
          const outcome = policy === "create" ? "created" : policy === "link" && m.unique ? "linked" : "held";
          out.report.push({
            _tag: "PossibleDuplicate",
            kind,
            harvestId: it.id,
            name: it.name,
            suggestions: m.candidates.map((runnId) => ({ kind, runnId, harvestId: it.id })),
            outcome,
          });
          if (outcome === "held") {
            slots.set(it.id, Slots.skipped("possible_duplicate"));
            continue;
          }
          if (outcome === "linked") {
            const runnId = m.candidates[0]!;
            const references = index.byId.get(runnId)?.references ?? [];
            out.links.push({
              _tag: "LinkEntity",
              kind,
              runnId,
              harvestId: it.id,
              reference: { referenceName: refName, externalId: String(it.id) },
              references: Identity.withReference(references, refName, it.id),
            });
            slots.set(it.id, Slots.linked(runnId));
            continue;
          }
        }
        const slot = Slots.created(`new:${kind}:${it.id}` as Plan.NewRef, it.id);
        const reason = create(it, slot);
        if (reason === null) slots.set(it.id, slot);
        else {
          out.report.push(held(kind, it.id, reason, `${it.name} cannot be created yet`));
          slots.set(it.id, Slots.skipped(notLinked));
        }
      }
    }
    return { slots, archived };
  };

  const fallback = (kind: Identity.Kind, id: number): Slots.Slot => {
    const ids = identities[kind].links.get(String(id));
    if (ids === undefined)
      return Slots.skipped(kind === "person" ? "person_not_linked" : `${kind}_not_linked`);
    return ids.length === 1 ? Slots.linked(ids[0]!) : Slots.skipped("ambiguous_link", ids);
  };
  const references = (id: number) => [{ referenceName: refName, externalId: String(id) }];

  // Clients.
  const clientsById = new Map<number, Harvest.Client>();
  for (const c of harvest.clients) clientsById.set(c.id, c);
  const clientItem = (c: Harvest.Client): Item => ({
    id: c.id,
    name: c.name,
    active: c.is_active,
    matchKey: () => Identity.normalise(c.name),
  });
  const createClient: Create = (it, slot) => {
    out.clients.push({
      _tag: "CreateClient",
      ref: slot.ref as Plan.NewRef,
      harvestId: it.id,
      name: it.name,
      references: references(it.id),
    });
    return null;
  };
  const clients = planKind("client", harvest.clients.map(clientItem), clientsOn, createClient);
  // A project to create needs its client: an archived or unlisted client is created for it (E6).
  const clientFor = (harvestClientId: number, name: string): Slots.Slot => {
    const slot = clients.slots.get(harvestClientId);
    if (slot !== undefined && slot.skip === null) return slot;
    const archived = clients.archived.get(harvestClientId);
    const unseen = slot === undefined && identities.client.links.get(String(harvestClientId)) === undefined;
    if (clientsOn && (archived !== undefined || unseen) && !dni.has(`client:${harvestClientId}`)) {
      const item = archived ?? {
        id: harvestClientId,
        name,
        active: true,
        matchKey: () => Identity.normalise(name),
      };
      clients.archived.delete(harvestClientId);
      const made = planKind("client", [{ ...item, active: true }], true, createClient).slots.get(
        harvestClientId,
      )!;
      clients.slots.set(harvestClientId, made);
      return made;
    }
    return slot ?? fallback("client", harvestClientId);
  };

  // Projects.
  const projectsById = new Map<number, Harvest.Project>();
  for (const p of harvest.projects) projectsById.set(p.id, p);
  const createProject: Create = (it, slot) => {
    const p = projectsById.get(it.id)!;
    const client = clientFor(p.client.id, p.client.name);
    if (client.skip !== null) return "client_not_linked";
    out.projects.push({
      _tag: "CreateProject",
      ref: slot.ref as Plan.NewRef,
      harvestId: p.id,
      name: p.name,
      clientId: client.ref as Plan.ClientRef,
      // E6: non-billable → nb, fixed fee → fp, else tm; a budget only for total project fees, not monthly.
      pricingModel: !p.is_billable ? "nb" : p.is_fixed_fee ? "fp" : "tm",
      budget: p.budget_by === "project_cost" && !p.budget_is_monthly ? p.cost_budget : null,
      isConfirmed: true,
      references: references(p.id),
    });
    return null;
  };
  const projects = planKind(
    "project",
    harvest.projects.map((p) => ({
      id: p.id,
      name: p.name,
      active: p.is_active,
      matchKey: () => Identity.projectMatchKey(p.name, p.client.name),
    })),
    projectsOn,
    createProject,
  );

  // People.
  const usersById = new Map<number, Harvest.User>();
  for (const u of harvest.users) usersById.set(u.id, u);
  const personRoles = new Map<number, Slots.PersonSlot["newRole"]>();
  const createPerson: Create = (it, slot) => {
    const u = usersById.get(it.id)!;
    // E7: exactly one Harvest role → that Runn role; none or several → "Unknown"; the mapping table first.
    const role = roles.forNewPerson(u.roles);
    if (typeof role === "string") return role;
    personRoles.set(u.id, role);
    out.people.push({
      _tag: "CreatePerson",
      ref: slot.ref as Plan.NewRef,
      harvestId: u.id,
      firstName: u.first_name,
      lastName: u.last_name,
      email: u.email.trim() === "" ? null : u.email.trim(),
      roleId: role.ref,
      employmentType: u.is_contractor ? "contractor" : "employee",
      // E7: weekly capacity is in seconds; a day is a fifth of it in minutes, at least one.
      minutesPerDay: Math.max(1, Math.round(u.weekly_capacity / 60 / 5)),
      costPerHour: u.cost_rate ?? null,
      references: references(u.id),
    });
    return null;
  };
  const people = planKind(
    "person",
    harvest.users.map((u) => ({
      id: u.id,
      name: `${u.first_name} ${u.last_name}`,
      active: u.is_active,
      matchKey: () => Identity.normalise(u.email) || null,
    })),
    peopleOn,
    createPerson,
  );

  // Slots for the hot path, including Harvest ids that only appear in time entries.
  const personSlots = new Map<number, Slots.PersonSlot>();
  for (const [id, slot] of people.slots) personSlots.set(id, Slots.person(slot, personRoles.get(id) ?? null));
  const projectSlots = projects.slots;
  return {
    ...out,
    user: (id) => {
      let slot = personSlots.get(id);
      if (slot === undefined) {
        slot = Slots.person(fallback("person", id));
        personSlots.set(id, slot);
      }
      return slot;
    },
    project: (id) => {
      let slot = projectSlots.get(id);
      if (slot === undefined) {
        slot = fallback("project", id);
        projectSlots.set(id, slot);
      }
      return slot;
    },
  };
};

const held = (
  kind: Plan.Held["kind"],
  harvestId: number,
  reason: Reason.ReasonCode,
  detail: string,
): Plan.Held => ({
  _tag: "Held",
  kind,
  harvestId,
  reason,
  detail,
});
