/**
 * The workspace's protections, in one place, on every request and every response (refusals and
 * errors included): only this machine's own Host (DNS rebinding), only the page's own Origin for a
 * change, the token where the workspace is reachable from other machines (exchanged for a strict
 * cookie and taken out of the address), a CSP without inline script or framing, nosniff, a
 * same-origin Referrer-Policy, and HTML never cached.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { hostname, networkInterfaces } from "node:os";
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";

/** A token given by hand: at least 128 bits' worth of base64url characters. */
export const MIN_TOKEN_LENGTH = 22;

/** The Host names a browser may use for this workspace: its own address, and for a wildcard address every address of this machine. */
export function ownHosts(host: string, port: number): Set<string> {
  const bracket = (h: string) => (h.includes(":") && !h.startsWith("[") ? `[${h}]` : h);
  const names = [host];
  if (host === "0.0.0.0" || host === "::" || host === "[::]") names.push(...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address.replace(/%.*$/, ""))), "localhost", hostname());
  if (isLoopback(host)) names.push("localhost", "127.0.0.1", "::1");
  return new Set(names.map((n) => `${bracket(n)}:${port}`));
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function newToken(): string {
  return randomBytes(18).toString("base64url");
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function security(options: { readonly host: string; readonly port: number; readonly token?: string | undefined }): MiddlewareHandler {
  const allowedHosts = ownHosts(options.host, options.port);
  // Fail closed: reachable from other machines, the workspace needs a token nobody can guess.
  if (!isLoopback(options.host) && (options.token ?? "").length < MIN_TOKEN_LENGTH) throw new Error(`a workspace on ${options.host} needs a token of at least ${MIN_TOKEN_LENGTH} characters`);
  return async (c, next) => {
  // On every response, refusals and errors included; HTML is never cached (a reload asks again).
  const secure = () => {
    c.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    c.header("X-Content-Type-Options", "nosniff");
    // "no-referrer" would make Chromium send "Origin: null" on the page's own posts.
    c.header("Referrer-Policy", "same-origin");
};
  secure();
  const host = c.req.header("host") ?? "";
  if (!allowedHosts.has(host)) return c.text(`Từ chối: địa chỉ "${host}" không phải của bàn làm việc này. / Refused: Host "${host}" is not this workspace's.`, 403);
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    const origin = c.req.header("origin");
    // Browsers may leave Origin out of a same-origin post; their Sec-Fetch-Site then vouches for it.
    const sameSite = origin === undefined && c.req.header("sec-fetch-site") === "same-origin";
    if (origin !== `http://${host}` && !sameSite) return c.text(`Từ chối: thay đổi phải gửi từ chính trang của bàn làm việc. / Refused: a change must come from this workspace's own page (Origin ${origin ?? "missing"}).`, 403);
  }
  if (options.token) {
    const given = c.req.query("token") ?? getCookie(c, "taphuan_token") ?? c.req.header("authorization")?.replace(/^Bearer /, "");
    if (!given || !sameSecret(given, options.token)) return c.text("Từ chối: bàn làm việc cần mã truy cập (trong địa chỉ in ra khi khởi động). / Refused: this workspace needs its access token (in the address printed when it started).", 401);
    if (c.req.query("token")) {
      // Exchanged for a cookie, and taken out of the address bar and the history.
      setCookie(c, "taphuan_token", options.token, { httpOnly: true, sameSite: "Strict", path: "/" });
      const url = new URL(c.req.url);
      url.searchParams.delete("token");
      if (c.req.method === "GET") return c.redirect(`${url.pathname}${url.search}`, 303);
    }
  }
  await next();
  secure();
  if (c.res.headers.get("content-type")?.startsWith("text/html")) c.header("Cache-Control", "no-store");
};
}
