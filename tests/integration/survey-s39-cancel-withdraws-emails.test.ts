// Found in the s39 survey QA: "Cancel this survey" (before its opening day, decision 031) deleted the cycle and its
// invitations, but invitation emails still waiting in the outbox went out afterwards, with links that no longer
// worked, and businesses already emailed were never told. Cancelling now withdraws the invitation emails not sent
// yet, in the same transaction, and emails each address already sent one that the survey is cancelled.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { londonDay } from "~/domain/calendar.ts";
import { inviteAddress } from "~/domain/survey/cycles.server.ts";
import { deliverDueEmails } from "~/email/deliver.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import {
  createCouncil,
  createMember,
  createSurveyCycle,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { usingFakeResend } from "../helpers/using-fake-resend.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

const resend = usingFakeResend();

afterAll(() => closeRateLimits());

const DAY = 24 * 60 * 60 * 1000;

async function deliverAll() {
  while ((await deliverDueEmails()).claimed > 0);
}

async function cycleOpeningLater() {
  const council = await createCouncil({ name: unique("Northdale Council") });
  const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
  const today = londonDay(new Date()).getTime();
  const opensOn = new Date(today + 30 * DAY);
  const cycle = await createSurveyCycle({
    councilId: council.id,
    year: opensOn.getUTCFullYear(),
    opensOn,
    closesOn: new Date(today + 90 * DAY),
  });
  const cookie = await sessionCookieFor(officer.id);
  const cancel = () =>
    callAction(cyclePage.action, {
      path: `/council/survey/${cycle.id}`,
      params: { cycleId: cycle.id },
      cookie,
      form: { intent: "cancel", confirmCancel: "yes" },
    });
  const invite = (email: string) =>
    inviteAddress({ userId: officer.id, councilId: council.id }, cycle.id, email);
  const page = async () =>
    readableText(await (await renderPage(`/council/survey/${cycle.id}`, cookie)).text());
  return { council, cycle, cancel, invite, page };
}

const sentTo = (to: string) => resend.server.sent.filter((e) => e.to.includes(to));

describe("cancelling a survey before it opens", () => {
  it("withdraws invitation emails not sent yet and tells, once, those already emailed", async () => {
    const { council, cycle, cancel, invite, page } = await cycleOpeningLater();
    const emailed = `${unique("emailed")}@example.test`;
    const queued = `${unique("queued")}@example.test`;
    const sentAgain = `${unique("again")}@example.test`;
    await invite(emailed);
    await invite(sentAgain);
    await deliverAll();
    expect(sentTo(emailed)).toHaveLength(1);
    // invited after the outbox last ran: still waiting when the survey is cancelled
    await invite(queued);
    // sent a new link, not delivered yet: the first email went, the second is withdrawn
    await invite(sentAgain);
    expect(await db.emailOutbox.count({ where: { template: "survey-invitation", status: "PENDING" } })).toBe(
      2,
    );

    expect(await page()).toContain(
      "Invitations not emailed yet are not sent, and businesses already emailed one are told the survey is cancelled.",
    );
    const cancelled = await cancel();
    expect(cancelled.status).toBe(302);
    // a double submit: answered as the first was, and nothing more is sent
    expect((await cancel()).status).toBe(302);
    await deliverAll();

    expect(sentTo(queued)).toHaveLength(0);
    expect(await db.emailOutbox.count({ where: { to: queued } })).toBe(0);
    for (const address of [emailed, sentAgain]) {
      const emails = sentTo(address);
      expect(emails.map((e) => e.subject)).toEqual([
        `${council.name} invites your business to its ${cycle.year} supplier survey`,
        `${council.name} has cancelled its ${cycle.year} supplier survey`,
      ]);
      expect(emails[1].text).toContain(
        `${council.name} has cancelled the ${cycle.year} supplier diversity survey`,
      );
      expect(emails[1].text).toContain("no answers were collected. You do not need to do anything.");
    }
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: cycle.id, action: "survey.cycle.close" },
    });
    expect(audit.details).toMatchObject({ invitationEmailsWithdrawn: 2, cancellationEmails: 2 });
  });

  it("leaves an invitation email being sent at that moment to go, and tells its address of the cancellation", async () => {
    const { cancel, invite } = await cycleOpeningLater();
    const address = `${unique("leased")}@example.test`;
    await invite(address);
    // claimed by the delivery job, whose provider call is under way
    await db.emailOutbox.updateMany({
      where: { to: address },
      data: { lockedUntil: new Date(Date.now() + 60_000) },
    });
    expect((await cancel()).status).toBe(302);
    const rows = await db.emailOutbox.findMany({ where: { to: address }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.template)).toEqual(["survey-invitation", "survey-cancelled"]);
  });

  it("draws the cancellation email's header in the council's own brand colour, as every email it sends", async () => {
    const { council, cancel, invite } = await cycleOpeningLater();
    await db.councilSettings.update({
      where: { organisationId: council.id },
      data: { brandColour: "#6b2c91" },
    });
    const address = `${unique("coloured")}@example.test`;
    await invite(address);
    // being sent as the survey is cancelled: its address is told, and the email telling it stays in the outbox
    await db.emailOutbox.updateMany({
      where: { to: address },
      data: { lockedUntil: new Date(Date.now() + 60_000) },
    });
    expect((await cancel()).status).toBe(302);
    const told = await db.emailOutbox.findFirstOrThrow({
      where: { to: address, template: "survey-cancelled" },
    });
    expect(told.subject).toContain(council.name);
    expect(told.html).toContain("#6b2c91");
  });

  it("tells those emailed when the survey moved to another year after they were invited", async () => {
    const { council, cycle, cancel, invite } = await cycleOpeningLater();
    const address = `${unique("moved")}@example.test`;
    await invite(address);
    await deliverAll();
    // its opening day moved into the next year: the email sent names the year it had then
    await db.surveyCycle.update({
      where: { id: cycle.id },
      data: {
        year: cycle.year + 1,
        opensOn: new Date(Date.UTC(cycle.year + 1, 5, 1)),
        closesOn: new Date(Date.UTC(cycle.year + 1, 6, 1)),
      },
    });
    expect((await cancel()).status).toBe(302);
    await deliverAll();
    expect(sentTo(address).map((e) => e.subject)).toEqual([
      `${council.name} invites your business to its ${cycle.year} supplier survey`,
      `${council.name} has cancelled its ${cycle.year + 1} supplier survey`,
    ]);
  });

  it("sends nothing when no invitation email had gone yet", async () => {
    const { cancel, invite } = await cycleOpeningLater();
    const address = `${unique("never")}@example.test`;
    await invite(address);
    expect((await cancel()).status).toBe(302);
    await deliverAll();
    expect(sentTo(address)).toHaveLength(0);
    expect(await db.emailOutbox.count({ where: { to: address } })).toBe(0);
  });
});
