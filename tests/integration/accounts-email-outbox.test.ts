import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { backoffMs, deliverDueEmails } from "~/email/deliver.server.ts";
import { loader as mailboxEmailLoader } from "~/routes/admin.mailbox.$id.tsx";
import { action as forgotAction } from "~/routes/forgot-password.tsx";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { usingFakeResend } from "../helpers/using-fake-resend.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

const resend = usingFakeResend();

afterAll(() => closeRateLimits());

const ip = () => ({ "x-svm-client-ip": `192.0.2.${Math.floor(Math.random() * 250)}` });

async function pendingCount() {
  return db.emailOutbox.count({ where: { status: "PENDING" } });
}

describe("account emails through the outbox", () => {
  it("a Resend outage delays mail but delivers every email exactly once", async () => {
    const addresses = [0, 1, 2].map(() => `${unique("outage")}@example.test`);
    for (const email of addresses)
      await callAction(signUpAction, {
        path: "/sign-up",
        form: { name: "Olu Outage", email, password: TEST_PASSWORD },
        headers: ip(),
      });
    const existing = await createUser();
    await callAction(forgotAction, {
      path: "/forgot-password",
      form: { email: existing.email },
      headers: ip(),
    });
    const expected = [...addresses, existing.email].sort();
    expect(await pendingCount()).toBe(4);

    resend.server.setDown(true);
    const start = new Date();
    const failed = await deliverDueEmails({ now: start });
    expect(failed).toMatchObject({ claimed: 4, sent: 0, failed: 4 });
    expect(resend.server.sent).toHaveLength(0);
    const afterFailure = await db.emailOutbox.findMany({ where: { to: { in: expected } } });
    for (const row of afterFailure) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, providerId: null });
      expect(row.lastError).toBeTruthy();
      expect(row.nextAttemptAt.getTime()).toBe(start.getTime() + backoffMs(1));
    }

    resend.server.setDown(false);
    // Too early: backoff holds the retry back even though the provider is up again.
    expect((await deliverDueEmails({ now: new Date(start.getTime() + 1000) })).claimed).toBe(0);

    resend.server.failNext(1); // the provider recovers after one more error
    const later = new Date(start.getTime() + backoffMs(1) + 1);
    const second = await deliverDueEmails({ now: later });
    expect(second).toMatchObject({ claimed: 4, sent: 3, failed: 1 });
    const third = await deliverDueEmails({ now: new Date(later.getTime() + backoffMs(2) + 1) });
    expect(third).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    expect(await deliverDueEmails({ now: new Date(later.getTime() + 10 * backoffMs(3)) })).toMatchObject({
      claimed: 0,
    });

    expect(resend.server.sent.map((e) => e.to[0]).sort()).toEqual(expected);
    const rows = await db.emailOutbox.findMany({ where: { to: { in: expected } } });
    for (const row of rows) {
      expect(row.status).toBe("SENT");
      expect(row.providerId).toMatch(/^fake_\d+$/);
      expect(row.sentAt).not.toBeNull();
    }
    // every message has a plain-text and an HTML part
    for (const sent of resend.server.sent) {
      expect(sent.html).toContain("<html");
      expect(sent.text.length).toBeGreaterThan(20);
    }
  });

  it("two workers delivering at once send each email once", async () => {
    resend.server.sent.length = 0;
    const addresses = [0, 1, 2, 3, 4].map(() => `${unique("race")}@example.test`);
    for (const email of addresses)
      await callAction(signUpAction, {
        path: "/sign-up",
        form: { name: "Rae Race", email, password: TEST_PASSWORD },
        headers: ip(),
      });
    const [a, b] = await Promise.all([deliverDueEmails(), deliverDueEmails()]);
    expect(a.sent + b.sent).toBe(5);
    expect(resend.server.sent.map((e) => e.to[0]).sort()).toEqual(addresses.sort());
  });

  it("an email retried after a crash between sending and recording is not sent twice", async () => {
    resend.server.sent.length = 0;
    const email = `${unique("crash")}@example.test`;
    await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Cal Crash", email, password: TEST_PASSWORD },
      headers: ip(),
    });
    await deliverDueEmails();
    expect(resend.server.sent).toHaveLength(1);
    // as if the process died before it could mark the row sent
    await db.emailOutbox.updateMany({ where: { to: email }, data: { status: "PENDING", providerId: null } });
    await deliverDueEmails();
    expect(resend.server.sent).toHaveLength(1);
    expect((await db.emailOutbox.findFirstOrThrow({ where: { to: email } })).status).toBe("SENT");
  });
});

