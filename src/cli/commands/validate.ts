import { formatIssue } from "../../model/issues.ts";
import { summarizePlan, type PlanSummary } from "../../model/summary.ts";
import { parse } from "../args.ts";
import { displayName, readPlan } from "../files.ts";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: "boolean" }, quiet: { type: "boolean" } }, ["plan"]);
  const file = positionals[0]!;
  const { plan, warnings } = readPlan(file);
  const summary = summarizePlan(plan, warnings);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    process.stdout.write(renderSummary(summary));
    if (!values.quiet) for (const w of warnings) process.stderr.write(`${formatIssue(displayName(file), w)}\n`);
  }
  return 0;
}

function renderSummary(summary: PlanSummary): string {
  const lines = [
    `${summary.title} (${summary.id})`,
    `registry ${summary.registry} · period ${summary.period.from}..${summary.period.to} · ${summary.clusters.length} clusters · ${summary.provinces} provinces · ${summary.trainers} trainers · each session needs ${Object.entries(summary.sessionNeeds).map(([r, n]) => `${n} ${r}`).join(" + ")}`,
    "",
  ];
  for (const cluster of summary.clusters) {
    const window = cluster.window ? `${cluster.window.from}..${cluster.window.to}` : `no window (period ${cluster.effectiveWindow.from}..${cluster.effectiveWindow.to})`;
    lines.push(`${cluster.name} — ${cluster.provinces.length} provinces · ${window} · ${cluster.halfDays} working half-days`);
    lines.push(`  ${cluster.provinces.join(", ")}`);
    lines.push(`  trainers: ${Object.entries(cluster.trainers).map(([role, ids]) => `${role} ${ids.length}${ids.length ? ` (${ids.join(", ")})` : ""}`).join(" · ")}`);
  }
  lines.push(summary.warnings.length ? `\n${summary.warnings.length} warning(s):` : "\nno warnings");
  return `${lines.join("\n")}\n`;
}
