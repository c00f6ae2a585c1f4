/**
 * generated — do not edit. Source: openapi/runn.yaml
 * Regenerate with `pnpm codegen`; CI runs `pnpm codegen:check`.
 */
export interface paths {
    "/activity-log/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deletion events
         * @description Not available for test accounts.
         */
        get: operations["listActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/actuals/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List actuals */
        get: operations["listActuals"];
        put?: never;
        /**
         * Create or overwrite the actual of one day
         * @description The minutes are the day's total; they overwrite the actual with the same date, person,
         *     project, role and workstream.
         */
        post: operations["upsertActual"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/actuals/{actualId}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The actual's id. */
                actualId: number;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an actual
         * @description Irreversible; recorded in the activity log as `actual_deleted`.
         */
        delete: operations["deleteActual"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/actuals/bulk/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or overwrite up to 100 actuals in one request
         * @description Each item behaves as `POST /actuals/`. Atomicity, the handling of two items with the same key
         *     and the order of the response are undocumented: send each key at most once per request.
         */
        post: operations["upsertActualsBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assignments/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List assignments */
        get: operations["listAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List clients */
        get: operations["listClients"];
        put?: never;
        /** Create a client */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients/{clientId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The client's id. */
                clientId: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        /** Get a client */
        get: operations["getClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a client (only the properties sent)
         * @description Sending `references` replaces the whole array; send the full list.
         */
        patch: operations["updateClient"];
        trace?: never;
    };
    "/clients/bulk/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create up to 100 clients in one request */
        post: operations["createClientsBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The account the token belongs to
         * @description A 404 here usually means the base URL is the wrong region for the account.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List people */
        get: operations["listPeople"];
        put?: never;
        /** Create a person and their first contract */
        post: operations["createPerson"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/people/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The person's id. */
                personId: components["parameters"]["PersonId"];
            };
            cookie?: never;
        };
        /** Get a person */
        get: operations["getPerson"];
        put?: never;
        post?: never;
        /**
         * Delete a person
         * @description Refused with 400 while the person has assignments or actuals, unless `force` is true (Runn
         *     keeps them for historical reports).
         */
        delete: operations["deletePerson"];
        options?: never;
        head?: never;
        /**
         * Change a person (only the properties sent)
         * @description Sending `references` replaces the whole array; send the full list.
         */
        patch: operations["updatePerson"];
        trace?: never;
    };
    "/people/contracts/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List every person's current contract */
        get: operations["listCurrentContracts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/project-members/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List project memberships
         * @description Removals of people from projects do not count as modifications.
         */
        get: operations["listProjectMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List projects */
        get: operations["listProjects"];
        put?: never;
        /**
         * Create a project
         * @description Creating from a template is not described here; the sync never does it.
         */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects/{projectId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id. */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** Get a project */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a project (only the properties sent)
         * @description Sending `references` replaces the whole array; send the full list.
         */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/projects/{projectId}/": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id. */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a project
         * @description A project that has actuals or assignments cannot be deleted (409).
         */
        delete: operations["deleteProject"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roles/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List roles */
        get: operations["listRoles"];
        put?: never;
        /** Create a role */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/roles/{roleId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The role's id. */
                roleId: components["parameters"]["RoleId"];
            };
            cookie?: never;
        };
        /** Get a role */
        get: operations["getRole"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a role (only the properties sent)
         * @description Sending `references` replaces the whole array; send the full list.
         */
        patch: operations["updateRole"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A deletion event; it also carries a snapshot of the deleted record under its kind. */
        ActivityEvent: {
            actor: {
                /** @enum {string} */
                type: "user" | "runn_support" | "api" | "csv" | "integration" | "system";
            } & {
                [key: string]: unknown;
            };
            eventId: string;
            timestamp: components["schemas"]["DateTime"];
            type: components["schemas"]["EventType"];
        } & {
            [key: string]: unknown;
        };
        ActivityPage: {
            nextCursor: components["schemas"]["Cursor"];
            values: components["schemas"]["ActivityEvent"][];
        };
        Actual: {
            billableMinutes: number;
            billableNote: string | null;
            createdAt: components["schemas"]["DateTime"];
            date: components["schemas"]["Date"];
            id: number;
            nonbillableMinutes: number;
            nonbillableNote: string | null;
            personId: number;
            phaseId: number | null;
            projectId: number;
            roleId: number;
            updatedAt: components["schemas"]["DateTime"];
            workstreamId: number | null;
        };
        /** @description One day's totals for a date, person, project, role and workstream. */
        ActualInput: {
            /** @description The day's billable total (0 for none). */
            billableMinutes: number;
            billableNote?: string;
            date: components["schemas"]["Date"];
            /** @description The day's non-billable total (0 for none). */
            nonbillableMinutes: number;
            nonbillableNote?: string;
            personId: number;
            phaseId?: number | null;
            projectId: number;
            /** @description The role the person worked in. */
            roleId: number;
            workstreamId?: number | null;
        };
        ActualPage: {
            nextCursor: components["schemas"]["Cursor"];
            values: components["schemas"]["Actual"][];
        };
        ActualsBulkInput: {
            actuals: components["schemas"]["ActualInput"][];
        };
        Assignment: {
            createdAt: components["schemas"]["DateTime"];
            endDate: components["schemas"]["Date"];
            id: number;
            isActive: boolean;
            isBillable: boolean;
            isNonWorkingDay: boolean;
            isPlaceholder: boolean;
            isTemplate: boolean;
            minutesPerDay: number;
            note: string | null;
            personId: number;
            phaseId: number | null;
            projectId: number;
            roleId: number;
            startDate: components["schemas"]["Date"];
            updatedAt: components["schemas"]["DateTime"];
            workstreamId: number | null;
        };
        AssignmentPage: {
            nextCursor: components["schemas"]["Cursor"];
            values: components["schemas"]["Assignment"][];
        };
        BadRequestError: components["schemas"]["Error"] & {
            /** @constant */
            error?: "Bad Request";
            /** @constant */
            statusCode?: 400;
        };
        Client: {
            createdAt: components["schemas"]["DateTime"];
            id: number;
            isArchived: boolean;
            name: string;
            references: components["schemas"]["References"];
            updatedAt: components["schemas"]["DateTime"];
            website: string | null;
        };
        ClientInput: {
            name: string;
            references?: components["schemas"]["References"];
            /** Format: url */
            website?: string;
        };
        ClientPage: {
            nextCursor: components["schemas"]["Cursor"];
            values: components["schemas"]["Client"][];
        };
        ClientPatch: {
            isArchived?: boolean;
            name?: string;
            references?: components["schemas"]["References"];
            /** Format: url */
            website?: string;
        };
        ClientsBulkInput: {
            clients: components["schemas"]["ClientInput"][];
        };
        ConflictError: components["schemas"]["Error"] & {
            /** @constant */
            error?: "Conflict";
            /** @constant */
            statusCode?: 409;
        };
        Contract: {
            costPerHour: number | null;
            createdAt: components["schemas"]["DateTime"];
            employmentType: string;
            endDate: components["schemas"]["Date"] | null;
            id: number;
            jobTitle: string | null;
            minutesPerDay: number | null;
            personId: number;
            roleId: number;
            rosteredDays: components["schemas"]["RosteredDays"];
            startDate: components["schemas"]["Date"];
            updatedAt: components["schemas"]["DateTime"];
        };
        ContractPage: {
            nextCursor: components["schemas"]["Cursor"];
            values: components["schemas"]["Contract"][];
        };
        /** @description Pass back as `cursor` for the next page; null on the last page. */
        Cursor: string | null;
        /** @description The record's custom field values, by field type (the sync neither reads nor writes them). */
        CustomFieldValues: {
            checkbox: {
                id: number;
                name: string;
                value: boolean;
            }[];
            date: {
                id: number;
                name: string;
                value: components["schemas"]["Date"] | null;
            }[];
            select: {
                id: number;
                name: string;
                values: {
                    id: number;
                    name: string;
                }[];
            }[];
            text: {
                id: number;
                name: string;
                value: string;
            }[];
        };
        /**
         * Format: date
         * @description A calendar day `YYYY-MM-DD`.
         */
        Date: string;
        /**
         * Format: date-time
         * @description An ISO 8601 instant.
         */
        DateTime: string;
        /** @enum {string} */
        EmploymentType: "employee" | "contractor";
        /** @description The shape of every error body; each status fixes `error` and `statusCode`. */
        Error: {
            /** @description The status phrase, such as `Bad Request` or `Not Found`. */
            error: string;
            /** @description What went wrong, for people. */
            message: string;
            /** @description The HTTP status. */
            statusCode: number;
        };
        /** @enum {string} */
        EventType: "project_deleted" | "person_deleted" | "contract_deleted" | "actual_deleted" | "time_off_deleted" | "assignment_deleted";
        ForbiddenError: components["schemas"]["Error"] & {
            /** @constant */
            error?: "Forbidden";
            /** @constant */
            statusCode?: 403;
        };
        /** @description A person as lists return them. */
        ListedPerson: {
            createdAt: components["schemas"]["DateTime"];
            email: string | null;
            firstName: string;
            holidaysGroupId: number | null;
            id: number;
            isArchived: boolean;
            lastName: string;
            managers: {
                /** @description The managing user. */
                id: number;
            }[];
            references: components["schemas"]["References"];
            tags: components["schemas"]["Tag"][];
            teamId: number | null;
            updatedAt: components["schemas"]["DateTime"];
        };
        Me: {
            /** @description The account name. */
            name: string;
        };
        NotFoundError: components["schemas"]["Error"] & {
            /** @constant */
            error?: "Not Found";
            /** @constant */
            statusCode?: 404;
        };
        /** @description One person as get, create and change return them; lists leave out notes, skills and custom fields. */
        Person: components["schemas"]["ListedPerson"] & {
            customFields: components["schemas"]["CustomFieldValues"];
            notes: {
                createdBy: string;
                id: number;
                note: string;
            }[];
            skills: {
                id: number;
                level: number | null;
            }[];
        };
        /** @description A new person; the role and contract fields create their first contract. */
        PersonInput: {
            /** @description Omitted: the role's cost per hour. */
            costPerHour?: number;
            email?: string;
            /** @description Omitted: `employee`. */
            employmentType?: components["schemas"]["EmploymentType"];
            endDate?: components["schemas"]["Date"];
            firstName: string;
            holidaysGroupId?: number;
            jobTitle?: string;
            lastName: string;
            minutesPerDay?: number;
            references?: components["schemas"]["References"];
            roleId: number;
            rosteredDays?: components["schemas"]["RosteredDays"];
            startDate?: components["schemas"]["Date"];
            tags?: {
                id: number;
            }[];
        };
        PersonPage: {
            nextCursor: components["schemas"]["Cursor"];
            values: components["schemas"]["ListedPerson"][];
        };
        PersonPatch: {
            email?: string;
            firstName?: string;
            isArchived?: boolean;
            lastName?: string;
            references?: components["schemas"]["References"];
            tags?: {
                id: number;
            }[];
        };
        /**
         * @description Fixed price, time and materials, non-billable.
         * @enum {string}
         */
        PricingModel: "fp" | "tm" | "nb";
        Project: {
            budget: number | null;
            clientId: number;
            createdAt: components["schemas"]["DateTime"];
            customFields: components["schemas"]["CustomFieldValues"];
            expensesBudget: number | null;
            id: number;
            isArchived: boolean;
            /** @description False for a tentative project. */
            isConfirmed: boolean;
            isTemplate: boolean;
            managerIds: number[];
            name: string;
            pricingModel: components["schemas"]["PricingModel"];
            rateCardId: number;
            /** @enum {string} */
            rateType: "hours" | "days";
            references: components["schemas"]["References"];
            tags: components["schemas"]["Tag"][];
            teamId: number | null;
            updatedAt: components["schemas"]["DateTime"];
        };
        ProjectInput: {
            budget?: number;
            clientId: number;
            emoji?: string;
            expensesBudget?: number;
            isConfirmed?: boolean;
            isTemplate?: boolean;
            managerIds?: number[];
            name: string;
            pricingModel?: components["schemas"]["PricingModel"];
            rateCardId?: number;
            /** @enum {string} */
            rateType?: "hours" | "days";
            references?: components["schemas"]["References"];
            teamId?: number;
        };
        ProjectMember: {
            createdAt: components["schemas"]["DateTime"];
            id: number;
            isPlaceholder: boolean;
            personId: number;
            projectId: number;
            roleId: number;
            updatedAt: components["schemas"]["DateTime"];
            workstreamId: number | null;
        };
        ProjectMemberPage: {
            nextCursor: components["schemas"]["Cursor"];
            values: components["schemas"]["ProjectMember"][];
        };
        ProjectPage: {
            nextCursor: components["schemas"]["Cursor"];
            values: components["schemas"]["Project"][];
        };
        ProjectPatch: {
            budget?: number;
            clientId?: number;
            expensesBudget?: number;
            isArchived?: boolean;
            isConfirmed?: boolean;
            isTemplate?: boolean;
            managerIds?: number[];
            name?: string;
            pricingModel?: components["schemas"]["PricingModel"];
            /** @enum {string} */
            rateType?: "hours" | "days";
            references?: components["schemas"]["References"];
            tags?: {
                id: number;
            }[];
            teamId?: number;
        };
        /** @description A link from a Runn record to a record of another system. */
        Reference: {
            /** @description The record's id in that system. */
            externalId: string;
            /** @description The other system's name for the link. */
            referenceName: string;
        };
        /** @description All references of a record; a write replaces the whole array. */
        References: components["schemas"]["Reference"][];
        Role: {
            createdAt: components["schemas"]["DateTime"];
            /** @description Cost per hour. */
            defaultHourCost: number;
            id: number;
            isArchived: boolean;
            name: string | null;
            personIds: number[];
            references: components["schemas"]["References"];
            /** @description Charge-out rate per hour. */
            standardRate: number;
            updatedAt: components["schemas"]["DateTime"];
        };
        RoleInput: {
            /** @description Cost per hour; omitted: 0. */
            defaultHourCost?: number;
            name: string;
            references?: components["schemas"]["References"];
            /** @description Charge-out rate per hour; omitted: 0. */
            standardRate?: number;
        };
        RolePage: {
            nextCursor: components["schemas"]["Cursor"];
            values: components["schemas"]["Role"][];
        };
        RolePatch: {
            defaultHourCost?: number;
            isArchived?: boolean;
            name?: string;
            references?: components["schemas"]["References"];
            standardRate?: number;
        };
        /** @description Minutes rostered per weekday; each is the contract's minutes per day or 0. */
        RosteredDays: {
            friday: number;
            monday: number;
            thursday: number;
            tuesday: number;
            wednesday: number;
        };
        Tag: {
            id: number;
            name: string;
        };
        TooManyRequestsError: components["schemas"]["Error"] & {
            /** @constant */
            error?: "Too Many Requests";
            /** @constant */
            statusCode?: 429;
        };
        UnauthorizedError: components["schemas"]["Error"] & {
            /** @constant */
            error?: "Unauthorized";
            /** @constant */
            message?: "Unauthorized";
            /** @constant */
            statusCode?: 401;
        };
        UnprocessableEntityError: components["schemas"]["Error"] & {
            /** @constant */
            error?: "Unprocessable Entity";
            /** @constant */
            statusCode?: 422;
        };
    };
    responses: {
        /** @description The request is invalid; `message` says why. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BadRequestError"];
            };
        };
        /** @description The record cannot be changed in its current state (for example it has actuals). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConflictError"];
            };
        };
        /** @description The token may not make this change; a read-only API token gets this on every write (an assumption: the reference does not name the status). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ForbiddenError"];
            };
        };
        /** @description No such record (on every path, usually the wrong region's base URL). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["NotFoundError"];
            };
        };
        /** @description The account's rate limit is used up; wait `Retry-After` or `x-ratelimit-reset` seconds (else 60). */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "x-ratelimit-reset": components["headers"]["RateLimitReset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TooManyRequestsError"];
            };
        };
        /** @description The token is missing, wrong, expired or revoked. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnauthorizedError"];
            };
        };
        /** @description The body is well-formed but a value is not acceptable; `message` says which. */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnprocessableEntityError"];
            };
        };
    };
    parameters: {
        /** @description The API version; required on every request. */
        AcceptVersion: "1.0.0";
        /** @description The client's id. */
        ClientId: number;
        /** @description The `nextCursor` of the previous page. */
        Cursor: string;
        /**
         * @description Records carrying a reference with this external id value (any reference name; exact or
         *     substring match is undocumented, so check the returned references).
         */
        ExternalId: string;
        /** @description Page size. */
        Limit50Max200: number;
        /** @description Page size. */
        Limit100Max500: number;
        /** @description Only records modified after this day (`YYYY-MM-DD`) or instant (`YYYY-MM-DDTHH:MM:SSZ`). */
        ModifiedAfter: string;
        /** @description Sort direction. */
        Order: "asc" | "desc";
        /** @description The person's id. */
        PersonId: number;
        /** @description Only records of this person. */
        PersonIdFilter: number;
        /** @description The project's id. */
        ProjectId: number;
        /** @description Only records of this project. */
        ProjectIdFilter: number;
        /** @description The role's id. */
        RoleId: number;
        /** @description Only records in this role. */
        RoleIdFilter: number;
        /** @description Sort field. */
        SortBy: "id" | "createdAt" | "updatedAt";
    };
    requestBodies: never;
    headers: {
        /** @description Seconds until the rate-limit window resets. */
        RateLimitReset: number;
        /** @description Seconds to wait before the next request. */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listActivity: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Only these event types. */
                eventType?: components["schemas"]["EventType"][];
                /** @description Page size. */
                limit?: components["parameters"]["Limit50Max200"];
                /** @description Only events after this instant. */
                occurredAfter?: string;
                /** @description Sort direction by time of the event (default desc). */
                orderBy?: "asc" | "desc";
            };
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listActuals: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit100Max500"];
                /** @description Actuals on or before this day. */
                maxDate?: components["schemas"]["Date"];
                /** @description Actuals on or after this day. */
                minDate?: components["schemas"]["Date"];
                /** @description Only records modified after this day (`YYYY-MM-DD`) or instant (`YYYY-MM-DDTHH:MM:SSZ`). */
                modifiedAfter?: components["parameters"]["ModifiedAfter"];
                /** @description Sort direction. */
                order?: components["parameters"]["Order"];
                /** @description Only records of this person. */
                personId?: components["parameters"]["PersonIdFilter"];
                /** @description Only records of this project. */
                projectId?: components["parameters"]["ProjectIdFilter"];
                /** @description Only records in this role. */
                roleId?: components["parameters"]["RoleIdFilter"];
                /** @description Sort field. */
                sortBy?: components["parameters"]["SortBy"];
                /** @description Only actuals in this workstream. */
                workstreamId?: number;
            };
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of actuals. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActualPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    upsertActual: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Optional, as Runn's spec has it; the sync always sends one. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ActualInput"];
            };
        };
        responses: {
            /** @description The stored actual. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Actual"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteActual: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path: {
                /** @description The actual's id. */
                actualId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    upsertActualsBulk: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActualsBulkInput"];
            };
        };
        responses: {
            /** @description The stored actuals. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Actual"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAssignments: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Assignments that start on or before this date. */
                endDate?: components["schemas"]["Date"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit100Max500"];
                /** @description Only records modified after this day (`YYYY-MM-DD`) or instant (`YYYY-MM-DDTHH:MM:SSZ`). */
                modifiedAfter?: components["parameters"]["ModifiedAfter"];
                /** @description Sort direction. */
                order?: components["parameters"]["Order"];
                /** @description Only records of this person. */
                personId?: components["parameters"]["PersonIdFilter"];
                /** @description Only records of this project. */
                projectId?: components["parameters"]["ProjectIdFilter"];
                /** @description Only records in this role. */
                roleId?: components["parameters"]["RoleIdFilter"];
                /** @description Sort field. */
                sortBy?: components["parameters"]["SortBy"];
                /** @description Assignments that end on or after this date. */
                startDate?: components["schemas"]["Date"];
            };
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of assignments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listClients: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit50Max200"];
                /** @description Only records modified after this day (`YYYY-MM-DD`) or instant (`YYYY-MM-DDTHH:MM:SSZ`). */
                modifiedAfter?: components["parameters"]["ModifiedAfter"];
                /** @description Case-insensitive substring of the client name. */
                name?: string;
                /** @description Sort direction. */
                order?: components["parameters"]["Order"];
                /** @description Sort field. */
                sortBy?: components["parameters"]["SortBy"];
            };
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of clients. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Optional, as Runn's spec has it; the sync always sends one. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ClientInput"];
            };
        };
        responses: {
            /** @description The new client. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getClient: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path: {
                /** @description The client's id. */
                clientId: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The client. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateClient: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path: {
                /** @description The client's id. */
                clientId: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        /** @description Optional, as Runn's spec has it; the sync always sends one. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ClientPatch"];
            };
        };
        responses: {
            /** @description The changed client. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createClientsBulk: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientsBulkInput"];
            };
        };
        responses: {
            /** @description The new clients. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Client"][];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listPeople: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Case-insensitive substring of the email. */
                email?: string;
                /**
                 * @description Records carrying a reference with this external id value (any reference name; exact or
                 *     substring match is undocumented, so check the returned references).
                 */
                externalId?: components["parameters"]["ExternalId"];
                /** @description Case-insensitive substring of the first name. */
                firstName?: string;
                /** @description Include placeholders. */
                includePlaceholders?: boolean;
                /** @description Case-insensitive substring of the last name. */
                lastName?: string;
                /** @description Page size. */
                limit?: components["parameters"]["Limit50Max200"];
                /** @description Only records modified after this day (`YYYY-MM-DD`) or instant (`YYYY-MM-DDTHH:MM:SSZ`). */
                modifiedAfter?: components["parameters"]["ModifiedAfter"];
                /** @description Sort direction. */
                order?: components["parameters"]["Order"];
                /** @description Sort field. */
                sortBy?: components["parameters"]["SortBy"];
            };
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of people. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createPerson: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PersonInput"];
            };
        };
        responses: {
            /** @description The new person. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getPerson: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path: {
                /** @description The person's id. */
                personId: components["parameters"]["PersonId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deletePerson: {
        parameters: {
            query?: {
                /**
                 * @description Delete even when the person has assignments or actuals. Runn's spec marks it required with
                 *     a default of false; omitting it means false.
                 */
                force?: boolean;
            };
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path: {
                /** @description The person's id. */
                personId: components["parameters"]["PersonId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updatePerson: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path: {
                /** @description The person's id. */
                personId: components["parameters"]["PersonId"];
            };
            cookie?: never;
        };
        /** @description Optional, as Runn's spec has it; the sync always sends one. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PersonPatch"];
            };
        };
        responses: {
            /** @description The changed person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Person"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listCurrentContracts: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit100Max500"];
                /** @description Only records modified after this day (`YYYY-MM-DD`) or instant (`YYYY-MM-DDTHH:MM:SSZ`). */
                modifiedAfter?: components["parameters"]["ModifiedAfter"];
            };
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of contracts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProjectMembers: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit100Max500"];
                /** @description Only records modified after this day (`YYYY-MM-DD`) or instant (`YYYY-MM-DDTHH:MM:SSZ`). */
                modifiedAfter?: components["parameters"]["ModifiedAfter"];
            };
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of memberships. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectMemberPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Records carrying a reference with this external id value (any reference name; exact or
                 *     substring match is undocumented, so check the returned references).
                 */
                externalId?: components["parameters"]["ExternalId"];
                /** @description Include archived projects. The server's default is true. */
                includeArchived?: boolean;
                /** @description Page size. */
                limit?: components["parameters"]["Limit50Max200"];
                /** @description Only records modified after this day (`YYYY-MM-DD`) or instant (`YYYY-MM-DDTHH:MM:SSZ`). */
                modifiedAfter?: components["parameters"]["ModifiedAfter"];
                /** @description Case-insensitive substring of the project name. */
                name?: string;
                /** @description Sort direction. */
                order?: components["parameters"]["Order"];
                /** @description Sort field. */
                sortBy?: components["parameters"]["SortBy"];
            };
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of projects. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Optional, as Runn's spec has it; the sync always sends one. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ProjectInput"];
            };
        };
        responses: {
            /** @description The new project. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path: {
                /** @description The project's id. */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path: {
                /** @description The project's id. */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** @description Optional, as Runn's spec has it; the sync always sends one. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ProjectPatch"];
            };
        };
        responses: {
            /** @description The changed project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteProject: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path: {
                /** @description The project's id. */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listRoles: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size. */
                limit?: components["parameters"]["Limit50Max200"];
                /** @description Only records modified after this day (`YYYY-MM-DD`) or instant (`YYYY-MM-DDTHH:MM:SSZ`). */
                modifiedAfter?: components["parameters"]["ModifiedAfter"];
                /** @description Case-insensitive substring of the role name. */
                name?: string;
                /** @description Sort direction. */
                order?: components["parameters"]["Order"];
                /** @description Sort field. */
                sortBy?: components["parameters"]["SortBy"];
            };
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of roles. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleInput"];
            };
        };
        responses: {
            /** @description The new role. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getRole: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path: {
                /** @description The role's id. */
                roleId: components["parameters"]["RoleId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The role. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateRole: {
        parameters: {
            query?: never;
            header: {
                /** @description The API version; required on every request. */
                "Accept-Version": components["parameters"]["AcceptVersion"];
            };
            path: {
                /** @description The role's id. */
                roleId: components["parameters"]["RoleId"];
            };
            cookie?: never;
        };
        /** @description Optional, as Runn's spec has it; the sync always sends one. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RolePatch"];
            };
        };
        responses: {
            /** @description The changed role. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}
