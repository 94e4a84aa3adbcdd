/**
 * A new plan file, without writing YAML: the 2022 letter's plan as a template, a copy of another
 * plan of the folder, or a blank plan on a registry (vn-63 before July 2025, vn-34 after). The new
 * file is a plan like any other: it loads, and the planner goes on in the page.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { DateTime } from "luxon";
import { parseDocument } from "yaml";
import { syncFolder, writeNewFile } from "../folder/safe-write.ts";
import { fileSlug } from "../model/file-names.ts";
import { error, InputError } from "../model/issues.ts";
import { loadPlanText } from "../model/load.ts";
import { REGISTRIES } from "../model/provinces.ts";
import { NEW_PLAN_WORDS } from "../words/new-plan.ts";
import type { Lang } from "../words/labels.ts";

/** The letter's plan, beside the code in the repository and in the package alike (both are two folders below the root). */
const LETTER_PLAN = new URL("../../plans/2022-09-tcnscd.yaml", import.meta.url);

export type NewPlanSource =
  | { readonly kind: "letter" }
  | { readonly kind: "copy"; readonly text: string; readonly file: string }
  | { readonly kind: "blank"; readonly registry: "vn-63" | "vn-34" };

export interface NewPlanInput {
  /** The folder of plans, and the new file's name there (NAME.yaml; Vietnamese names welcome). */
  readonly dir: string;
  readonly file: string;
  readonly title: string;
  readonly source: NewPlanSource;
  readonly lang: Lang;
  /** Today, for a blank plan's period (the month after it). */
  readonly today: string;
}

/** Writes the new plan (never over a file that exists) and returns its text. */
export function createPlan(input: NewPlanInput): string {
  const path = join(input.dir, input.file);
  // A name that differs only by its extension, accents' encoding (NFC/NFD) or case would share the
  // other plan's schedule folder (NAME/) or look the same in the list: refused like the same name.
  const stem = (name: string) => name.replace(/\.ya?ml$/i, "").normalize("NFC").toLowerCase();
  if (readdirSync(input.dir).some((name) => stem(name) === stem(input.file))) throw planExists(input.file);
  const title = input.title.trim().normalize("NFC");
  if (!title) throw new InputError(input.file, [error("no-title", ["campaign", "title"], "a plan needs a title", "give the campaign's title", {})]);
  const text = planText(input, title);
  // What is written loads: a new plan is never a broken file.
  loadPlanText(text, input.file);
  writeNew(path, text);
  return text;
}

const planExists = (file: string) => new InputError(file, [error("plan-exists", [], "already exists: a new plan never replaces a file", "choose another name", { file })]);

/** Created exclusively (never over a file made meanwhile: the CLI, another planner), flushed with its folder. */
function writeNew(path: string, text: string): void {
  try {
    writeNewFile(path, text);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") throw planExists(basename(path));
    throw e;
  }
  syncFolder(dirname(path));
}

function planText(input: NewPlanInput, title: string): string {
  // The id the calendars and invitations carry: ASCII, from the file's name.
  const id = fileSlug(input.file.replace(/\.ya?ml$/i, "")).replace(/^[^a-z0-9]+/, "") || "ke-hoach";
  if (input.source.kind === "blank") return blankPlan(input.source.registry, id, title, input.today, input.lang);
  const text = input.source.kind === "letter" ? readFileSync(LETTER_PLAN, "utf8") : input.source.text;
  // The copy keeps its comments and order: only its id and title are its own.
  const doc = parseDocument(text);
  doc.setIn(["campaign", "id"], id);
  doc.setIn(["campaign", "title"], title);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function blankPlan(registry: "vn-63" | "vn-34", id: string, title: string, today: string, lang: Lang): string {
  const w = NEW_PLAN_WORDS[lang];
  const month = DateTime.fromISO(today).plus({ months: 1 }).startOf("month");
  const first = REGISTRIES[registry][0]!.name;
  return [
    `# yaml-language-server: $schema=../plan.schema.json`,
    `# ${w.blankHeader}`,
    `campaign:`,
    `  id: ${id}`,
    `  title: ${JSON.stringify(title)}`,
    `  period: { from: ${month.toISODate()}, to: ${month.endOf("month").toISODate()} }`,
    `  registry: ${registry}`,
    `sessionNeeds: { policy: 1, skills: 1 }`,
    `roles: { policy: ${JSON.stringify(w.roleLabels.policy)}, skills: ${JSON.stringify(w.roleLabels.skills)} }`,
    `# ${w.blankClusters}`,
    `clusters:`,
    `  - { name: Cụm 1, provinces: [${first}] }`,
    `# ${w.blankTrainers}`,
    `trainers: []`,
    ``,
  ].join("\n");
}
