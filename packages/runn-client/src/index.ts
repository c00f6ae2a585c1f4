export * as RunnClient from "./RunnClient.ts";
export * as RunnClientError from "./RunnClientError.ts";
