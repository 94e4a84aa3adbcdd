/**
 * taphuan as a real npm package: `npm pack` gives a tarball that works in an empty project in
 * plain Node — the CLI through npx, the library through `import … from "taphuan"` with its type
 * declarations. Tests run offline, and npm cannot resolve a package's dependencies without the
 * registry, so the tarball is unpacked into node_modules/taphuan as npm would, and exactly the
 * runtime dependencies its package.json lists are linked beside it from this checkout: a
 * dependency missing from that list, or a file missing from the tarball, fails here.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describe("the npm package", () => {
  const project = mkdtempSync(join(tmpdir(), "taphuan-user-"));
  const modules = join(project, "node_modules");
  beforeAll(() => {
    // dist/ is built by `pretest`; packing must not rebuild it under the other test files' feet.
    const packed = spawnSync("npm", ["pack", "--ignore-scripts", "--pack-destination", project], { cwd: ROOT, encoding: "utf8" });
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = readdirSync(project).find((f) => f.endsWith(".tgz"))!;
    mkdirSync(join(modules, "taphuan"), { recursive: true });
    const unpacked = spawnSync("tar", ["-xzf", join(project, tarball), "-C", join(modules, "taphuan"), "--strip-components=1"], { encoding: "utf8" });
    expect(unpacked.status, unpacked.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(modules, "taphuan", "package.json"), "utf8")) as { dependencies: Record<string, string>; bin: Record<string, string> };
    for (const dependency of Object.keys(manifest.dependencies)) {
      mkdirSync(dirname(join(modules, dependency)), { recursive: true });
      symlinkSync(join(ROOT, "node_modules", dependency), join(modules, dependency));
    }
    mkdirSync(join(modules, ".bin"));
    symlinkSync(join("..", "taphuan", manifest.bin.taphuan!), join(modules, ".bin", "taphuan"));
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user", private: true, type: "module", dependencies: { taphuan: "0.1.0" } }));
    cpSync(join(ROOT, "test/fixtures/small-plan.yaml"), join(project, "plan.yaml"));
  }, 180_000);

  it("holds the compiled library, its declarations and the bundled CLI with the page's assets, and no TypeScript source", () => {
    const files = spawnSync("tar", ["-tzf", join(project, readdirSync(project).find((f) => f.endsWith(".tgz"))!)], { encoding: "utf8" }).stdout.split("\n");
    expect(files).toContain("package/dist/index.js");
    expect(files).toContain("package/dist/index.d.ts");
    expect(files).toContain("package/bin/taphuan.js");
    expect(files).toContain("package/dist/bin/main.js");
    expect(files).toContain("package/dist/bin/assets/app.js");
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("runs the CLI with npx: validate and solve", () => {
    const validate = spawnSync("npx", ["taphuan", "validate", "plan.yaml", "--quiet"], { cwd: project, encoding: "utf8" });
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.stdout).toContain("Tập huấn thử (small)");
    const solve = spawnSync("npx", ["taphuan", "solve", "plan.yaml", "--out", "out", "--json"], { cwd: project, encoding: "utf8" });
    expect(solve.status, solve.stderr).toBe(0);
    expect(JSON.parse(solve.stdout)).toMatchObject({ status: "complete", sessions: 4 });
  }, 60_000);

  it("serves the workspace page with its assets from the bundled CLI", async () => {
    const server = spawn(process.execPath, [join(modules, ".bin", "taphuan"), "serve", ".", "--port", "0"], { cwd: project });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        server.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const found = /http:\/\/\S+/.exec(out);
          if (found) resolve(found[0]);
        });
        server.once("exit", (code) => reject(new Error(`taphuan serve exited with ${code}`)));
      });
      const home = await fetch(url);
      expect(await home.text()).toContain(`<a href="/p/plan.yaml?lang=vi">Tập huấn thử</a>`);
      const script = await fetch(new URL("/assets/app.js", url));
      expect(script.status).toBe(200);
      expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    } finally {
      server.kill();
    }
  }, 30_000);

  it("imports the library in plain Node, with no TypeScript loader", () => {
    const script = `import { readFileSync } from "node:fs";
      import { loadPlanText, solvePlan } from "taphuan";
      const { plan } = loadPlanText(readFileSync("plan.yaml", "utf8"), "plan.yaml");
      const { schedule } = await solvePlan(plan);
      console.log(schedule.status, schedule.sessions.length);`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: project, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe("complete 4");
  }, 60_000);

  it("type-checks a user's TypeScript against its declarations", () => {
    writeFileSync(
      join(project, "app.ts"),
      `import { loadPlanText, solvePlan, type Schedule } from "taphuan";
       export async function sessions(text: string): Promise<number> {
         const { plan } = loadPlanText(text, "plan.yaml");
         const schedule: Schedule = (await solvePlan(plan)).schedule;
         return schedule.sessions.length;
       }`,
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const checked = spawnSync(process.execPath, [tsc, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--skipLibCheck", "app.ts"], { cwd: project, encoding: "utf8" });
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
  });
});
