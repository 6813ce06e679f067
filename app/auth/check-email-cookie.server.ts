// The address a sign-up's email went to, for "Check your email" to name: carried in a short-lived signed cookie
// read only by that page, not in its web address, where browser history and server logs would keep it. It is not
// cleared on reading, so the page still names the address when reloaded, until the cookie ends.
import { createCookie } from "@remix-run/node";
import { emailField } from "~/domain/accounts/public-forms.server.ts";
import { cookieSecret } from "~/env.server.ts";
import { cookieIsSecure } from "./session.server.ts";

export const CHECK_EMAIL_PATH = "/sign-up/check-email";

function sentToCookie() {
  return createCookie("svm_sent_to", {
    path: CHECK_EMAIL_PATH,
    httpOnly: true,
    sameSite: "lax",
    secure: cookieIsSecure(),
    secrets: [cookieSecret("svm-sent-to")],
    maxAge: 30 * 60,
  });
}

/** The Set-Cookie header carrying the address to "Check your email". */
export function rememberSentTo(email: string) {
  return sentToCookie().serialize({ email });
}

/** The address the visitor's own sign-up email went to, or null (none, ended, or tampered with). */
export async function sentTo(request: Request) {
  const value = (await sentToCookie().parse(request.headers.get("cookie"))) as { email?: unknown } | null;
  const parsed = emailField.safeParse(typeof value?.email === "string" ? value.email : "");
  return parsed.success ? parsed.data : null;
}
