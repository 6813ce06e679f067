// Asking to move an account to an address another account uses sends no link (email-change.server.ts), and the page
// answers the same either way. But two things still told the difference to whoever asked: the notice to the address
// in use was sent only when the link was, and "Download your data" listed the link's email only when it was sent.
// Asking about any address, then reading one's own inbox or data, told whether it has an account here. Both now read
// the same whichever it is: the notice is always sent, in words true of both, and a link to an address the account
// never had is listed once it has it (then it was sent). The address asked for is in the data either way.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { loader as dataLoader } from "~/routes/account.data.tsx";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { fromIp } from "../helpers/client-address.ts";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";
import { askToMove, confirm } from "./email-change-world.ts";

afterAll(() => closeRateLimits());

type MyData = {
  emailChangeWaiting: { newEmail: string } | null;
  emailsSentToYou: { subject: string; template: string; status: string }[];
};

async function ask(userId: string, email: string) {
  const response = await callAction(changeEmailAction, {
    path: "/account/email",
    cookie: await sessionCookieFor(userId),
    headers: fromIp(),
    form: { email, currentPassword: TEST_PASSWORD },
  });
  expect(response.status).toBe(302);
}

async function myData(userId: string) {
  const response = await callLoader(dataLoader, {
    path: "/account/data",
    cookie: await sessionCookieFor(userId),
  });
  return (await response.json()) as MyData;
}

// what the asker can see of its request: the notices in its own inbox (the asked-for address written as X) and
// its data, without the times
async function whatTheAskerSees(userId: string, email: string, asked: string) {
  const inbox = await db.emailOutbox.findMany({
    where: { to: email },
    orderBy: { createdAt: "asc" },
    select: { template: true, subject: true, text: true },
  });
  const data = await myData(userId);
  return {
    inbox: inbox.map((e) => ({ ...e, text: e.text.replaceAll(asked, "X") })),
    waiting: data.emailChangeWaiting?.newEmail.replaceAll(asked, "X"),
    emails: data.emailsSentToYou.map((e) => `${e.template} ${e.subject}`),
  };
}

describe("asking to move an account to an address, then reading one's inbox and data", () => {
  it("reads the same whether or not another account uses the address", async () => {
    const free = `${unique("free")}@example.test`;
    const holder = await createUser();
    const first = await createUser();
    const second = await createUser();
    await ask(first.id, free);
    await ask(second.id, holder.email);
    const toFree = await whatTheAskerSees(first.id, first.email, free);
    const toTaken = await whatTheAskerSees(second.id, second.email, holder.email);
    expect(toFree.inbox.map((e) => e.template)).toEqual(["account.email_change_requested"]);
    expect(toFree.waiting).toBe("X");
    // names differ (the notice greets each by name): compare all but the greeting
    const greetless = (seen: typeof toFree, name: string) => ({
      ...seen,
      inbox: seen.inbox.map((e) => ({ ...e, text: e.text.replaceAll(name, "NAME") })),
    });
    expect(greetless(toTaken, second.name)).toEqual(greetless(toFree, first.name));
    // the free address was sent its link; the holder only the word that it has an account, which is its own
    // (accounts-s57-address-in-use-notice.test.ts)
    expect(await db.emailOutbox.count({ where: { to: free, template: "account.confirm_new_email" } })).toBe(
      1,
    );
    const toHolder = await db.emailOutbox.findMany({
      where: { to: holder.email },
      select: { template: true },
    });
    expect(toHolder).toEqual([{ template: "account.address_in_use" }]);
  });

  it("lists the link to the new address once the account has moved to it", async () => {
    const user = await createUser();
    const newEmail = `${unique("moving")}@example.test`;
    const { token } = await askToMove(user.id, newEmail);
    expect((await myData(user.id)).emailsSentToYou.map((e) => e.template)).toEqual([
      "account.email_change_requested",
    ]);
    expect((await confirm(token)).status).toBe(302);
    const after = await myData(user.id);
    expect(after.emailChangeWaiting).toBeNull();
    expect(after.emailsSentToYou.map((e) => e.template).sort()).toEqual([
      "account.confirm_new_email",
      "account.email_change_requested",
      "account.email_changed",
    ]);
  });
});
