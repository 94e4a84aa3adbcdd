/**
 * `taphuan send DIR --smtp URL [--dry-run] [--retry-refused] [--allow-insecure-auth]`: the
 * invitations of a schedule folder, each trainer told the current state of each session once
 * (src/app/send.ts); exit 1 when any message was not delivered, with who and why.
 */
import { sendInvitations } from "../../app/send.ts";
import { SEND_WORDS, table } from "../../words/mailbox.ts";
import { languages, parse, UsageError } from "../args.ts";

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { smtp: { type: "string" }, "dry-run": { type: "boolean" }, "retry-refused": { type: "boolean" }, "allow-insecure-auth": { type: "boolean" }, lang: { type: "string" }, quiet: { type: "boolean" } },
    ["dir"],
  );
  const dryRun = values["dry-run"] ?? false;
  const words = SEND_WORDS[languages(values.lang).terminal];
  if (!values.smtp && !dryRun) throw new UsageError("--smtp URL is required (e.g. smtp://user:password@mail.example.org:587), or --dry-run to list what would be sent");
  const outcome = await sendInvitations({
    dir: positionals[0]!,
    dryRun,
    ...(values.smtp !== undefined ? { smtp: values.smtp } : {}),
    retryRefused: values["retry-refused"] ?? false,
    allowInsecureAuth: values["allow-insecure-auth"] ?? false,
    onRetry: (message, attempt, waitMs, response) => {
      if (!values.quiet) process.stderr.write(`${words.retrying(message.file, response, Math.round(waitMs / 1000), attempt)}\n`);
    },
  });
  const out = process.stdout;
  if (outcome.dryRun) {
    for (const m of outcome.due) out.write(`${words.wouldSend(m.file, m.to)}\n`);
    for (const { message, why } of outcome.failed) out.write(`${words.wouldNotSend(message.file, message.to, words.why(why))}\n`);
    out.write(`${words.wouldCount(outcome.due.length)}\n`);
    return 0;
  }
  if (!outcome.failed.length) {
    if (!values.quiet) out.write(`${outcome.due.length ? words.sent(outcome.sent.length, outcome.current, outcome.log) : words.nothing(outcome.current, outcome.log)}\n`);
    return 0;
  }
  if (!values.quiet && outcome.sent.length) out.write(`${words.sent(outcome.sent.length, outcome.current, outcome.log)}\n`);
  const rows = outcome.failed.map(({ message, why }) => [message.trainer, message.to, message.province, words.why(why)]);
  const stopped = outcome.failed.map((f) => f.why).find((why) => why.kind === "stopped");
  process.stderr.write(
    [
      `taphuan send: ${words.notDelivered(outcome.failed.length)}`,
      ...table(words.header, rows).map((line) => `  ${line}`),
      ...(stopped?.kind === "stopped" ? [words.stopped(stopped.cause, stopped.response)] : []),
      words.rerun,
      "",
    ].join("\n"),
  );
  return 1;
}
