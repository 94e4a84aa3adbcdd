/** The re-plan's diff in a planner's words, as Markdown and JSON. */
import type { ReplanOutcome, SessionChange } from "../solve/replan.ts";
import { LABELS, officialDay, type Lang } from "../words/labels.ts";
import type { Plan } from "../model/plan.ts";
import { provinceName } from "./names.ts";
import { toMarkdown } from "./table.ts";
import { CHANGE_WORDS } from "../words/documents.ts";

function when(slot: NonNullable<SessionChange["before"]>, lang: Lang): string {
  return `${officialDay(slot.date, lang)}, ${LABELS[lang][slot.halfDay].toLowerCase()}`;
}

/** "Hà Nam: Thứ Năm, 15/9/2022, sáng → Thứ Ba, 20/9/2022, chiều; giảng viên không đổi". */
export function describeChange(change: SessionChange, lang: Lang = "vi"): string {
  const w = CHANGE_WORDS[lang];
  const { before, after } = change;
  if (change.kind === "removed") return `${change.province}: ${when(before!, lang)} → ${w.removed}`;
  if (change.kind === "added") return `${change.province}: ${w.added} ${when(after!, lang)}; ${w.trainers} ${after!.trainers.join(", ")}`;
  const slot = change.kind === "moved" || change.kind === "moved-and-restaffed" ? `${when(before!, lang)} → ${when(after!, lang)}` : `${when(after!, lang)}, ${w.slotUnchanged}`;
  const staff = change.kind === "restaffed" || change.kind === "moved-and-restaffed" ? `${w.trainers} ${before!.trainers.join(", ")} → ${after!.trainers.join(", ")}` : w.unchangedTrainers;
  return `${change.province}: ${slot}; ${staff}${change.frozen ? ` (${w.frozen})` : ""}`;
}

/** What diff.json holds: a re-plan's changes, with what a planner reads first. */
export interface DiffSummary {
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly moves: number;
  readonly trainerChanges: number;
  readonly provenMinimal: boolean;
  readonly changes: readonly SessionChange[];
}

export function diffSummary(outcome: ReplanOutcome): DiffSummary {
  const { moves, trainerChanges, provenMinimal, changes } = outcome;
  return { fromVersion: outcome.schedule.version - 1, toVersion: outcome.schedule.version, moves, trainerChanges, provenMinimal, changes };
}

/** "v1 → v2: 1 session(s) moved (proven minimal); 0 session(s) with other trainers". */
export function replanSummary(diff: DiffSummary, lang: Lang = "vi"): string {
  const w = CHANGE_WORDS[lang];
  return `v${diff.fromVersion} → v${diff.toVersion}: ${w.moves(diff.moves, diff.provenMinimal)}; ${w.restaffed(diff.trainerChanges)}`;
}

/** With the plan, provinces are named as the registry spells them (a province the plan no longer has keeps its name). */
export function diffMarkdown(outcome: ReplanOutcome, lang: Lang = "vi", plan?: Plan): string {
  const w = CHANGE_WORDS[lang];
  const changes = plan ? outcome.changes.map((c) => ({ ...c, province: provinceName(plan, { province: c.province }) })) : outcome.changes;
  const changed = changes.filter((c) => c.kind !== "unchanged");
  return [
    `# ${w.title} — v${outcome.schedule.version - 1} → v${outcome.schedule.version}`,
    "",
    `${w.moves(outcome.moves, outcome.provenMinimal)}; ${w.restaffed(outcome.trainerChanges)}.`,
    "",
    ...changed.map((c) => `- ${describeChange(c, lang)}`),
    "",
    toMarkdown({ title: "", header: w.header, rows: changes.map((c) => [c.province, c.cluster, describeChange(c, lang).slice(c.province.length + 2)]) }),
  ].join("\n");
}

export function diffJson(outcome: ReplanOutcome): string {
  return `${JSON.stringify(diffSummary(outcome), null, 2)}\n`;
}
