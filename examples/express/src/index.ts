export { type AppOptions, createApp } from "./App.ts";
export * as Config from "./Config.ts";
export * as Runtime from "./Runtime.ts";
