// What the tests of confirming a new email address share: an account that has asked to move to a new address (its
// confirmation token issued as the account page does), the confirmation link followed from a fresh client address
// (so the per-address limit never answers instead).
import { db } from "~/db.server.ts";
import { issueUserToken } from "~/domain/accounts/tokens.server.ts";
import { action as confirmAction } from "~/routes/account.confirm-email.tsx";
import { createUser, unique } from "../helpers/factories.ts";
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
