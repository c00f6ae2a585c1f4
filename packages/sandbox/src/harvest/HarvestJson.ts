/** Wire JSON (snake_case, as `openapi/harvest.yaml` describes it) of the simulated Harvest records. */
import { isoSeconds } from "../Dates.ts";
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
