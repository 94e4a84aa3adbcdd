/**
 * The planner's workspace: an HTTP server over the same library and the same schedule folders
 * the CLI writes. Per plan file `NAME.yaml` in the folder, its schedule folder is `NAME/`.
 * Safe by default: Host and Origin checked on every request, a token where the host is not loopback.
 *
 * Here the app is put together; what the routes share is src/serve/context.ts, the routes
 * themselves src/serve/routes/, each parsing a request, calling the application (src/app) and
 * rendering src/serve/pages.ts.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorPage, langOf, WorkspaceContext } from "./context.ts";
import { explainError } from "./explain-error.ts";
import { assetRoutes } from "./routes/assets.ts";
import { newPlanRoutes } from "./routes/new-plan.ts";
import { planFormRoutes } from "./routes/plan-forms.ts";
import { planRoutes } from "./routes/plans.ts";
import { replanRoutes } from "./routes/replan.ts";
import { sendRoutes } from "./routes/send.ts";
import { solveRoutes } from "./routes/solve.ts";
import { versionRoutes } from "./routes/versions.ts";
import { security } from "./security.ts";

export interface WorkspaceOptions {
  readonly dir: string;
  readonly host: string;
  readonly port: number;
  /** Required on every request when set (always set for a non-loopback host). */
  readonly token?: string;
  /** Solves and re-plans at once (worker threads); default 2, one per core of the machines this runs on. */
  readonly workers?: number;
  /** Where TAPHUAN_SMTP_URL is read; the process's environment unless a test gives one. */
  readonly env?: NodeJS.ProcessEnv;
}

const WORKERS = 2;
const MAX_BODY_BYTES = 1024 * 1024;

export function createWorkspace(options: WorkspaceOptions): Hono {
  const app = new Hono();
  const ws = new WorkspaceContext(options.dir, options.workers ?? WORKERS, options.env);

  // Every error, once: its kind gives the status, its code the planner's words; an internal one a reference, never a path or a stack.
  app.onError((error, c) => {
    const { status, message } = explainError(error, langOf(c), `${c.req.method} ${c.req.path}`, options.dir);
    return errorPage(c, message, status);
  });

  // Host, Origin, token and the protective headers, on every request and every response (src/serve/security.ts).
  app.use("*", security(options));
  app.use("*", bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text(`Từ chối: nội dung gửi lên tối đa ${MAX_BODY_BYTES / 1024} KiB. / Refused: a request body is at most ${MAX_BODY_BYTES / 1024} KiB.`, 413) }));

  for (const routes of [assetRoutes, planRoutes, planFormRoutes, newPlanRoutes, solveRoutes, replanRoutes, versionRoutes, sendRoutes]) routes(app, ws);
  return app;
}
