import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/taphuan.js", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Runs the CLI as a user would: `node bin/taphuan.js …` from the project's folder. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", LC_ALL: "", LC_MESSAGES: "", ...options.env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
