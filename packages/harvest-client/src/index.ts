export * as HarvestClient from "./HarvestClient.ts";
export * as HarvestClientError from "./HarvestClientError.ts";