describe("subjects", () => {
  it("are sent as one header line, also when queued with a line break before subjects were checked", async () => {
    resend.server.sent.length = 0;
    const to = `${unique("subject")}@example.test`;
    await db.emailOutbox.create({
      data: {
        to,
        subject: "New requests for \u202eevil\r\nBcc: victim@example.com",
        html: "<p>Hi</p>",
        text: "Hi",
        template: "test.subject",
      },
    });
    await deliverDueEmails();
    expect(resend.server.sent.find((e) => e.to[0] === to)?.subject).toBe(
      "New requests for evil Bcc: victim@example.com",
    );
  });
});

describe("the outbox once a provider is set up", () => {
  it("keeps no message body after sending and never shows one in the platform admin's mailbox", async () => {
    const email = `${unique("reset")}@example.test`;
    await createUser({ email });
    await callAction(forgotAction, { path: "/forgot-password", form: { email }, headers: ip() });
    const row = await db.emailOutbox.findFirstOrThrow({ where: { to: email } });
    expect(row.text).toContain("/reset-password");
    const admin = await createUser({ isPlatformAdmin: true });
    const cookie = await sessionCookieFor(admin.id);
    const read = async () =>
      (await (
        await callLoader(mailboxEmailLoader, {
          path: `/admin/mailbox/${row.id}`,
          params: { id: row.id },
          cookie,
        })
      ).json()) as { email: { subject: string; text: string | null } };

    // Waiting to be sent: the link is live, so the page shows who and what, not the message.
    expect((await read()).email).toMatchObject({ subject: row.subject, text: null });

    await deliverDueEmails();
    expect(resend.server.sent.find((e) => e.to[0] === email)?.text).toContain("/reset-password");
    const sent = await db.emailOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: "SENT", html: "", text: "" });
    expect((await read()).email.text).toBeNull();
  });
});

describe("a slow provider", () => {
  it("does not send an email whose lease another worker took while the batch was busy", async () => {
    resend.server.sent.length = 0;
    const addresses = [0, 1].map(() => `${unique("slow")}@example.test`);
    for (const email of addresses) {
      await createUser({ email });
      await callAction(forgotAction, { path: "/forgot-password", form: { email }, headers: ip() });
    }
    const second = await db.emailOutbox.findFirstOrThrow({ where: { to: addresses[1] } });
    resend.server.setDelay(400);
    try {
      const batch = deliverDueEmails();
      await new Promise((resolve) => setTimeout(resolve, 200)); // the first email is with the provider
      // meanwhile another worker, finding the lease run out, has taken the second
      const theirs = new Date(Date.now() + 10 * 60_000);
      await db.emailOutbox.update({ where: { id: second.id }, data: { lockedUntil: theirs } });
      expect(await batch).toMatchObject({ claimed: 2, sent: 1 });
      expect(resend.server.sent.map((e) => e.to[0])).toEqual([addresses[0]]);
      expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
        status: "PENDING",
        attempts: 0,
        lockedUntil: theirs,
      });
    } finally {
      resend.server.setDelay(0);
    }
  });
});

describe("how long delivery is tried", () => {
  it("keeps trying through an outage of any length, and gives up only on a message the provider refuses", async () => {
    const request = async (email: string) => {
      await createUser({ email });
      await callAction(forgotAction, { path: "/forgot-password", form: { email }, headers: ip() });
      return db.emailOutbox.findFirstOrThrow({ where: { to: email } });
    };
    const outageRow = await request(`${unique("long-outage")}@example.test`);
    // A week of failed tries already behind it: still waiting, not given up.
    await db.emailOutbox.update({ where: { id: outageRow.id }, data: { attempts: 100 } });
    resend.server.setDown(true);
    let now = new Date();
    await deliverDueEmails({ now });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: outageRow.id } })).toMatchObject({
      status: "PENDING",
      attempts: 101,
    });
    resend.server.setDown(false);
    await db.emailOutbox.update({ where: { id: outageRow.id }, data: { status: "SENT" } }); // out of the way

    const refusedRow = await request(`${unique("refused")}@example.test`);
    for (let attempt = 1; attempt <= 3; attempt++) {
      resend.server.refuseNext(1);
      now = new Date(now.getTime() + backoffMs(attempt) + 1);
      await deliverDueEmails({ now });
      const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: refusedRow.id } });
      expect(row).toMatchObject({ attempts: attempt, status: attempt < 3 ? "PENDING" : "FAILED" });
      expect(row.lastError).toMatch(/Invalid `to` field/);
    }
  });
});
