/** `taphuan changes DIR`: the campaign's change log as the folder's current version records it. */
import { currentState } from "../../app/replan.ts";
import { describeEntry } from "../../words/change-log.ts";
import { CLI_WORDS } from "../../words/cli.ts";
import { standingChanges } from "../../model/change-log.ts";
import { error, InputError } from "../../model/issues.ts";
import { languages, parse } from "../args.ts";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: "boolean" }, lang: { type: "string" }, quiet: { type: "boolean" } }, ["dir"]);
  const dir = positionals[0]!;
  const lang = languages(values.lang).terminal;
  const w = CLI_WORDS[lang];
  const state = currentState(dir);
  if (!state) throw new InputError(dir, [error("no-schedule", [], "holds no schedule", "give a schedule folder that solve or replan wrote")]);
  const standing = new Set(standingChanges(state.log).map((e) => e.id));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ version: state.version, entries: state.log.entries, standing: [...standing] }, null, 2)}\n`);
    return 0;
  }
  if (!state.log.entries.length) process.stdout.write(`${w.noChange(state.version)}\n`);
  for (const entry of state.log.entries) process.stdout.write(`${standing.has(entry.id) ? "*" : " "} ${describeEntry(entry, lang)}\n`);
  if (state.log.entries.length) process.stdout.write(`${w.standsIn(state.version, dir)}\n`);
  return 0;
}
