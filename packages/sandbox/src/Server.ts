/** The sandbox as a real HTTP server on 127.0.0.1 (demo, end-to-end tests, benchmarks). */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type SandboxInfo, sandboxInfo } from "./control/Control.ts";
import { makeSandbox, type Sandbox, type SandboxOptions } from "./Sandbox.ts";

/** Options of `startSandbox`: the sandbox's plus the port (0 picks a free one). */
export interface StartOptions extends SandboxOptions {
  readonly port?: number;
  /** Called for each request with its method, path and status (for logs on stderr). */
  readonly onRequest?: (line: string) => void;
}

/** A started sandbox server. */
export interface RunningSandbox {
  readonly info: SandboxInfo;
  readonly port: number;
  readonly url: string;
  readonly sandbox: Sandbox;
  readonly close: () => Promise<void>;
}

/** A request line for logs, with query-string tokens (`access_token`) redacted. */
const logLine = (req: IncomingMessage, outcome: string) =>
  `${req.method} ${(req.url ?? "").replace(/(access_token=)[^&]*/g, "$1<redacted>")} → ${outcome}`;

const readBody = (req: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(chunks.length === 0 ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

/**
 * Starts the sandbox on 127.0.0.1.
 * @example
 * const sb = await SandboxServer.startSandbox({ port: 0, seed: 42, preset: "tiny", anchorDate: "2024-06-03" });
 * await fetch(`${sb.info.control}/truth`);
 * await sb.close();
 */
export const startSandbox = async (options: StartOptions = {}): Promise<RunningSandbox> => {
  const sandbox = makeSandbox(options);
  let origin = "";
  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const body = await readBody(req);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      const out = await sandbox.handle(req.method ?? "GET", new URL(req.url ?? "/", origin), headers, body);
      if (out.kind === "reset") {
        options.onRequest?.(logLine(req, "reset"));
        req.socket.destroy();
        return;
      }
      options.onRequest?.(logLine(req, String(out.status)));
      res.writeHead(out.status, out.headers);
      res.end(out.body ?? undefined);
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: `sandbox error: ${String(error)}` }));
    }
  };
  const server = createServer((req, res) => void onRequest(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    info: sandboxInfo(sandbox, origin),
    port,
    url: origin,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
};
