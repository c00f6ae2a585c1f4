export * as Cli from "./Cli.ts";
export * as Summary from "./Summary.ts";
