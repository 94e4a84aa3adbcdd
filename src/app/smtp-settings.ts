/**
 * Where the workspace finds its SMTP server, kept out of the plan: the environment variable
 * TAPHUAN_SMTP_URL, or a file `.taphuan-smtp` in the folder of plans holding the URL on one line,
 * readable by its owner alone (it holds a password). A file others may read is refused, said why.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { redactUrl } from "./send.ts";

export const SMTP_ENV = "TAPHUAN_SMTP_URL";
export const SMTP_FILE = ".taphuan-smtp";

export type SmtpSetting =
  | { readonly kind: "set"; readonly url: string; readonly from: "environment" | "file"; /** The URL with its password hidden, to show. */ readonly shown: string }
  | { readonly kind: "unset" }
  /** The file is there but not usable: a link, not a file, or readable by others. */
  | { readonly kind: "refused"; readonly why: "not-a-file" | "readable-by-others" | "empty" };

export function smtpSetting(dir: string, env: NodeJS.ProcessEnv = process.env): SmtpSetting {
  const fromEnv = env[SMTP_ENV]?.trim();
  if (fromEnv) return { kind: "set", url: fromEnv, from: "environment", shown: redactUrl(fromEnv) };
  const path = join(dir, SMTP_FILE);
  let fd: number;
  try {
    // Never through a link: the checks below are made on the very file read.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? { kind: "unset" } : { kind: "refused", why: "not-a-file" };
  }
  let url: string;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: "refused", why: "not-a-file" };
    // Group or others may read it: the password is not the owner's alone.
    if ((stat.mode & 0o077) !== 0) return { kind: "refused", why: "readable-by-others" };
    url = readFileSync(fd, "utf8").split(/\r?\n/)[0]!.trim();
  } finally {
    closeSync(fd);
  }
  return url ? { kind: "set", url, from: "file", shown: redactUrl(url) } : { kind: "refused", why: "empty" };
}
