/**
 * An SMTP server in the test's own process (smtp-server, on 127.0.0.1, a port of the system's
 * choosing) that refuses recipients as a test tells it — for good (550) or for a while (451) — and
 * keeps what it received, read back with mailparser.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export interface Received {
  readonly to: string;
  readonly raw: string;
  readonly mail: ParsedMail;
}

export interface TestServer {
  readonly port: number;
  readonly received: Received[];
  /** Addresses refused with 550, for good. */
  readonly refused: Set<string>;
  /** Addresses refused with 451 this many more times (Infinity: always). */
  readonly busy: Map<string, number>;
  readonly logins: { user: string; secure: boolean }[];
  readonly connections: () => number;
  close(): Promise<void>;
}

export async function startSmtpServer(options: { starttls?: boolean; auth?: "none" | "insecure" | "tls" } = {}): Promise<TestServer> {
  const received: Received[] = [];
  const refused = new Set<string>();
  const busy = new Map<string, number>();
  const logins: { user: string; secure: boolean }[] = [];
  let connections = 0;
  const auth = options.auth ?? "none";
  const config: SMTPServerOptions = {
    logger: false,
    // "none": no login at all; "insecure": a login taken without TLS; "tls": smtp-server's default, a login only after STARTTLS.
    authOptional: auth === "none",
    allowInsecureAuth: auth === "insecure",
    ...(options.starttls ? {} : { disabledCommands: ["STARTTLS"] }),
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onAuth(login, session, callback) {
      logins.push({ user: login.username ?? "", secure: session.secure });
      callback(null, { user: login.username });
    },
    onRcptTo(address, _session, callback) {
      const left = busy.get(address.address) ?? 0;
      if (left > 0) {
        busy.set(address.address, left - 1);
        return callback(Object.assign(new Error("mailbox busy, try again later"), { responseCode: 451 }));
      }
      callback(refused.has(address.address) ? Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw: raw.toString("utf8"), mail });
          callback();
        });
      });
    },
  };
  const server = new SMTPServer(config);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    refused,
    busy,
    logins,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
