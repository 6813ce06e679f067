// What the tests of confirming a new email address share: an account that has asked to move to a new address (its
// confirmation token issued as the account page does), the confirmation link followed from a fresh client address
// (so the per-address limit never answers instead), and the flash message the answer leaves.
import { db } from "~/db.server.ts";
import { issueUserToken } from "~/domain/accounts/tokens.server.ts";
import { action as confirmAction } from "~/routes/account.confirm-email.tsx";
import { readFlash } from "~/ui/flash.server.ts";
import { createUser, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

export async function flashOf(response: Response) {
  const cookie = (response.headers.getSetCookie().find((c) => c.startsWith("svm_flash=")) ?? "").split(
    ";",
  )[0]!;
  return (await readFlash(new Request("http://localhost:3000/", { headers: { cookie } }))).flash?.message;
}

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
