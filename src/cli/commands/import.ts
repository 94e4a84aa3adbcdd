import { importWorkbook, WorkbookError, workbookProblemLine } from "../../app/workbook.ts";
import { readBounded } from "../../app/read-input.ts";
import { issueLine } from "../../words/issues.ts";
import { IMPORT_WORDS, importSummaryLines } from "../../words/workbook.ts";
import { languages, parse, UsageError } from "../args.ts";
import { displayName, readInput, STDIN, writeOutput } from "../files.ts";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { "dry-run": { type: "boolean" }, lang: { type: "string" }, quiet: { type: "boolean" } }, ["plan", "workbook"]);
  const [planFile, workbookFile] = positionals as [string, string];
  if (planFile === STDIN) throw new UsageError("import writes into the plan file: give its path, not -");
  const lang = languages(values.lang).terminal;
  const w = IMPORT_WORDS[lang];
  const text = readInput(planFile);
  let result;
  try {
    result = await importWorkbook(text, displayName(planFile), readBounded(workbookFile), displayName(workbookFile));
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    process.stderr.write(`${w.problems(e.problems.length)}\n${e.problems.map((p) => `  ${workbookProblemLine(e.file, p, lang)}`).join("\n")}\n`);
    return 2;
  }
  for (const line of importSummaryLines(result.summary, lang)) process.stdout.write(`${line}\n`);
  if (!values.quiet) for (const warning of result.warnings) process.stderr.write(`${issueLine(displayName(planFile), warning, lang)}\n`);
  if (values["dry-run"]) process.stdout.write(`${w.dryRun}\n`);
  else if (result.changed) {
    writeOutput(planFile, result.text);
    process.stdout.write(`${w.wrote(planFile)}\n`);
  }
  return 0;
}
