// What the tests of journeys through signing up read on the way: the confirmation and reset-password links emailed
// to an address, the session a sign-in's answer starts, and confirming through an emailed link as its page would.
import { SESSION_COOKIE } from "~/auth/session.server.ts";
import { db } from "~/db.server.ts";
import { action as verifyAction } from "~/routes/verify-email.tsx";
import { fromIp } from "./client-address.ts";
import { renderPage } from "./render-page.ts";
import { callAction } from "./routes.ts";

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

/** The value of the hidden input `name` on a page's HTML. */
export function hiddenValue(html: string, name: string) {
  return html
    .replace(/&amp;/g, "&")
    .match(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`))?.[1];
}

/** Opens a confirmation `link` signed in with `cookie` and presses Confirm email address, sending what the page's
 * form carries (the token and the journey on from it); the answer, whose location is where it led. */
export async function confirmThroughLink(link: URL, cookie: string) {
  const linkHtml = await (await renderPage(`${link.pathname}${link.search}`, cookie)).text();
  return callAction(verifyAction, {
    path: "/verify-email",
    cookie,
    headers: fromIp(),
    form: {
      intent: "confirm",
      token: hiddenValue(linkHtml, "token") ?? "",
      then: hiddenValue(linkHtml, "then") ?? "",
      redirectTo: hiddenValue(linkHtml, "redirectTo") ?? "",
    },
  });
}
