// What the tests of confirming a new email address share: an account that has asked to move to a new address (its
// confirmation token issued as the account page does), the confirmation link followed from a fresh client address
// (so the per-address limit never answers instead).
import { db } from "~/db.server.ts";
import { issueUserToken } from "~/domain/accounts/tokens.server.ts";
import { action as confirmAction } from "~/routes/account.confirm-email.tsx";
import { action as emailAction } from "~/routes/account.email.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

export async function askedToMove() {
  const user = await createUser();
  const newEmail = `${unique("moved")}@example.test`;
  const token = await db.$transaction((tx) => issueUserToken(tx, user.id, "EMAIL_CHANGE", { newEmail }));
  return { user, newEmail, token: token! };
}

export const confirm = (token: string, cookie?: string) =>
  callAction(confirmAction, {
    path: `/account/confirm-email?token=${token}`,
    cookie,
    headers: fromIp(),
    form: { token },
  });

// Asked on the account page, as the person does: the confirmation email queued, and its link's token.
export async function askToMove(userId: string, email: string) {
  const response = await callAction(emailAction, {
    path: "/account/email",
    cookie: await sessionCookieFor(userId),
    headers: fromIp(),
    form: { email, currentPassword: TEST_PASSWORD },
  });
  if (response.status !== 302) throw new Error(`asking to move answered ${response.status}`);
  const sent = await db.emailOutbox.findFirstOrThrow({
    where: { to: email, template: "account.confirm_new_email" },
    orderBy: { createdAt: "desc" },
    select: { id: true, text: true },
  });
  return { id: sent.id, token: decodeURIComponent(sent.text.match(/confirm-email\?token=([^\s)"&]+)/)![1]!) };
}
