/**
 * `taphuan replies DIR [FILE.eml…]`: the trainers' answers to the invitations (src/app/replies.ts),
 * each file said as it was read, then every session with who accepted, declined, proposed another
 * time or has not answered, and for each decline the re-plan that re-staffs it.
 */
import { readReplies, shellWord } from "../../app/replies.ts";
import { LABELS, officialDay } from "../../words/labels.ts";
import { REPLY_WORDS } from "../../words/mailbox.ts";
import { languages, parse } from "../args.ts";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { lang: { type: "string" }, json: { type: "boolean" }, quiet: { type: "boolean" } }, ["dir"], ["file.eml..."]);
  const lang = languages(values.lang).terminal;
  const words = REPLY_WORDS[lang];
  const outcome = await readReplies({ dir: positionals[0]!, files: positionals.slice(1) });
  const out = process.stdout;
  if (values.json) {
    out.write(`${JSON.stringify({ version: outcome.current, readings: outcome.readings, sessions: outcome.sessions.map((s) => ({ province: s.session.province, date: s.session.date, halfDay: s.session.halfDay, uid: s.uid, sequence: s.sequence, answers: s.answers })), declines: outcome.declines.map((d) => ({ ...d, command: d.command.map(shellWord).join(" ") })) }, null, 2)}\n`);
    return 0;
  }
  for (const reading of outcome.readings) out.write(`${words.reading(reading, lang)}\n`);
  if (values.quiet) return 0;
  if (outcome.readings.length) out.write("\n");
  if (!outcome.sessions.length) out.write(`${words.noInvitations}\n`);
  for (const { session, answers } of outcome.sessions) {
    out.write(`${words.session(session.province, officialDay(session.date, lang), LABELS[lang][session.halfDay].toLowerCase())}\n`);
    for (const answer of ["accepted", "tentative", "proposed", "declined", "delegated", "needs-action"] as const) {
      const who = answers.filter((a) => a.answer === answer);
      if (!who.length) continue;
      const names = who.map((a) => `${a.trainer}${a.proposed ? ` (${words.proposedAt(a.proposed, lang)})` : a.earlier ? ` (${words.earlier(a.earlier)})` : ""}`);
      out.write(`  ${words.heading[answer]}: ${names.join("; ")}\n`);
    }
  }
  if (outcome.declines.length) {
    out.write(`\n${words.restaff}\n`);
    for (const decline of outcome.declines) out.write(`  ${decline.command.map(shellWord).join(" ")}\n`);
  }
  if (outcome.readings.length) out.write(`\n${words.recorded(outcome.file)}\n`);
  return 0;
}
