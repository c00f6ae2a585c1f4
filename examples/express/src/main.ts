/**
 * Starts the host: reads the environment, builds the one runtime (store, clients, `Sync`, dispatch,
 * scheduler), serves the app, and on SIGTERM/SIGINT stops accepting requests, lets open ones finish
 * (bounded), then disposes the runtime (interrupting runs, which release their leases).
 */
import type { AddressInfo } from "node:net";
import { Effect } from "effect";
import { createApp } from "./App.ts";
import { hostConfig } from "./Config.ts";
import * as Runtime from "./Runtime.ts";

const config = await Effect.runPromise(hostConfig).catch((e: unknown) => {
  console.error(`harvest-runn: configuration error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});

const runtime = Runtime.make(config);
// Open the store now, so a bad DATABASE_URL or secret key stops the start instead of the first request.
await runtime.runtime().catch((e: unknown) => {
  console.error(`harvest-runn: cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

const app = createApp(runtime, { apiKey: config.apiKey, cookieSecure: config.cookieSecure });
// Express 5 calls back with the error when the server cannot listen (port in use, no permission).
const server = app.listen(config.port, config.host, (error?: Error) => {
  if (error !== undefined) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EADDRINUSE"
        ? "the port is already in use"
        : code === "EACCES"
          ? "no permission to use the port"
          : error.message;
    console.error(`harvest-runn: cannot listen on ${config.host}:${config.port}: ${why}`);
    process.exit(1);
  }
  const { address, port } = server.address() as AddressInfo;
  const store = config.databaseUrl._tag === "Some" ? "Postgres" : "SQLite";
  console.log(
    `harvest-runn listening on http://${address}:${port} (store ${store}, manual runs ${config.dispatch === "queue" ? "queued" : "in process"}, scheduler ${config.scheduler ? "in process" : config.dispatch === "queue" ? "the workers' tick" : "off"})`,
  );
});
server.on("error", (e) => {
  console.error(`harvest-runn: cannot listen: ${e.message}`);
  process.exit(1);
});

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`harvest-runn: ${signal}, shutting down`);
  const force = setTimeout(() => server.closeAllConnections(), 10_000);
  force.unref();
  server.close(() => {
    runtime
      .dispose()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  });
  server.closeIdleConnections();
};
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
