// Builds dist/ once (on `npm ci`, through `prepare`, and before the tests), so that the CLI and the
// library run as plain JavaScript, with no TypeScript loader at start-up:
// - dist/: the library (`import … from "taphuan"`), compiled by tsc with its type declarations;
// - dist/bin/: the CLI and the workspace (src/cli, src/serve) bundled with the library and its
//   dependencies by esbuild, one chunk per command, because
//   Node 20 spends more time finding and reading a few hundred small modules (zod, yaml, docx …)
//   than running `taphuan validate` itself.
import { cpSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", `${root}/tsconfig.build.json`], { stdio: "inherit" });
await build({
  // The workspace's solves and re-plans run in worker threads from their own entry, beside the chunks.
  entryPoints: { main: `${root}/src/cli/main.ts`, "solve-worker": `${root}/src/serve/solve-worker.ts` },
  outdir: `${root}/dist/bin`,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // HiGHS finds its WebAssembly beside its own file; javascript-lp-solver is loaded by path in a worker.
  external: ["highs", "javascript-lp-solver"],
  // The bundled CommonJS packages call require(), which an ES module has only when given one.
  banner: { js: 'import { createRequire as __taphuanRequire } from "node:module"; const require = __taphuanRequire(import.meta.url);' },
  logLevel: "warning",
});
// The workspace's page assets are files, not modules: copied beside the bundled server.
cpSync(`${root}/src/serve/assets`, `${root}/dist/bin/assets`, { recursive: true });
