/** Wire-shaped Runn records (as the API sends them) for msw handlers. */
export const at = "2026-01-05T10:00:00.000Z";

export const ref = (referenceName: string, externalId: string) => ({ referenceName, externalId });

export const client = (
  id: number,
  references: Array<{ referenceName: string; externalId: string }> = [],
) => ({
  id,
  name: `Client ${id}`,
  website: null,
  isArchived: false,
  references,
  createdAt: at,
  updatedAt: at,
});

export const project = (
  id: number,
  references: Array<{ referenceName: string; externalId: string }> = [],
) => ({
  id,
  name: `Project ${id}`,
  clientId: 1,
  isArchived: false,
  isConfirmed: true,
  isTemplate: false,
  pricingModel: "tm",
  rateType: "hours",
  budget: null,
  expensesBudget: null,
  teamId: null,
  references,
  rateCardId: 1,
  customFields: { select: [], text: [], checkbox: [], date: [] },
  managerIds: [],
  tags: [],
  createdAt: at,
  updatedAt: at,
});

export const person = (
  id: number,
  references: Array<{ referenceName: string; externalId: string }> = [],
) => ({
  id,
  firstName: "Ada",
  lastName: `Person${id}`,
  email: `p${id}@example.com`,
  isArchived: false,
  teamId: null,
  references,
  tags: [],
  holidaysGroupId: null,
  managers: [],
  createdAt: at,
  updatedAt: at,
});

/** One person as `GET`, `POST` and `PATCH /people/…` answer: the list shape plus notes, skills, custom fields. */
export const personRecord = (
  id: number,
  references: Array<{ referenceName: string; externalId: string }> = [],
) => ({
  ...person(id, references),
  notes: [],
  skills: [],
  customFields: { select: [], text: [], checkbox: [], date: [] },
});

export const role = (id: number, references: Array<{ referenceName: string; externalId: string }> = []) => ({
  id,
  name: `Role ${id}`,
  isArchived: false,
  defaultHourCost: 50,
  standardRate: 120,
  references,
  personIds: [],
  createdAt: at,
  updatedAt: at,
});

export const actual = (id: number, date = "2026-01-05") => ({
  id,
  date,
  personId: 1,
  projectId: 2,
  roleId: 3,
  workstreamId: null,
  phaseId: null,
  billableMinutes: 60,
  nonbillableMinutes: 0,
  billableNote: null,
  nonbillableNote: null,
  createdAt: at,
  updatedAt: at,
});

/** An error body as Runn sends it. */
export const errorBody = (statusCode: number, error: string, message: string) => ({
  error,
  statusCode,
  message,
});
