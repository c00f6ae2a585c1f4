/** Wire JSON (snake_case, as `openapi/harvest.yaml` describes it) of the simulated Harvest records. */
import { roundHours } from "./ActualsPlan.ts";
import { isoDay, isoSeconds } from "./Dates.ts";
import { approvalStates, F_BILLABLE, F_BILLED, F_LOCKED, F_RUNNING } from "./EntryStore.ts";
import {
  fullName,
  type HarvestAccount,
  type HClient,
  type HProject,
  type HRole,
  type HTask,
  type HTaskAssignment,
  type HUser,
  type HUserAssignment,
} from "./HarvestModel.ts";
import { notesPool } from "./Names.ts";

export const userJson = (u: HUser) => ({
  id: u.id,
  first_name: u.firstName,
  last_name: u.lastName,
  email: u.email,
  telephone: u.telephone,
  timezone: u.timezone,
  has_access_to_all_future_projects: u.hasAccessToAllFutureProjects,
  is_contractor: u.isContractor,
  is_active: u.isActive,
  weekly_capacity: u.weeklyCapacity,
  default_hourly_rate: u.defaultHourlyRate,
  cost_rate: u.costRate,
  roles: u.roles,
  access_roles: u.accessRoles,
  avatar_url: null,
  created_at: isoSeconds(u.createdAt),
  updated_at: isoSeconds(u.updatedAt),
});

export const roleJson = (r: HRole) => ({
  id: r.id,
  name: r.name,
  user_ids: r.userIds,
  created_at: isoSeconds(r.createdAt),
  updated_at: isoSeconds(r.updatedAt),
});

export const clientJson = (c: HClient) => ({
  id: c.id,
  name: c.name,
  is_active: c.isActive,
  address: c.address,
  statement_key: null,
  currency: c.currency,
  created_at: isoSeconds(c.createdAt),
  updated_at: isoSeconds(c.updatedAt),
});

export const projectJson = (a: HarvestAccount, p: HProject) => {
  const c = a.clients[p.client] as HClient;
  return {
    id: p.id,
    client: { id: c.id, name: c.name, currency: c.currency },
    name: p.name,
    code: p.code,
    is_active: p.isActive,
    is_billable: p.isBillable,
    is_fixed_fee: p.isFixedFee,
    bill_by: p.billBy,
    hourly_rate: p.hourlyRate,
    budget: p.budget,
    budget_by: p.budgetBy,
    budget_is_monthly: p.budgetIsMonthly,
    notify_when_over_budget: false,
    over_budget_notification_percentage: 80,
    over_budget_notification_date: null,
    show_budget_to_all: false,
    cost_budget: p.costBudget,
    cost_budget_include_expenses: false,
    fee: p.fee,
    notes: p.notes,
    starts_on: p.startsOn,
    ends_on: p.endsOn,
    created_at: isoSeconds(p.createdAt),
    updated_at: isoSeconds(p.updatedAt),
  };
};

export const taskJson = (t: HTask) => ({
  id: t.id,
  name: t.name,
  billable_by_default: t.billableByDefault,
  default_hourly_rate: t.defaultHourlyRate,
  is_default: t.isDefault,
  is_active: t.isActive,
  created_at: isoSeconds(t.createdAt),
  updated_at: isoSeconds(t.updatedAt),
});

const projectRef = (p: HProject) => ({ id: p.id, name: p.name, code: p.code });

export const userAssignmentJson = (a: HarvestAccount, ua: HUserAssignment) => {
  const u = a.users[ua.user] as HUser;
  return {
    id: ua.id,
    project: projectRef(a.projects[ua.project] as HProject),
    user: { id: u.id, name: fullName(u) },
    is_active: ua.isActive,
    is_project_manager: ua.isProjectManager,
    use_default_rates: ua.hourlyRate === null,
    hourly_rate: ua.hourlyRate,
    budget: null,
    created_at: isoSeconds(ua.createdAt),
    updated_at: isoSeconds(ua.updatedAt),
  };
};

export const taskAssignmentJson = (a: HarvestAccount, ta: HTaskAssignment) => {
  const t = a.tasks[ta.task] as HTask;
  return {
    id: ta.id,
    project: projectRef(a.projects[ta.project] as HProject),
    task: { id: t.id, name: t.name },
    is_active: ta.isActive,
    billable: ta.billable,
    hourly_rate: ta.hourlyRate,
    budget: null,
    created_at: isoSeconds(ta.createdAt),
    updated_at: isoSeconds(ta.updatedAt),
  };
};

/** Lookups a time entry needs: its user and task assignment. */
export interface EntryLookups {
  readonly version: number;
  readonly ua: Map<number, HUserAssignment>;
  readonly ta: Map<number, HTaskAssignment>;
}

