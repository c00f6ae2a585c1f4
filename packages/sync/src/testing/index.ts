export * as SandboxAccounts from "./SandboxAccounts.ts";
