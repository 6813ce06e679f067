// Asking to move an account to an address another account has sent that address nothing (email-change.server.ts):
// its owner never heard that someone had tried, and a person who typed their own other address (of a second
// account) never learned why no link came. The address is now told, as sign-up tells an address that has an
// account: it already has one, so nothing changed; sign in with it if it was you, do nothing if it was not. The
// email names nothing of the account that asked, and the asker's answer is the same as for any other address.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { backoffMs, deliverDueEmails } from "~/email/deliver.server.ts";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { fromIp } from "../helpers/client-address.ts";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { flashCookieOf } from "../helpers/flash.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";
import { usingFakeResend } from "../helpers/using-fake-resend.ts";

const resend = usingFakeResend();

afterAll(() => closeRateLimits());

const ask = async (userId: string, email: string, cookie?: string) =>
  callAction(changeEmailAction, {
    path: "/account/email",
    cookie: cookie ?? (await sessionCookieFor(userId)),
    headers: fromIp(),
    form: { email, currentPassword: TEST_PASSWORD },
  });

const emailsTo = (to: string) =>
  db.emailOutbox.findMany({
    where: { to },
    orderBy: { createdAt: "asc" },
    select: { id: true, template: true, subject: true, text: true, html: true, userId: true, status: true },
  });

const accountOf = (id: string) =>
  db.user.findUniqueOrThrow({
    where: { id },
    select: { email: true, name: true, emailVerifiedAt: true, passwordHash: true, deletedAt: true },
  });

describe("asking to move an account to an address another account has", () => {
  it("tells that address, once, that it has an account and nothing changed, naming nothing of the asker", async () => {
    const holder = await createUser({ name: "Hana Holder" });
    const asker = await createUser({ name: "Arlo Asker" });
    const holderBefore = await accountOf(holder.id);
    expect((await ask(asker.id, holder.email)).status).toBe(302);

    const sent = await emailsTo(holder.email);
    expect(sent.map((e) => [e.template, e.subject, e.status])).toEqual([
      ["account.address_in_use", "Someone asked to use your email address for another account", "PENDING"],
    ]);
    const [notice] = sent;
    // the owner's email, in the owner's name: their data lists it, deleting their account erases it
    expect(notice!.userId).toBe(holder.id);
    expect(notice!.text).toContain("Hello Hana Holder");
    expect(notice!.text).toContain("This address already has an account, yours, so nothing was changed");
    expect(notice!.text).toContain("you cannot have two accounts with this one");
    expect(notice!.text).toMatch(/\/sign-in\b/);
    expect(notice!.text).toContain("/forgot-password");
    expect(notice!.text).toContain("If it was not you, you need do nothing");
    for (const part of [notice!.subject, notice!.text, notice!.html]) {
      expect(part).not.toContain(asker.email);
      expect(part).not.toContain("Arlo Asker");
    }

    // nothing of the other account changed, and no link of any kind was made for it
    expect(await accountOf(holder.id)).toEqual(holderBefore);
    expect(await db.userToken.count({ where: { userId: holder.id } })).toBe(0);
    expect((await accountOf(asker.id)).email).toBe(asker.email);
    // the asker hears as always, at its own address
    expect((await emailsTo(asker.email)).map((e) => e.template)).toEqual(["account.email_change_requested"]);
  });

  it("answers the asker exactly as for an address nobody has: the same status, redirect and page", async () => {
    const holder = await createUser();
    const free = `${unique("free")}@example.test`;
    // one name for both askers, so the pages can be compared whole
    const toFree = await createUser({ name: "Sam Asker" });
    const toTaken = await createUser({ name: "Sam Asker" });

    const seen = async (userId: string, ownEmail: string, asked: string) => {
      const cookie = await sessionCookieFor(userId);
      const answer = await ask(userId, asked, cookie);
      const location = answer.headers.get("location");
      const page = await renderPage(location ?? "/", `${cookie}; ${flashCookieOf(answer)}`);
      // the link's times are to the minute: two asked a moment apart may straddle one
      const text = readableMainText(await page.text())
        .replaceAll(asked, "NEW")
        .replaceAll(ownEmail, "OWN")
        .replace(/\d+ \w+ \d{4} at \d{1,2}:\d{2}[ap]m/g, "TIME");
      return { status: answer.status, location, pageStatus: page.status, text };
    };
    const freeAnswer = await seen(toFree.id, toFree.email, free);
    const takenAnswer = await seen(toTaken.id, toTaken.email, holder.email);
    expect(freeAnswer.status).toBe(302);
    expect(freeAnswer.location).toBe("/account");
    expect(freeAnswer.pageStatus).toBe(200);
    expect(freeAnswer.text).toContain("If NEW is not used by another account, we have sent it a link.");
    expect(freeAnswer.text).toContain("New email address NEW Waiting for confirmation Link sent on TIME.");
    expect(freeAnswer.text).toContain("only an email saying that it has an account already");
    expect(takenAnswer).toEqual(freeAnswer);
    // each address got one email: the link, or the word that it has an account
    expect((await emailsTo(free)).map((e) => e.template)).toEqual(["account.confirm_new_email"]);
    expect((await emailsTo(holder.email)).map((e) => e.template)).toEqual(["account.address_in_use"]);
  });

  it("sends it once when the form is sent twice, one after the other or both at once", async () => {
    const holder = await createUser();
    const asker = await createUser();
    const cookie = await sessionCookieFor(asker.id);
    expect((await ask(asker.id, holder.email, cookie)).status).toBe(302);
    expect((await ask(asker.id, holder.email, cookie)).status).toBe(302);
    expect((await emailsTo(holder.email)).map((e) => e.template)).toEqual(["account.address_in_use"]);
    expect((await emailsTo(asker.email)).map((e) => e.template)).toEqual(["account.email_change_requested"]);

    const other = await createUser();
    const otherAsker = await createUser();
    const otherCookie = await sessionCookieFor(otherAsker.id);
    const answers = await Promise.all([
      ask(otherAsker.id, other.email, otherCookie),
      ask(otherAsker.id, other.email, otherCookie),
    ]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect((await emailsTo(other.email)).map((e) => e.template)).toEqual(["account.address_in_use"]);
  });

  it("is kept through a provider outage and delivered once it is back", async () => {
    const holder = await createUser();
    const asker = await createUser();
    expect((await ask(asker.id, holder.email)).status).toBe(302);
    const [notice] = await emailsTo(holder.email);
    const deliverAll = async (now: Date) => {
      while ((await deliverDueEmails({ now, limit: 100 })).claimed > 0);
    };

    resend.server.setDown(true);
    const start = new Date();
    await deliverAll(start);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: notice!.id } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
    });
    resend.server.setDown(false);
    await deliverAll(new Date(start.getTime() + backoffMs(1) + 1));
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: notice!.id } })).status).toBe("SENT");
    expect(resend.server.sent.filter((e) => e.to[0] === holder.email).map((e) => e.subject)).toEqual([
      "Someone asked to use your email address for another account",
    ]);
  });
});
