import { statSync } from "node:fs";
import { serve } from "@hono/node-server";
import { isLoopback, MIN_TOKEN_LENGTH, newToken } from "../../serve/security.ts";
import { createWorkspace } from "../../serve/workspace.ts";
import { parse, UsageError } from "../args.ts";
import { spawn } from "node:child_process";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { port: { type: "string" }, host: { type: "string" }, token: { type: "string" }, open: { type: "boolean" } }, [], ["dir"]);
  const dir = positionals[0] ?? "plans";
  try {
    if (!statSync(dir).isDirectory()) throw new Error();
  } catch {
    throw new UsageError(`${dir} is not a folder: give the folder of the plans, e.g. taphuan serve plans`);
  }
  const port = values.port === undefined ? 4173 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid value for --port (${values.port}). Expected a port number from 0 to 65535, e.g. 4173`);
  const host = values.host ?? "127.0.0.1";
  // Anyone who can reach a non-loopback address could re-plan: a token is then required, and one given by hand must be hard to guess.
  if (values.token !== undefined && values.token.length < MIN_TOKEN_LENGTH) {
    throw new UsageError(`--token must be at least ${MIN_TOKEN_LENGTH} characters (128 bits), e.g. ${newToken()}; leave it out to have one generated`);
  }
  const token = values.token ?? (isLoopback(host) ? undefined : newToken());
  await new Promise<void>((resolve, reject) => {
    const server = serve({ fetch: (request) => app.fetch(request), port, hostname: host }, (info) => {
      const url = `http://${host.includes(":") ? `[${host}]` : host}:${info.port}/${token ? `?token=${token}` : ""}`;
      process.stdout.write(`taphuan workspace on ${dir}: ${url}\n(Ctrl+C to stop)\n`);
      if (values.open) spawn(process.platform === "darwin" ? "open" : "xdg-open", [url], { stdio: "ignore", detached: true }).on("error", () => undefined).unref();
    });
    let app = createWorkspace({ dir, host, port, ...(token ? { token } : {}) });
    server.once("listening", () => {
      const address = server.address();
      if (address && typeof address === "object" && address.port !== port) app = createWorkspace({ dir, host, port: address.port, ...(token ? { token } : {}) });
    });
    server.once("error", (e: NodeJS.ErrnoException) => reject(e.code === "EADDRINUSE" ? new UsageError(`port ${port} is in use: choose another with --port N`) : e));
    const stop = () => server.close(() => resolve());
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}
