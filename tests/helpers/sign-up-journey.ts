// What the tests of journeys through signing up read on the way: the confirmation link emailed to an address, and
// the session a sign-in's answer starts.
import { SESSION_COOKIE } from "~/auth/session.server.ts";
import { db } from "~/db.server.ts";

/** The newest email of `template` sent to `to`. */
export async function latestEmail(to: string, template: string) {
  return db.emailOutbox.findFirstOrThrow({ where: { to, template }, orderBy: { createdAt: "desc" } });
}

/** The link of the newest confirmation email sent to `email`. */
export async function confirmationLinkTo(email: string) {
  const message = await latestEmail(email, "account.verify_email");
  const link = message.text.match(/\/verify-email\?[^\s)\]]+/);
  if (!link) throw new Error(`no confirmation link in: ${message.text}`);
  return new URL(link[0], "http://localhost:3000");
}

/** The session cookie a response (a sign-in's) sets, as a request sends it back. */
export function sessionCookieOf(response: Response) {
  const match = (response.headers.get("set-cookie") ?? "").match(new RegExp(`${SESSION_COOKIE}=([^;]*)`));
  if (!match) throw new Error("no session cookie");
  return `${SESSION_COOKIE}=${match[1]}`;
}
