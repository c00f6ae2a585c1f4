/**
 * generated — do not edit. Source: openapi/harvest.yaml
 * Regenerate with `pnpm codegen`; CI runs `pnpm codegen:check`.
 */
export interface paths {
    "/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Accounts the token reaches
         * @description Harvest and Forecast accounts alike; keep those whose `product` is `harvest`.
         */
        get: operations["listAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List clients
         * @description Administrators, or managers who may edit clients. Cursor pages.
         */
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
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a client (archive with is_active false) */
        patch: operations["updateClient"];
        trace?: never;
    };
    "/company": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The company of the account
         * @description Administrators only.
         */
        get: operations["getCompany"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List projects
         * @description Administrators see all projects, managers the ones they manage. Cursor pages.
         */
        get: operations["listProjects"];
        put?: never;
        /** Create a project */
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
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a project (archive with is_active false) */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List roles
         * @description Administrators only. Cursor pages; no activity or update filters.
         */
        get: operations["listRoles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/task_assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List task assignments of all projects
         * @description Administrators or project managers. Cursor pages.
         */
        get: operations["listTaskAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks
         * @description Administrators, or managers who may edit tasks. Cursor pages.
         */
        get: operations["listTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/time_entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List time entries
         * @description Page numbers only (no cursor), sorted by `spent_date`, newest first. Visibility depends on the
         *     token's role without any error: members see their own entries, managers also their teammates'
         *     and their projects', administrators everything.
         */
        get: operations["listTimeEntries"];
        put?: never;
        /**
         * Create a time entry
         * @description Without `hours` (duration mode) or `ended_time` (timestamp mode) this starts a timer.
         */
        post: operations["createTimeEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/time_entries/{timeEntryId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The time entry's id (a 64-bit integer). */
                timeEntryId: components["parameters"]["TimeEntryId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a time entry
         * @description Refused for closed entries and for entries of archived projects or tasks.
         */
        delete: operations["deleteTimeEntry"];
        options?: never;
        head?: never;
        /** Update a time entry */
        patch: operations["updateTimeEntry"];
        trace?: never;
    };
    "/user_assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List user assignments of all projects
         * @description Active and archived assignments. Cursor pages.
         */
        get: operations["listUserAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Administrators see everyone, managers their teammates; members get 403. Cursor pages.
         */
        get: operations["listUsers"];
        put?: never;
        /** Create a user */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /** Get one user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a user (archive with is_active false) */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The user who owns the token
         * @description Open to every authenticated user; read `access_roles` to see what other lists will hold.
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Account: {
            id: components["schemas"]["Id"];
            name: string;
            /** @description harvest or forecast. */
            product: string;
        };
        Accounts: {
            accounts: components["schemas"]["Account"][];
            user: {
                email: string;
                first_name: string;
                id: components["schemas"]["Id"];
                last_name: string;
            };
        };
        /** @enum {string} */
        ApprovalStatus: "unsubmitted" | "submitted" | "approved";
        Client: {
            address: string | null;
            created_at: components["schemas"]["DateTime"];
            /** @description ISO 4217 code. */
            currency: string;
            id: components["schemas"]["Id"];
            is_active: boolean;
            name: string;
            statement_key?: string | null;
            updated_at: components["schemas"]["DateTime"];
        };
        ClientCreate: components["schemas"]["ClientFields"] & Record<string, never>;
        ClientFields: {
            address?: string | null;
            currency?: string;
            is_active?: boolean;
            name?: string;
        };
        ClientPage: components["schemas"]["Pagination"] & {
            clients: components["schemas"]["Client"][];
        };
        ClientUpdate: components["schemas"]["ClientFields"];
        Company: {
            approval_feature?: boolean;
            base_uri: string;
            /** @enum {string} */
            clock: "12h" | "24h";
            color_scheme?: string;
            currency_code_display?: string;
            currency_symbol_display?: string;
            date_format: string;
            decimal_symbol?: string;
            estimate_feature?: boolean;
            expense_feature?: boolean;
            full_domain: string;
            invoice_feature?: boolean;
            is_active: boolean;
            name: string;
            plan_type: string;
            team_feature?: boolean;
            thousands_separator?: string;
            /** @enum {string} */
            time_format: "decimal" | "hours_minutes";
            wants_timestamp_timers: boolean;
            /** @enum {string} */
            week_start_day: "Saturday" | "Sunday" | "Monday";
            /** @description Default capacity in seconds per week. */
            weekly_capacity: number;
        };
        /**
         * Format: date-time
         * @description ISO 8601 instant in UTC, second precision.
         */
        DateTime: string;
        /** @description Harvest documents no error format; these fields appear when present. */
        ErrorBody: {
            error?: string;
            error_description?: string;
            message?: string;
        };
        ExternalReference: {
            account_id?: string | null;
            group_id?: string | null;
            id: string;
            permalink: string;
            service?: string | null;
            service_icon_url?: string | null;
        };
        ExternalReferenceInput: {
            account_id?: string;
            group_id?: string;
            id: string;
            permalink: string;
        };
        Id: number;
        IdName: {
            id: components["schemas"]["Id"];
            name: string;
        };
        InvoiceRef: {
            id: components["schemas"]["Id"];
            number: string;
        };
        Pagination: {
            links: components["schemas"]["PaginationLinks"];
            next_page: number | null;
            /** @description Null on intermediate cursor pages. */
            page: number | null;
            per_page: number;
            previous_page: number | null;
            total_entries?: number;
            total_pages?: number;
        };
        PaginationLinks: {
            /** Format: uri */
            first: string;
            /** Format: uri */
            last?: string;
            /**
             * Format: uri
             * @description Null on the last page; the cursor form carries `cursor=` and keeps `per_page`.
             */
            next: string | null;
            /** Format: uri */
            previous?: string | null;
        };
        Project: {
            /** @enum {string} */
            bill_by: "Project" | "Tasks" | "People" | "none";
            /** @description Hours, when budgeting by time. */
            budget: number | null;
            /** @enum {string} */
            budget_by: "project" | "project_cost" | "task" | "task_fees" | "person" | "none";
            budget_is_monthly: boolean;
            client: {
                currency?: string;
                id: components["schemas"]["Id"];
                name: string;
            };
            code: string | null;
            cost_budget: number | null;
            cost_budget_include_expenses: boolean;
            created_at: components["schemas"]["DateTime"];
            /** Format: date */
            ends_on: string | null;
            fee: number | null;
            hourly_rate: number | null;
            id: components["schemas"]["Id"];
            is_active: boolean;
            is_billable: boolean;
            is_fixed_fee: boolean;
            name: string;
            notes?: string | null;
            notify_when_over_budget: boolean;
            /** Format: date */
            over_budget_notification_date: string | null;
            over_budget_notification_percentage?: number | null;
            show_budget_to_all: boolean;
            /** Format: date */
            starts_on: string | null;
            updated_at: components["schemas"]["DateTime"];
        };
        ProjectCreate: components["schemas"]["ProjectFields"] & Record<string, never>;
        ProjectFields: {
            /** @enum {string} */
            bill_by?: "Project" | "Tasks" | "People" | "none";
            budget?: number | null;
            /** @enum {string} */
            budget_by?: "project" | "project_cost" | "task" | "task_fees" | "person" | "none";
            budget_is_monthly?: boolean;
            client_id?: components["schemas"]["Id"];
            code?: string | null;
            cost_budget?: number | null;
            cost_budget_include_expenses?: boolean;
            /** Format: date */
            ends_on?: string | null;
            fee?: number | null;
            hourly_rate?: number | null;
            is_active?: boolean;
            is_billable?: boolean;
            is_fixed_fee?: boolean;
            name?: string;
            notes?: string | null;
            notify_when_over_budget?: boolean;
            show_budget_to_all?: boolean;
            /** Format: date */
            starts_on?: string | null;
        };
        ProjectPage: components["schemas"]["Pagination"] & {
            projects: components["schemas"]["Project"][];
        };
        ProjectRef: {
            code: string | null;
            id: components["schemas"]["Id"];
            name: string;
        };
        ProjectUpdate: components["schemas"]["ProjectFields"];
        Role: {
            created_at: components["schemas"]["DateTime"];
            id: components["schemas"]["Id"];
            name: string;
            updated_at: components["schemas"]["DateTime"];
            user_ids: components["schemas"]["Id"][];
        };
        RolePage: components["schemas"]["Pagination"] & {
            roles: components["schemas"]["Role"][];
        };
        Task: {
            billable_by_default: boolean;
            created_at: components["schemas"]["DateTime"];
            default_hourly_rate?: number | null;
            id: components["schemas"]["Id"];
            is_active: boolean;
            is_default: boolean;
            name: string;
            updated_at: components["schemas"]["DateTime"];
        };
        TaskAssignment: {
            billable: boolean;
            budget: number | null;
            created_at: components["schemas"]["DateTime"];
            hourly_rate: number | null;
            id: components["schemas"]["Id"];
            is_active: boolean;
            project: components["schemas"]["ProjectRef"];
            task: components["schemas"]["IdName"];
            updated_at: components["schemas"]["DateTime"];
        };
        TaskAssignmentPage: components["schemas"]["Pagination"] & {
            task_assignments: components["schemas"]["TaskAssignment"][];
        };
        TaskPage: components["schemas"]["Pagination"] & {
            tasks: components["schemas"]["Task"][];
        };
        TimeEntry: {
            approval_status?: components["schemas"]["ApprovalStatus"];
            billable: boolean;
            billable_rate: number | null;
            budgeted: boolean;
            client: components["schemas"]["IdName"];
            cost_rate?: number | null;
            created_at: components["schemas"]["DateTime"];
            ended_time: string | null;
            external_reference: components["schemas"]["ExternalReference"] | null;
            /** @description Includes the running time of a running timer. */
            hours: number;
            hours_without_timer?: number;
            /** Format: int64 */
            id: number;
            invoice: components["schemas"]["InvoiceRef"] | null;
            is_billed: boolean;
            /**
             * @deprecated
             * @description Replaced by approval_status in newer Harvest docs.
             */
            is_closed?: boolean;
            is_locked: boolean;
            is_running: boolean;
            locked_reason: string | null;
            notes: string | null;
            project: components["schemas"]["IdName"];
            rounded_hours: number;
            /** Format: date */
            spent_date: string;
            /** @description Wall-clock time in the account's clock format, e.g. `8:00am` or `14:59`. */
            started_time: string | null;
            task: components["schemas"]["IdName"];
            /** @description Missing from list responses in older API versions. */
            task_assignment?: {
                billable: boolean;
                budget?: number | null;
                created_at: components["schemas"]["DateTime"];
                hourly_rate?: number | null;
                id: components["schemas"]["Id"];
                is_active: boolean;
                updated_at: components["schemas"]["DateTime"];
            };
            /** Format: date-time */
            timer_started_at: string | null;
            updated_at: components["schemas"]["DateTime"];
            user: components["schemas"]["IdName"];
            /** @description Missing from list responses in older API versions. */
            user_assignment?: {
                budget?: number | null;
                created_at: components["schemas"]["DateTime"];
                hourly_rate?: number | null;
                id: components["schemas"]["Id"];
                is_active: boolean;
                is_project_manager: boolean;
                updated_at: components["schemas"]["DateTime"];
            };
        };
        TimeEntryCreate: components["schemas"]["TimeEntryFields"] & {
            user_id?: components["schemas"]["Id"];
        };
        TimeEntryFields: {
            ended_time?: string;
            external_reference?: components["schemas"]["ExternalReferenceInput"];
            hours?: number;
            notes?: string | null;
            project_id?: components["schemas"]["Id"];
            /** Format: date */
            spent_date?: string;
            started_time?: string;
            task_id?: components["schemas"]["Id"];
        };
        TimeEntryPage: components["schemas"]["Pagination"] & {
            time_entries: components["schemas"]["TimeEntry"][];
        };
        TimeEntryUpdate: components["schemas"]["TimeEntryFields"];
        User: {
            /** @description administrator, manager or member, plus manager add-ons. */
            access_roles: string[];
            avatar_url?: string | null;
            /** @description Hidden from managers without the rates permission. */
            cost_rate?: number | null;
            created_at: components["schemas"]["DateTime"];
            /** @description Hidden from managers without the rates permission. */
            default_hourly_rate?: number | null;
            email: string;
            first_name: string;
            has_access_to_all_future_projects: boolean;
            id: components["schemas"]["Id"];
            is_active: boolean;
            is_contractor: boolean;
            last_name: string;
            /** @description Business role names; no effect on permissions. */
            roles: string[];
            telephone?: string | null;
            /** @description A Harvest time zone name such as `Eastern Time (US & Canada)`, not an IANA id. */
            timezone: string;
            updated_at: components["schemas"]["DateTime"];
            /** @description Seconds per week. */
            weekly_capacity: number;
        };
        UserAssignment: {
            budget: number | null;
            created_at: components["schemas"]["DateTime"];
            hourly_rate?: number | null;
            id: components["schemas"]["Id"];
            is_active: boolean;
            is_project_manager: boolean;
            project: components["schemas"]["ProjectRef"];
            updated_at: components["schemas"]["DateTime"];
            use_default_rates: boolean;
            user: components["schemas"]["IdName"];
        };
        UserAssignmentPage: components["schemas"]["Pagination"] & {
            user_assignments: components["schemas"]["UserAssignment"][];
        };
        /** @description Rates can only be set on creation; later changes go through the rate endpoints. */
        UserCreate: components["schemas"]["UserFields"] & {
            cost_rate?: number;
            default_hourly_rate?: number;
        };
        UserFields: {
            access_roles?: string[];
            /** Format: email */
            email?: string;
            first_name?: string;
            has_access_to_all_future_projects?: boolean;
            is_active?: boolean;
            is_contractor?: boolean;
            last_name?: string;
            roles?: string[];
            timezone?: string;
            weekly_capacity?: number;
        };
        UserPage: components["schemas"]["Pagination"] & {
            users: components["schemas"]["User"][];
        };
        UserUpdate: components["schemas"]["UserFields"];
    };
    responses: {
        /** @description Malformed request, for example a missing User-Agent or a badly formatted parameter. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The created client. */
        ClientCreated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Client"];
            };
        };
        /** @description The client. */
        ClientOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Client"];
            };
        };
        /** @description The token's user lacks the permission (for example a non-administrator reading /roles). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No such record (a wrong account id can also surface this way). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The created project. */
        ProjectCreated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Project"];
            };
        };
        /** @description The project. */
        ProjectOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Project"];
            };
        };
        /** @description The created time entry. */
        TimeEntryCreated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TimeEntry"];
            };
        };
        /** @description The time entry. */
        TimeEntryOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TimeEntry"];
            };
        };
        /** @description Over the budget of 100 requests per 15 seconds; wait Retry-After seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The token is invalid, expired or revoked, or Harvest-Account-Id is missing or not reachable. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Validation failed, or `per_page` is above 2000; the body explains. */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The created user. */
        UserCreated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
        /** @description The user. */
        UserOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["User"];
            };
        };
    };
    parameters: {
        /** @description The client's id. */
        ClientId: number;
        /** @description Only records of this client. */
        ClientIdFilter: number;
        /** @description Opaque position taken from `links.next` or `links.previous`; wins over `page`. */
        Cursor: string;
        /** @description true for active records only, false for archived only; omit for both. */
        IsActive: boolean;
        /** @description 1-based page number. */
        Page: number;
        /**
         * @deprecated
         * @description 1-based page number; use the cursor in `links.next` instead.
         */
        PageDeprecated: number;
        /** @description Records per page, 1 to 2000 (2000 when omitted; more is a 422). */
        PerPage: number;
        /** @description The project's id. */
        ProjectId: number;
        /** @description The time entry's id (a 64-bit integer). */
        TimeEntryId: number;
        /** @description Only records whose updated_at is after this instant (send `YYYY-MM-DDTHH:MM:SSZ`). */
        UpdatedSince: string;
        /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
        UserAgent: string;
        /** @description The user's id. */
        UserId: number;
    };
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before the next request. */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAccounts: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token's person and accounts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accounts"];
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
                /** @description Opaque position taken from `links.next` or `links.previous`; wins over `page`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description true for active records only, false for archived only; omit for both. */
                is_active?: components["parameters"]["IsActive"];
                /**
                 * @deprecated
                 * @description 1-based page number; use the cursor in `links.next` instead.
                 */
                page?: components["parameters"]["PageDeprecated"];
                /** @description Records per page, 1 to 2000 (2000 when omitted; more is a 422). */
                per_page?: components["parameters"]["PerPage"];
                /** @description Only records whose updated_at is after this instant (send `YYYY-MM-DDTHH:MM:SSZ`). */
                updated_since?: components["parameters"]["UpdatedSince"];
            };
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of clients. */
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
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientCreate"];
            };
        };
        responses: {
            201: components["responses"]["ClientCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateClient: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path: {
                /** @description The client's id. */
                clientId: components["parameters"]["ClientId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClientUpdate"];
            };
        };
        responses: {
            200: components["responses"]["ClientOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getCompany: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The company. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Company"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description Only records of this client. */
                client_id?: components["parameters"]["ClientIdFilter"];
                /** @description Opaque position taken from `links.next` or `links.previous`; wins over `page`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description true for active records only, false for archived only; omit for both. */
                is_active?: components["parameters"]["IsActive"];
                /**
                 * @deprecated
                 * @description 1-based page number; use the cursor in `links.next` instead.
                 */
                page?: components["parameters"]["PageDeprecated"];
                /** @description Records per page, 1 to 2000 (2000 when omitted; more is a 422). */
                per_page?: components["parameters"]["PerPage"];
                /** @description Only records whose updated_at is after this instant (send `YYYY-MM-DDTHH:MM:SSZ`). */
                updated_since?: components["parameters"]["UpdatedSince"];
            };
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of projects. */
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
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectCreate"];
            };
        };
        responses: {
            201: components["responses"]["ProjectCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path: {
                /** @description The project's id. */
                projectId: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectUpdate"];
            };
        };
        responses: {
            200: components["responses"]["ProjectOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listRoles: {
        parameters: {
            query?: {
                /** @description Opaque position taken from `links.next` or `links.previous`; wins over `page`. */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @deprecated
                 * @description 1-based page number; use the cursor in `links.next` instead.
                 */
                page?: components["parameters"]["PageDeprecated"];
                /** @description Records per page, 1 to 2000 (2000 when omitted; more is a 422). */
                per_page?: components["parameters"]["PerPage"];
            };
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of roles. */
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
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listTaskAssignments: {
        parameters: {
            query?: {
                /** @description Opaque position taken from `links.next` or `links.previous`; wins over `page`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description true for active records only, false for archived only; omit for both. */
                is_active?: components["parameters"]["IsActive"];
                /**
                 * @deprecated
                 * @description 1-based page number; use the cursor in `links.next` instead.
                 */
                page?: components["parameters"]["PageDeprecated"];
                /** @description Records per page, 1 to 2000 (2000 when omitted; more is a 422). */
                per_page?: components["parameters"]["PerPage"];
                /** @description Only records whose updated_at is after this instant (send `YYYY-MM-DDTHH:MM:SSZ`). */
                updated_since?: components["parameters"]["UpdatedSince"];
            };
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of task assignments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskAssignmentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listTasks: {
        parameters: {
            query?: {
                /** @description Opaque position taken from `links.next` or `links.previous`; wins over `page`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description true for active records only, false for archived only; omit for both. */
                is_active?: components["parameters"]["IsActive"];
                /**
                 * @deprecated
                 * @description 1-based page number; use the cursor in `links.next` instead.
                 */
                page?: components["parameters"]["PageDeprecated"];
                /** @description Records per page, 1 to 2000 (2000 when omitted; more is a 422). */
                per_page?: components["parameters"]["PerPage"];
                /** @description Only records whose updated_at is after this instant (send `YYYY-MM-DDTHH:MM:SSZ`). */
                updated_since?: components["parameters"]["UpdatedSince"];
            };
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listTimeEntries: {
        parameters: {
            query?: {
                /** @description Only entries in this approval state (newer Harvest docs). */
                approval_status?: components["schemas"]["ApprovalStatus"];
                /** @description Only records of this client. */
                client_id?: components["parameters"]["ClientIdFilter"];
                /** @description Only entries linked to this external item. */
                external_reference_id?: string;
                /** @description Only entries whose spent_date is on or after this date. */
                from?: string;
                /** @description true for invoiced entries, false for the others. */
                is_billed?: boolean;
                /** @description true for running timers, false for stopped entries. */
                is_running?: boolean;
                /** @description 1-based page number. */
                page?: components["parameters"]["Page"];
                /** @description Records per page, 1 to 2000 (2000 when omitted; more is a 422). */
                per_page?: components["parameters"]["PerPage"];
                /** @description Only entries of this project. */
                project_id?: number;
                /** @description Only entries of this task. */
                task_id?: number;
                /** @description Only entries whose spent_date is on or before this date. */
                to?: string;
                /** @description Only records whose updated_at is after this instant (send `YYYY-MM-DDTHH:MM:SSZ`). */
                updated_since?: components["parameters"]["UpdatedSince"];
                /** @description Only entries of this user. */
                user_id?: number;
            };
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of time entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimeEntryPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createTimeEntry: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimeEntryCreate"];
            };
        };
        responses: {
            201: components["responses"]["TimeEntryCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteTimeEntry: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path: {
                /** @description The time entry's id (a 64-bit integer). */
                timeEntryId: components["parameters"]["TimeEntryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateTimeEntry: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path: {
                /** @description The time entry's id (a 64-bit integer). */
                timeEntryId: components["parameters"]["TimeEntryId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TimeEntryUpdate"];
            };
        };
        responses: {
            200: components["responses"]["TimeEntryOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listUserAssignments: {
        parameters: {
            query?: {
                /** @description Opaque position taken from `links.next` or `links.previous`; wins over `page`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description true for active records only, false for archived only; omit for both. */
                is_active?: components["parameters"]["IsActive"];
                /**
                 * @deprecated
                 * @description 1-based page number; use the cursor in `links.next` instead.
                 */
                page?: components["parameters"]["PageDeprecated"];
                /** @description Records per page, 1 to 2000 (2000 when omitted; more is a 422). */
                per_page?: components["parameters"]["PerPage"];
                /** @description Only records whose updated_at is after this instant (send `YYYY-MM-DDTHH:MM:SSZ`). */
                updated_since?: components["parameters"]["UpdatedSince"];
                /** @description Only assignments of this user. */
                user_id?: number;
            };
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of user assignments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserAssignmentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Opaque position taken from `links.next` or `links.previous`; wins over `page`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description true for active records only, false for archived only; omit for both. */
                is_active?: components["parameters"]["IsActive"];
                /**
                 * @deprecated
                 * @description 1-based page number; use the cursor in `links.next` instead.
                 */
                page?: components["parameters"]["PageDeprecated"];
                /** @description Records per page, 1 to 2000 (2000 when omitted; more is a 422). */
                per_page?: components["parameters"]["PerPage"];
                /** @description Only records whose updated_at is after this instant (send `YYYY-MM-DDTHH:MM:SSZ`). */
                updated_since?: components["parameters"]["UpdatedSince"];
            };
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            201: components["responses"]["UserCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path: {
                /** @description The user's id. */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UserOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path: {
                /** @description The user's id. */
                userId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            200: components["responses"]["UserOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header: {
                /** @description Application name and a contact, e.g. `RunnHarvestSync (ops@example.com)`. */
                "User-Agent": components["parameters"]["UserAgent"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token's user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
        };
    };
}
