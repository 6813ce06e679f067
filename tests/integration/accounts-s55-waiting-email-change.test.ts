// A change of email address asked for and not yet confirmed was shown nowhere: the account page said nothing of it,
// so someone coming back did not know a link was out, to which address, or until when, and could neither send it
// again nor call it off. The account page now shows it (never once its link has expired), with buttons to send the
// link again (a new link; the one before stops working) and to cancel the change (its link stops working). Each acts
// on the signed-in person's own change only. A change to an address another account uses shows as waiting too, as
// any other does, with no link sent to it: the page does not tell who uses which address.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { FORM_NOT_RECOGNISED } from "~/domain/form-intent.ts";
import { formatDateTime } from "~/domain/format.ts";
import { action as accountAction, loader as accountLoader } from "~/routes/account._index.tsx";
import { loader as confirmLoader } from "~/routes/account.confirm-email.tsx";
import { action as changeEmailAction, loader as changeEmailLoader } from "~/routes/account.email.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { fromIp } from "../helpers/client-address.ts";
import { flashOf } from "../helpers/flash.ts";
import { formOf, pageHtmlAs, postPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { askToMove, confirm } from "./email-change-world.ts";

afterAll(() => closeRateLimits());

type Waiting = { newEmail: string; sentAt: string; expiresAt: string } | null;

async function waitingOn(userId: string) {
  const page = await callLoader(accountLoader, { path: "/account", cookie: await sessionCookieFor(userId) });
  expect(page.status).toBe(200);
  return (await jsonOf<{ emailChange: Waiting }>(page)).emailChange;
}

async function press(userId: string, intent: string) {
  return callAction(accountAction, {
    path: "/account",
    cookie: await sessionCookieFor(userId),
    headers: fromIp(),
    form: { intent },
  });
}

const linkPage = (token: string) =>
  callLoader(confirmLoader, { path: `/account/confirm-email?token=${token}` });

const confirmationsTo = (address: string) =>
  db.emailOutbox.count({ where: { to: address, template: "account.confirm_new_email" } });

// as if the link had been sent `minutes` ago: past the window in which asking again is taken for the same request
const ageLinks = (userId: string, minutes: number) =>
  db.userToken.updateMany({
    where: { userId, purpose: "EMAIL_CHANGE" },
    data: { createdAt: new Date(Date.now() - minutes * 60_000) },
  });

describe("a change of email address waiting for its link", () => {
  it("is shown on the account page with its new address and when its link ends, and on the link's page", async () => {
    const user = await createUser();
    const newEmail = `${unique("waiting")}@example.test`;
    const before = Date.now();
    const { token } = await askToMove(user.id, newEmail);

    const waiting = await waitingOn(user.id);
    expect(waiting?.newEmail).toBe(newEmail);
    expect(new Date(waiting!.sentAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    // the link works for 24 hours (the clocks of the app and the database, which stamps the sending, apart)
    const lasts = new Date(waiting!.expiresAt).getTime() - new Date(waiting!.sentAt).getTime();
    expect(Math.abs(lasts - 24 * 60 * 60 * 1000)).toBeLessThan(5_000);
    // the change-of-address page says so too
    const form = await callLoader(changeEmailLoader, {
      path: "/account/email",
      cookie: await sessionCookieFor(user.id),
    });
    expect(await jsonOf(form)).toEqual({
      email: user.email,
      waiting: { newEmail, expiresAt: waiting!.expiresAt },
    });
    // the link's page names the address it was sent to, and nothing of the account
    const page = await linkPage(token);
    expect(page.status).toBe(200);
    const shown = await jsonOf<{ newEmail: string | null }>(page);
    expect(shown.newEmail).toBe(newEmail);
    expect(JSON.stringify(shown)).not.toContain(user.email);

    // confirmed, it is waiting no longer
    expect((await confirm(token)).status).toBe(302);
    expect(await waitingOn(user.id)).toBeNull();
  });

  it("is not shown once its link has expired, and can then be neither sent again nor cancelled", async () => {
    const user = await createUser();
    const newEmail = `${unique("expired")}@example.test`;
    const { token } = await askToMove(user.id, newEmail);
    await db.userToken.updateMany({
      where: { userId: user.id, purpose: "EMAIL_CHANGE" },
      data: { createdAt: new Date(Date.now() - 25 * 3_600_000), expiresAt: new Date(Date.now() - 3_600_000) },
    });
    expect(await waitingOn(user.id)).toBeNull();
    const form = await callLoader(changeEmailLoader, {
      path: "/account/email",
      cookie: await sessionCookieFor(user.id),
    });
    expect((await jsonOf<{ waiting: unknown }>(form)).waiting).toBeNull();

    for (const intent of ["resend-email-change", "cancel-email-change"]) {
      const answer = await press(user.id, intent);
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toBe("/account");
      expect(await flashOf(answer)).toEqual({
        kind: "info",
        message: expect.stringMatching(/^No change of email address is waiting to be confirmed/),
      });
    }
    expect(await confirmationsTo(newEmail)).toBe(1);
    expect((await linkPage(token)).status).toBe(410);
    const logged = await db.auditLog.findMany({
      where: {
        entityId: user.id,
        action: { in: ["account.email_change_resent", "account.email_change_cancelled"] },
      },
    });
    expect(logged).toEqual([]);
  });
});

describe("sending the link again", () => {
  it("sends a new link and ends the one before; pressed again at once, sends nothing more", async () => {
    const user = await createUser();
    const newEmail = `${unique("again")}@example.test`;
    const first = await askToMove(user.id, newEmail);
    await ageLinks(user.id, 10);

    const [one, two] = await Promise.all([
      press(user.id, "resend-email-change"),
      press(user.id, "resend-email-change"),
    ]);
    const flashes = [await flashOf(one), await flashOf(two)];
    expect(flashes.map((f) => f?.kind)).toEqual(["success", "success"]);
    expect(flashes.map((f) => f?.message).sort()).toEqual([
      `A link for ${newEmail} was sent moments ago, so no new one was sent: an email can take a few minutes to arrive.`,
      `If ${newEmail} is not used by another account, we have sent it a new link. The link sent before no longer works.`,
    ]);
    expect(await confirmationsTo(newEmail)).toBe(2);
    const second = await db.emailOutbox.findFirstOrThrow({
      where: { to: newEmail, template: "account.confirm_new_email", NOT: { id: first.id } },
      select: { text: true },
    });
    const token = decodeURIComponent(second.text.match(/confirm-email\?token=([^\s)"&]+)/)![1]!);
    expect(token).not.toBe(first.token);

    // the page shows the new link's times
    const waiting = await waitingOn(user.id);
    expect(waiting?.newEmail).toBe(newEmail);
    expect(Date.now() - new Date(waiting!.sentAt).getTime()).toBeLessThan(60_000);
    // logged, naming both addresses, once
    const logged = await db.auditLog.findMany({
      where: { entityId: user.id, action: "account.email_change_resent" },
      select: { details: true, actorUserId: true },
    });
    expect(logged).toEqual([{ details: { from: user.email, to: newEmail }, actorUserId: user.id }]);

    // the first link has ended; the new one works
    expect((await linkPage(first.token)).status).toBe(410);
    expect((await confirm(first.token)).status).toBe(400);
    expect((await confirm(token)).status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
  });

  it("straight after asking sends nothing more, and the first link still works", async () => {
    const user = await createUser();
    const newEmail = `${unique("soon")}@example.test`;
    const { token } = await askToMove(user.id, newEmail);
    const answer = await press(user.id, "resend-email-change");
    expect((await flashOf(answer))?.message).toMatch(/was sent moments ago, so no new one was sent/);
    expect(await confirmationsTo(newEmail)).toBe(1);
    expect((await confirm(token)).status).toBe(302);
  });

  it("is counted with asking for a new address: five an hour, then the page says how long to wait", async () => {
    const user = await createUser();
    const newEmail = `${unique("flood")}@example.test`;
    await askToMove(user.id, newEmail);
    for (let sent = 2; sent <= 5; sent++) {
      await ageLinks(user.id, 10);
      expect((await press(user.id, "resend-email-change")).status).toBe(302);
    }
    expect(await confirmationsTo(newEmail)).toBe(5);
    await ageLinks(user.id, 10);
    const refused = await press(user.id, "resend-email-change");
    expect(refused.status).toBe(429);
    expect(await jsonOf(refused)).toEqual({
      error: expect.stringMatching(/^Too many attempts\. Wait \d+ minutes?/),
      sendingAgain: true,
    });
    expect(await confirmationsTo(newEmail)).toBe(5);
    // still waiting, and cancelling is never refused for it
    expect((await waitingOn(user.id))?.newEmail).toBe(newEmail);
    expect((await flashOf(await press(user.id, "cancel-email-change")))?.kind).toBe("success");
  });
});

describe("cancelling the change", () => {
  it("ends its link and keeps the address; pressed twice at once, is answered as one", async () => {
    const user = await createUser();
    const newEmail = `${unique("cancelled")}@example.test`;
    const { token } = await askToMove(user.id, newEmail);

    const answers = await Promise.all([
      press(user.id, "cancel-email-change"),
      press(user.id, "cancel-email-change"),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toBe("/account");
      expect(await flashOf(answer)).toEqual({
        kind: "success",
        message: `The change of email address is cancelled: its link no longer works. Your email address is still ${user.email}.`,
      });
    }
    expect(await waitingOn(user.id)).toBeNull();
    expect((await linkPage(token)).status).toBe(410);
    expect((await confirm(token)).status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const logged = await db.auditLog.findMany({
      where: { entityId: user.id, action: "account.email_change_cancelled" },
      select: { details: true },
    });
    expect(logged).toEqual([{ details: { from: user.email, to: newEmail } }]);
    // nothing left to send again
    expect((await flashOf(await press(user.id, "resend-email-change")))?.kind).toBe("info");
    expect(await confirmationsTo(newEmail)).toBe(1);
  });
});

describe("another account's change", () => {
  it("is neither shown, sent again nor cancelled by someone else signed in", async () => {
    const owner = await createUser();
    const other = await createUser();
    const newEmail = `${unique("owners")}@example.test`;
    const { token } = await askToMove(owner.id, newEmail);
    await ageLinks(owner.id, 10);

    const page = await callLoader(accountLoader, {
      path: "/account",
      cookie: await sessionCookieFor(other.id),
    });
    const body = await page.text();
    expect(JSON.parse(body).emailChange).toBeNull();
    expect(body).not.toContain(newEmail);
    for (const intent of ["resend-email-change", "cancel-email-change"]) {
      const answer = await press(other.id, intent);
      expect(answer.status).toBe(302);
      expect((await flashOf(answer))?.kind).toBe("info");
    }
    expect(await confirmationsTo(newEmail)).toBe(1);
    expect((await waitingOn(owner.id))?.newEmail).toBe(newEmail);
    expect((await confirm(token)).status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).email).toBe(newEmail);
  });
});

describe("a change to an address another account uses", () => {
  it("shows as waiting and is answered as any other, with no link ever sent to that address", async () => {
    const user = await createUser();
    const holder = await createUser();
    const taken = await callAction(changeEmailAction, {
      path: "/account/email",
      cookie: await sessionCookieFor(user.id),
      headers: fromIp(),
      form: { email: holder.email, currentPassword: TEST_PASSWORD },
    });
    expect(taken.status).toBe(302);
    expect((await waitingOn(user.id))?.newEmail).toBe(holder.email);
    await ageLinks(user.id, 10);
    const again = await press(user.id, "resend-email-change");
    expect((await flashOf(again))?.message).toBe(
      `If ${holder.email} is not used by another account, we have sent it a new link. The link sent before no longer works.`,
    );
    // each time asked, only the word that it has an account (accounts-s57-address-in-use-notice.test.ts)
    const toHolder = await db.emailOutbox.findMany({
      where: { to: holder.email },
      select: { template: true },
    });
    expect(toHolder).toEqual([
      { template: "account.address_in_use" },
      { template: "account.address_in_use" },
    ]);
    expect((await flashOf(await press(user.id, "cancel-email-change")))?.kind).toBe("success");
  });
});

describe("the account page's forms", () => {
  it("refuse a form with none of the page's buttons, signing nobody out", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const answer = await callAction(accountAction, {
      path: "/account",
      cookie,
      headers: fromIp(),
      form: { intent: "sign-out-somewhere" },
    });
    expect(answer.status).toBe(400);
    expect(await jsonOf(answer)).toEqual({ error: FORM_NOT_RECOGNISED });
    expect(await db.session.count({ where: { userId: user.id } })).toBeGreaterThan(0);
  });
});

describe("the account page as a browser gets it, without JavaScript", () => {
  it("says which address is waiting, until when, and offers both buttons; an expired one is gone", async () => {
    const user = await createUser();
    const newEmail = `${unique("shown")}@example.test`;
    await askToMove(user.id, newEmail);
    const waiting = (await waitingOn(user.id))!;
    const html = await pageHtmlAs("/account", user.id);
    expect(html).toContain(`<dt class="font-bold">New email address</dt>`);
    expect(html).toContain(`${newEmail} <strong`);
    expect(html).toContain("Waiting for confirmation");
    expect(html).toContain(
      `Link sent on ${formatDateTime(waiting.sentAt)}. It works until ${formatDateTime(waiting.expiresAt)}. ` +
        `Until it is opened, your email address stays ${user.email}.`,
    );
    expect(html).toMatch(
      /<button[^>]*name="intent"[^>]*value="resend-email-change"[^>]*>Send the link again</,
    );
    expect(html).toMatch(
      /<button[^>]*name="intent"[^>]*value="cancel-email-change"[^>]*>Cancel the change of email address</,
    );

    await db.userToken.updateMany({
      where: { userId: user.id, purpose: "EMAIL_CHANGE" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const later = await pageHtmlAs("/account", user.id);
    expect(later).not.toContain(newEmail);
    expect(later).not.toContain("New email address");
  });

  it("shows a refused request for the link again in the error summary and next to the buttons", async () => {
    const user = await createUser();
    const newEmail = `${unique("refused")}@example.test`;
    await askToMove(user.id, newEmail);
    const cookie = await sessionCookieFor(user.id);
    let answer: Response | undefined;
    for (let sent = 2; sent <= 6; sent++) {
      await ageLinks(user.id, 10);
      answer = await postPage("/account", formOf({ intent: "resend-email-change" }), cookie);
    }
    expect(answer!.status).toBe(429);
    const html = (await answer!.text()).replace(/<!-- -->/g, "");
    expect(html).toMatch(/<title>Error: Your account/);
    expect(html).toContain("There is a problem");
    const message = html.match(/Too many attempts\. Wait \d+ minutes?[^<]*/)![0];
    // once in the summary, once beside the buttons it is about (and in the page's data for its scripts)
    expect(html.replace(/<script\b[\s\S]*?<\/script>/g, "").split(message)).toHaveLength(3);
    expect(html).toContain(`<span class="sr-only">Error: </span>${message}`);
    expect(html).toContain(newEmail);
  });
});
