// Compiles src/ to dist/ once (on `npm ci`, through `prepare`, and before the tests), so that the
// CLI and the library run as plain JavaScript: no TypeScript loader at start-up.
import { cpSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", `${root}/tsconfig.build.json`], { stdio: "inherit" });
// The workspace's page assets are files, not modules: copied beside the compiled server.
cpSync(`${root}/src/serve/assets`, `${root}/dist/serve/assets`, { recursive: true });
