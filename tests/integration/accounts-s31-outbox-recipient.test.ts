// Whose an outbox email was (an account's data export, and what deleting the account erases) was guessed from the
// address it went to and the audit log's address changes, with a minute's allowance after a move for the notice sent
// to the address left. Within that minute another account asking to move to the address left had its confirmation
// link counted as the leaver's: listed in the leaver's data, and blanked (never sent) when the leaver deleted their
// account. Each email now names the account it was written for, and that is what is read.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { loader as dataLoader } from "~/routes/account.data.tsx";
import { action as deleteAction } from "~/routes/account.delete.tsx";
import { ERASED_EMAIL_TEXT } from "~/domain/accounts/erasure.server.ts";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { fromIp } from "../helpers/client-address.ts";
import { callAction, callLoader } from "../helpers/routes.ts";
import { askToMove, confirm } from "./email-change-world.ts";

afterAll(() => closeRateLimits());

type MyData = { emailsSentToYou: { subject: string; template: string }[] };

async function templatesInMyData(userId: string) {
  const response = await callLoader(dataLoader, {
    path: "/account/data",
    cookie: await sessionCookieFor(userId),
  });
  return ((await response.json()) as MyData).emailsSentToYou.map((e) => e.template).sort();
}

describe("an address left, and asked for by another account within the minute", () => {
  it("keeps the other account's confirmation link out of the leaver's data and erasure", async () => {
    const address = `${unique("handed-on")}@example.test`;
    const leaver = await createUser({ email: address });
    const other = await createUser();

    // the leaver moves away from the address; straight after, the other account asks to move to it
    const leaving = await askToMove(leaver.id, `${unique("new-home")}@example.test`);
    expect((await confirm(leaving.token)).status).toBe(302);
    const arriving = await askToMove(other.id, address);

    const rows = await db.emailOutbox.findMany({
      where: { OR: [{ to: address }, { id: leaving.id }] },
      select: { id: true, template: true, userId: true },
    });
    expect(rows.map((r) => `${r.template} ${r.userId === leaver.id ? "leaver" : "other"}`).sort()).toEqual([
      "account.confirm_new_email leaver",
      "account.confirm_new_email other",
      "account.email_change_requested leaver",
      "account.email_changed leaver",
    ]);

    expect(await templatesInMyData(leaver.id)).toEqual([
      "account.confirm_new_email",
      "account.email_change_requested",
      "account.email_changed",
    ]);
    // the other's link to an address it does not have yet is listed once it has it (accounts-s56 test): listed
    // before, its absence would tell that another account uses the address
    expect(await templatesInMyData(other.id)).toEqual(["account.email_change_requested"]);

    // the leaver deletes their account: the other's link is still sent, and still works
    const deleted = await callAction(deleteAction, {
      path: "/account/delete",
      cookie: await sessionCookieFor(leaver.id),
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD },
    });
    expect(deleted.status).toBe(302);
    const theirLink = await db.emailOutbox.findUniqueOrThrow({ where: { id: arriving.id } });
    expect(theirLink).toMatchObject({ to: address, status: "PENDING" });
    expect(theirLink.text).toContain("confirm-email?token=");
    const leaversOwn = await db.emailOutbox.findMany({ where: { userId: leaver.id } });
    expect(leaversOwn).toHaveLength(3);
    for (const email of leaversOwn)
      expect(email).toMatchObject({ to: `deleted-${leaver.id}@deleted.invalid`, text: ERASED_EMAIL_TEXT });
    expect((await confirm(arriving.token)).status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).email).toBe(address);
    expect(await templatesInMyData(other.id)).toEqual([
      "account.confirm_new_email",
      "account.email_change_requested",
      "account.email_changed",
    ]);
  });
});

describe("an email's account", () => {
  it("is whoever has the address when it is written, and none for an address no account has", async () => {
    const user = await createUser();
    const nobody = `${unique("nobody")}@example.test`;
    const [toUser, toNobody] = await db.$transaction(async (tx) => [
      await enqueueEmail(tx, {
        to: user.email.toUpperCase(),
        subject: "s",
        html: "",
        text: "t",
        template: "test.one",
      }),
      await enqueueEmail(tx, { to: nobody, subject: "s", html: "", text: "t", template: "test.one" }),
    ]);
    const rows = await db.emailOutbox.findMany({
      where: { id: { in: [toUser.id, toNobody.id] } },
      select: { to: true, userId: true },
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        { to: user.email, userId: user.id },
        { to: nobody, userId: null },
      ]),
    );
  });

  it("when not recorded (an email written before it was), is still found by the address the account had", async () => {
    const user = await createUser();
    await db.emailOutbox.create({
      data: { to: user.email, subject: "Older", html: "", text: "t", template: "test.before_user_id" },
    });
    expect(await templatesInMyData(user.id)).toEqual(["test.before_user_id"]);
  });
});
