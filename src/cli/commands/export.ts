import { appendixDocx } from "../../export/docx.ts";
import { scheduleFeed } from "../../export/ics.ts";
import { scheduleXlsx } from "../../export/xlsx.ts";
import { clusterTable, sessionTable, toCsv, toHtmlPage, toMarkdown } from "../../export/table.ts";
import { loadScheduleFor } from "../../model/schedule.ts";
import { languages, oneOf, parse, UsageError } from "../args.ts";
import { displayName, readInput, readPlan, writeOutput } from "../files.ts";

const FORMATS = ["ics", "md", "csv", "html", "docx", "xlsx"] as const;
const TABLES = ["clusters", "sessions", "all"] as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { format: { type: "string" }, windows: { type: "boolean" }, lang: { type: "string" }, out: { type: "string" }, table: { type: "string" } },
    ["plan", "schedule"],
  );
  if (values.format === undefined) throw new UsageError(`--format is required. Expected one of: ${FORMATS.join(", ")}`);
  const format = oneOf("format", values.format, FORMATS, "md");
  const lang = languages(values.lang).documents;
  const table = oneOf("table", values.table, TABLES, format === "csv" ? "sessions" : "all");
  if (format === "csv" && table === "all") throw new UsageError("a CSV file holds one table: give --table clusters or --table sessions");
  const [planPath, schedulePath] = positionals as [string, string];
  const { plan } = readPlan(planPath);
  const { schedule } = loadScheduleFor(plan, readInput(schedulePath), displayName(schedulePath));
  const options = { lang, windows: values.windows ?? false };
  const tables = [...(table !== "sessions" ? [clusterTable(plan, schedule, options)] : []), ...(table !== "clusters" ? [sessionTable(plan, schedule, options)] : [])];
  let content: string | Uint8Array;
  if ((format === "docx" || format === "xlsx") && !values.out) throw new UsageError(`a .${format} file is not text: give the file to write with --out, e.g. --out appendix.${format}`);
  if (format === "docx") content = await appendixDocx(plan, schedule, { lang });
  else if (format === "xlsx") content = await scheduleXlsx(plan, schedule, { lang });
  else if (format === "ics") content = scheduleFeed(plan, schedule, { lang });
  else if (format === "html") content = toHtmlPage(plan, schedule, options);
  else if (format === "csv") content = toCsv(tables[0]!);
  else content = tables.map((t) => `## ${t.title}\n\n${toMarkdown(t)}`).join("\n");
  if (values.out) writeOutput(values.out, content);
  else process.stdout.write(content);
  return 0;
}
