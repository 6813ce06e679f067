// Found in the s38 survey QA: a survey could be closed before its opening day. It then kept its year (a council has
// one survey a year) and its place in the calendar though it never ran, so a survey opened by mistake, or for the
// wrong dates, could not be opened again for that year. Before its opening day the officer's page now offers
// "Cancel this survey", which deletes it and its invitations (nobody can have answered yet) and frees the year;
// "Close the survey" is offered, and accepted, only once it has opened. Each action sent at the wrong time is
// refused with a message saying what to do instead.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { londonDay } from "~/domain/calendar.ts";
import { inviteAddress } from "~/domain/survey/cycles.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import { formatDate } from "~/ui/format.ts";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";
import { followInvitation, invitationEmailsTo } from "./survey-invite-world.ts";

const DAY = 24 * 60 * 60 * 1000;

async function officerWithCycle(opensIn: number) {
  const council = await createCouncil();
  const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
  const today = londonDay(new Date()).getTime();
  const cycle = await createSurveyCycle({
    councilId: council.id,
    year: new Date(today + opensIn * DAY).getUTCFullYear(),
    opensOn: new Date(today + opensIn * DAY),
    closesOn: new Date(today + (opensIn + 60) * DAY),
  });
  const cookie = await sessionCookieFor(officer.id);
  const path = `/council/survey/${cycle.id}`;
  const post = (form: Record<string, string>) =>
    callAction(cyclePage.action, { path, params: { cycleId: cycle.id }, cookie, form });
  return { council, officer, cycle, cookie, path, post };
}

describe("a survey whose opening day has not come", () => {
  it("is offered to be cancelled, not closed", async () => {
    const { cookie, path } = await officerWithCycle(30);
    const text = readableText(await (await renderPage(path, cookie)).text());
    expect(text).toContain("Cancel this survey");
    expect(text).toContain("The survey has not opened yet, so no business has answered it.");
    expect(text).not.toContain("Close the survey");
  });

  it("is not closed: the officer is told to cancel it", async () => {
    const { cycle, post } = await officerWithCycle(30);
    const refused = await post({ intent: "close", confirmClose: "yes" });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain(
      `This survey has not opened yet (it opens on ${formatDate(cycle.opensOn)}), so it cannot be closed: cancel it instead`,
    );
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).status).toBe("OPEN");
  });

  it("asks the officer to confirm before cancelling", async () => {
    const { cycle, post } = await officerWithCycle(30);
    const unconfirmed = await post({ intent: "cancel" });
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(await unconfirmed.json())).toContain("Confirm that you want to cancel the survey");
    expect(await db.surveyCycle.count({ where: { id: cycle.id } })).toBe(1);
  });

  it("is cancelled: deleted with its invitations, its year free again, the audit log keeping what it was", async () => {
    const { council, officer, cycle, cookie, path, post } = await officerWithCycle(30);
    await inviteAddress({ userId: officer.id, councilId: council.id }, cycle.id, "early@example.test");
    const page = readableText(await (await renderPage(path, cookie)).text());
    expect(page).toContain("Cancelling deletes it and the 1 invitation sent: their links stop working.");
    // (its email, not sent yet, is withdrawn by the cancel: its link is read from the outbox now)
    const [{ token }] = await invitationEmailsTo("early@example.test");

    const cancelled = await post({ intent: "cancel", confirmCancel: "yes" });
    expect(cancelled.status).toBe(302);
    expect(cancelled.headers.get("location")).toBe("/council/survey");
    expect(await db.surveyCycle.count({ where: { id: cycle.id } })).toBe(0);
    expect(await db.surveyInvitation.count({ where: { cycleId: cycle.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: cycle.id, action: "survey.cycle.close", actorUserId: officer.id },
    });
    expect(audit.details).toMatchObject({
      cancelledBeforeOpening: true,
      year: cycle.year,
      invitationsDeleted: 1,
    });
    // the year can be opened again
    await createSurveyCycle({ councilId: council.id, year: cycle.year, opensOn: cycle.opensOn });

    // a business following the link it was sent is told the survey may have been cancelled
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    expect((await followInvitation(token, owner)).status).toBe(404);
    const link = readableText(await (await renderPage(`/survey/invitation/${token}`, owner)).text());
    expect(link).toContain("the survey may have closed or been cancelled before it opened");

    // sent twice (a double click): answered as the first was, not "not found"
    const again = await post({ intent: "cancel", confirmCancel: "yes" });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe("/council/survey");
  });
});

describe("a survey that has opened", () => {
  it("is offered to be closed, not cancelled, and a cancel sent from an older page is refused", async () => {
    const { cycle, cookie, path, post } = await officerWithCycle(-1);
    const text = readableText(await (await renderPage(path, cookie)).text());
    expect(text).toContain("Close the survey");
    expect(text).not.toContain("Cancel this survey");
    const refused = await post({ intent: "cancel", confirmCancel: "yes" });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain(
      `This survey opened on ${formatDate(cycle.opensOn)}, so it cannot be cancelled: close it instead`,
    );
    expect(await db.surveyCycle.count({ where: { id: cycle.id } })).toBe(1);
    expect((await post({ intent: "close", confirmClose: "yes" })).status).toBe(302);
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).status).toBe("CLOSED");
  });
});
