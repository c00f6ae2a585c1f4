/** Harvest records and list envelopes as they appear on the wire (snake_case, full objects). */
export const stamp = "2026-01-05T09:30:00Z";

export const user = (id: number, overrides: Record<string, unknown> = {}) => ({
  id,
  first_name: "Ada",
  last_name: `Person${id}`,
  email: `person${id}@example.com`,
  telephone: "",
  timezone: "Berlin",
  has_access_to_all_future_projects: false,
  is_contractor: false,
  is_active: true,
  weekly_capacity: 144_000,
  default_hourly_rate: 120,
  cost_rate: 60,
  roles: ["Developer"],
  access_roles: ["administrator"],
  avatar_url: null,
  created_at: stamp,
  updated_at: stamp,
  ...overrides,
});

export const client = (id: number) => ({
  id,
  name: `Client ${id}`,
  is_active: true,
  address: null,
  statement_key: "k",
  currency: "EUR",
  created_at: stamp,
  updated_at: stamp,
});

export const timeEntry = (id: number, spentDate = "2026-01-05") => ({
  id,
  spent_date: spentDate,
  user: { id: 1, name: "Ada Person1" },
  client: { id: 2, name: "Client 2" },
  project: { id: 3, name: "Project 3" },
  task: { id: 4, name: "Design" },
  external_reference: null,
  invoice: null,
  hours: 1.5,
  hours_without_timer: 1.5,
  rounded_hours: 1.5,
  notes: null,
  is_locked: false,
  locked_reason: null,
  is_closed: false,
  approval_status: "unsubmitted",
  is_billed: false,
  timer_started_at: null,
  started_time: null,
  ended_time: null,
  is_running: false,
  billable: true,
  budgeted: true,
  billable_rate: 100,
  cost_rate: 50,
  created_at: stamp,
  updated_at: stamp,
});

export const company = () => ({
  base_uri: "https://acme.harvestapp.com",
  full_domain: "acme.harvestapp.com",
  name: "Acme",
  is_active: true,
  week_start_day: "Monday",
  wants_timestamp_timers: false,
  time_format: "decimal",
  date_format: "%Y-%m-%d",
  plan_type: "simple-v4",
  clock: "24h",
  weekly_capacity: 144_000,
});

export const accounts = () => ({
  user: { id: 1, first_name: "Ada", last_name: "Person1", email: "person1@example.com" },
  accounts: [
    { id: 111, name: "Acme", product: "harvest" },
    { id: 222, name: "Acme", product: "forecast" },
  ],
});

/** A cursor-list page: page numbers null, `links.next` the next URL or null. */
export const cursorPage = (key: string, records: ReadonlyArray<unknown>, next: string | null) => ({
  [key]: records,
  per_page: 2000,
  total_pages: 3,
  total_entries: 6,
  page: null,
  next_page: null,
  previous_page: null,
  links: {
    first: `https://harvest.test/v2/${key}?per_page=2000&ref=first`,
    next,
    previous: null,
    last: `https://harvest.test/v2/${key}?page=3&per_page=2000&ref=last`,
  },
});

/** A page-number page of `total` pages. */
export const numberedPage = (key: string, records: ReadonlyArray<unknown>, page: number, total: number) => ({
  [key]: records,
  per_page: 2000,
  total_pages: total,
  total_entries: records.length * total,
  page,
  next_page: page < total ? page + 1 : null,
  previous_page: page > 1 ? page - 1 : null,
  links: {
    first: `https://harvest.test/v2/${key}?page=1&per_page=2000`,
    next: page < total ? `https://harvest.test/v2/${key}?page=${page + 1}&per_page=2000` : null,
    previous: page > 1 ? `https://harvest.test/v2/${key}?page=${page - 1}&per_page=2000` : null,
    last: `https://harvest.test/v2/${key}?page=${total}&per_page=2000`,
  },
});
