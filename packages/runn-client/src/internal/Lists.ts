/**
 * The list operations: one cursor walk per endpoint at its maximum page size (200, or 500 for
 * contracts, project members, assignments and actuals).
 */
import { Runn } from "@harvest-runn/domain";
import type { Service } from "../RunnClient.ts";
import { type Ctx, header } from "./Api.ts";
import * as FastDecode from "./FastDecode.ts";
import { paginate } from "./Paginate.ts";

type Lists = Pick<
  Service,
  | "clients"
  | "projects"
  | "people"
  | "roles"
  | "currentContracts"
  | "projectMembers"
  | "assignments"
  | "actuals"
>;

/** Builds the list functions of one client. */
export const makeLists = ({ api, http }: Ctx): Lists => ({
  clients: (filter = {}, options) =>
    paginate(
      http,
      { path: "/clients/", resource: "clients", kind: "client", schema: Runn.Client, limit: 200 },
      (page, init) =>
        api.GET("/clients/", { params: { header, query: { ...filter, ...page } }, parseAs: "text", ...init }),
      options,
    ),
  projects: (filter = {}, options) =>
    paginate(
      http,
      { path: "/projects/", resource: "projects", kind: "project", schema: Runn.Project, limit: 200 },
      (page, init) =>
        api.GET("/projects/", {
          params: { header, query: { ...filter, ...page } },
          parseAs: "text",
          ...init,
        }),
      options,
    ),
  people: (filter = {}, options) =>
    paginate(
      http,
      { path: "/people/", resource: "people", kind: "person", schema: Runn.Person, limit: 200 },
      (page, init) =>
        api.GET("/people/", { params: { header, query: { ...filter, ...page } }, parseAs: "text", ...init }),
      options,
    ),
  roles: (filter = {}, options) =>
    paginate(
      http,
      { path: "/roles/", resource: "roles", kind: "role", schema: Runn.Role, limit: 200 },
      (page, init) =>
        api.GET("/roles/", { params: { header, query: { ...filter, ...page } }, parseAs: "text", ...init }),
      options,
    ),
  currentContracts: (filter = {}, options) =>
    paginate(
      http,
      { path: "/people/contracts/current", resource: "contracts", schema: Runn.Contract, limit: 500 },
      (page, init) =>
        api.GET("/people/contracts/current", {
          params: { header, query: { ...filter, ...page } },
          parseAs: "text",
          ...init,
        }),
      options,
    ),
  projectMembers: (filter = {}, options) =>
    paginate(
      http,
      { path: "/project-members/", resource: "project-members", schema: Runn.ProjectMember, limit: 500 },
      (page, init) =>
        api.GET("/project-members/", {
          params: { header, query: { ...filter, ...page } },
          parseAs: "text",
          ...init,
        }),
      options,
    ),
  assignments: (filter = {}, options) =>
    paginate(
      http,
      { path: "/assignments/", resource: "assignments", schema: Runn.Assignment, limit: 500 },
      (page, init) =>
        api.GET("/assignments/", {
          params: { header, query: { ...filter, ...page } },
          parseAs: "text",
          ...init,
        }),
      options,
    ),
  actuals: (filter = {}, options) =>
    paginate(
      http,
      { path: "/actuals/", resource: "actuals", schema: Runn.Actual, limit: 500, quick: FastDecode.actual },
      (page, init) =>
        api.GET("/actuals/", { params: { header, query: { ...filter, ...page } }, parseAs: "text", ...init }),
      options,
    ),
});
