import { basename, extname } from "node:path";
import { planTemplate } from "../../app/workbook.ts";
import { languages, parse } from "../args.ts";
import { readPlan, writeOutput } from "../files.ts";
import { IMPORT_WORDS } from "../../words/workbook.ts";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: "string" }, lang: { type: "string" } }, ["plan"]);
  const file = positionals[0]!;
  const { plan } = readPlan(file);
  // A workbook is not text: by default it goes beside where the command runs, named after the plan.
  const out = values.out ?? `${basename(file, extname(file)) || "plan"}.xlsx`;
  writeOutput(out, await planTemplate(plan));
  process.stdout.write(`${IMPORT_WORDS[languages(values.lang).terminal].wrote(out)}\n`);
  return 0;
}
