// What the tests of journeys through signing up read on the way: the confirmation and reset-password links emailed
// to an address, and the session a sign-in's answer starts.
import { SESSION_COOKIE } from "~/auth/session.server.ts";
import { db } from "~/db.server.ts";

/** The newest email of `template` sent to `to`. */
export async function latestEmail(to: string, template: string) {
  return db.emailOutbox.findFirstOrThrow({ where: { to, template }, orderBy: { createdAt: "desc" } });
}

/** The link to `path` (a page of this site) in the newest email of `template` sent to `to`. */
export async function emailedLinkTo(to: string, template: string, path: string) {
  const message = await latestEmail(to, template);
  const link = message.text.match(new RegExp(`${path}\\?[^\\s)\\]]+`));
  if (!link) throw new Error(`no ${path} link in: ${message.text}`);
  return new URL(link[0], "http://localhost:3000");
}

/** The link of the newest confirmation email sent to `email`. */
export const confirmationLinkTo = (email: string) =>
  emailedLinkTo(email, "account.verify_email", "/verify-email");

/** The link of the newest reset-password email sent to `email`. */
export const resetLinkTo = (email: string) =>
  emailedLinkTo(email, "account.reset_password", "/reset-password");

/** The session cookie a response (a sign-in's) sets, as a request sends it back. */
export function sessionCookieOf(response: Response) {
  const match = (response.headers.get("set-cookie") ?? "").match(new RegExp(`${SESSION_COOKIE}=([^;]*)`));
  if (!match) throw new Error("no session cookie");
  return `${SESSION_COOKIE}=${match[1]}`;
}