export const entryLookups = (a: HarvestAccount): EntryLookups => {
  const P = a.projects.length + 1_000_000;
  const ua = new Map<number, HUserAssignment>();
  for (const x of a.userAssignments) ua.set(x.user * P + x.project, x);
  const T = a.tasks.length + 1_000_000;
  const ta = new Map<number, HTaskAssignment>();
  for (const x of a.taskAssignments) ta.set(x.project * T + x.task, x);
  return { version: a.version, ua, ta };
};

/** The JSON of entry `i`; running timers count their time up to `nowSeconds` (the frozen data clock). */
export const entryJson = (a: HarvestAccount, look: EntryLookups, i: number, nowSeconds: number) => {
  const e = a.entries;
  const u = a.users[e.user[i] as number] as HUser;
  const p = a.projects[e.project[i] as number] as HProject;
  const c = a.clients[p.client] as HClient;
  const t = a.tasks[e.task[i] as number] as HTask;
  const running = e.has(i, F_RUNNING);
  const base = (e.seconds[i] as number) / 3600;
  const started = running ? (e.timerStart.get(i) ?? nowSeconds) : null;
  const hours = roundHours(running ? base + Math.max(0, nowSeconds - (started as number)) / 3600 : base);
  const billable = e.has(i, F_BILLABLE);
  const approval = approvalStates[e.approvalOf(i)];
  const locked = e.has(i, F_LOCKED) || e.has(i, F_BILLED);
  const ua = look.ua.get((e.user[i] as number) * (a.projects.length + 1_000_000) + (e.project[i] as number));
  const ta = look.ta.get((e.project[i] as number) * (a.tasks.length + 1_000_000) + (e.task[i] as number));
  const noteIndex = e.notes[i] as number;
  return {
    id: e.idOf(i),
    spent_date: isoDay(e.day[i] as number),
    user: { id: u.id, name: fullName(u) },
    ...(ua
      ? {
          user_assignment: {
            id: ua.id,
            is_project_manager: ua.isProjectManager,
            is_active: ua.isActive,
            budget: null,
            hourly_rate: ua.hourlyRate,
            created_at: isoSeconds(ua.createdAt),
            updated_at: isoSeconds(ua.updatedAt),
          },
        }
      : {}),
    client: { id: c.id, name: c.name },
    project: { id: p.id, name: p.name },
    task: { id: t.id, name: t.name },
    ...(ta
      ? {
          task_assignment: {
            id: ta.id,
            billable: ta.billable,
            is_active: ta.isActive,
            hourly_rate: ta.hourlyRate,
            budget: null,
            created_at: isoSeconds(ta.createdAt),
            updated_at: isoSeconds(ta.updatedAt),
          },
        }
      : {}),
    external_reference: null,
    invoice: e.has(i, F_BILLED)
      ? { id: 700_000 + ((e.day[i] as number) % 1000), number: `INV-${e.day[i]}` }
      : null,
    hours,
    hours_without_timer: roundHours(base),
    rounded_hours: Math.sign(hours) * (Math.ceil(Math.abs(hours) * 4) / 4),
    notes: noteIndex < 0 ? (e.notesText.get(i) ?? null) : (notesPool[noteIndex] ?? null),
    is_locked: locked,
    locked_reason: locked ? (e.has(i, F_BILLED) ? "Item Invoiced and Approved" : "Item Approved") : null,
    is_closed: approval === "approved",
    approval_status: approval,
    is_billed: e.has(i, F_BILLED),
    timer_started_at: started === null ? null : isoSeconds(started),
    started_time: null,
    ended_time: null,
    is_running: running,
    billable,
    budgeted: p.budgetBy !== "none",
    billable_rate: billable ? (p.hourlyRate ?? 100) : null,
    cost_rate: u.costRate,
    created_at: isoSeconds(e.createdAt(i)),
    updated_at: isoSeconds(e.updatedAt(i)),
  };
};

/** The company object of an account. */
export const companyJson = (a: HarvestAccount) => {
  const sub = a.name.toLowerCase().replace(/[^a-z0-9]+/g, "");
  return {
    base_uri: `https://${sub}.harvestapp.com`,
    full_domain: `${sub}.harvestapp.com`,
    name: a.name,
    is_active: true,
    week_start_day: "Monday",
    wants_timestamp_timers: false,
    time_format: "hours_minutes",
    date_format: "%Y-%m-%d",
    plan_type: "simple-v4",
    clock: "24h",
    currency_code_display: "iso_code_none",
    currency_symbol_display: "symbol_before",
    decimal_symbol: ".",
    thousands_separator: ",",
    color_scheme: "orange",
    weekly_capacity: 126_000,
    expense_feature: true,
    invoice_feature: true,
    estimate_feature: false,
    approval_feature: true,
    team_feature: true,
  };
};
