// Found in review: the survey's officer pages, with a person who runs the survey for two councils.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";
import { db } from "~/db.server.ts";
import { londonDayIso } from "~/domain/survey/schemas.ts";
import { closeCycle, inviteAddress } from "~/domain/survey/cycles.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import * as contactsCsv from "~/routes/council.survey.$cycleId.contacts[.]csv.ts";
import * as newCycle from "~/routes/council.survey.new/route.tsx";
import * as invitation from "~/routes/survey.invitation.$token.tsx";
import {
  addMember,
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  createSurveyResponse,
  createUser,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { followInvitation } from "./survey-invite-world.ts";

let first: { id: string };
let second: { id: string };
let session: string;
let officerId: string;
const workingFor = (councilId: string) => `${session}; ${ORGANISATION_COOKIE}=${councilId}`;
const inDays = (days: number) => londonDayIso(new Date(Date.now() + days * 24 * 60 * 60 * 1000));

beforeAll(async () => {
  first = await createCouncil({ name: unique("First council") });
  second = await createCouncil({ name: unique("Second council") });
  const officer = await createUser();
  await addMember(first.id, officer.id, "OFFICER", true);
  await addMember(second.id, officer.id, "OFFICER", true);
  session = await sessionCookieFor(officer.id);
  officerId = officer.id;
});

// URL-encoded, as a browser sends the form
const openSurvey = (cookie: string, year: number, shownFor?: string) =>
  callAction(newCycle.action, {
    path: "/council/survey/new",
    cookie,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      // (a cycle's year is the year it opens in)
      opensOn: `${year}-03-01`,
      closesOn: `${year}-03-31`,
      privacyNotice: "We use your answers to plan supplier engagement.",
      dpiaReference: "DPIA-7",
      retentionMonths: "24",
      ...(shownFor ? { [SWITCHER_FIELD]: shownFor } : {}),
    }).toString(),
  });

describe("'Open a survey' sent after switching council in another window", () => {
  it("opens the survey for the council its page was shown for, not the one switched to since", async () => {
    const sent = await openSurvey(workingFor(second.id), 2031, first.id);
    expect(sent.status).toBe(302);
    const opened = await db.surveyCycle.findMany({ where: { year: 2031 }, select: { councilId: true } });
    expect(opened).toEqual([{ councilId: first.id }]);
  });

  it("acts as switched when the form names no council", async () => {
    expect((await openSurvey(workingFor(second.id), 2032)).status).toBe(302);
    const opened = await db.surveyCycle.findMany({ where: { year: 2032 }, select: { councilId: true } });
    expect(opened).toEqual([{ councilId: second.id }]);
  });
});

describe("an emailed invitation link followed by two businesses at the same moment", () => {
  it("lets one of them in, not both (the link was forwarded, or shared)", async () => {
    const cycle = await createSurveyCycle({ councilId: first.id, year: 2026 });
    const address = `${unique("owner")}@faraway.test`;
    await inviteAddress({ userId: officerId, councilId: first.id }, cycle.id, address);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { to: address, template: "survey-invitation" },
    });
    const token = email.text.match(/\/survey\/invitation\/([A-Za-z0-9_-]+)/)![1];
    // two businesses far from the council's area: only the link lets them in
    const businesses = await Promise.all(
      [0, 1].map(() =>
        createOrganisation({ kind: "SUPPLIER", councilId: second.id, registeredPostcode: "BN1 1AA" }),
      ),
    );
    const cookies = await Promise.all(
      businesses.map(async (b) => sessionCookieFor((await createMember(b.id, "OWNER")).id)),
    );
    // (opening the link takes nothing up: both are offered it, and both take it up at once)
    const followed = await Promise.all(cookies.map((cookie) => followInvitation(token, cookie)));
    expect(followed.map((r) => r.status).sort()).toEqual([302, 409]);
    const won = followed.findIndex((r) => r.status === 302);
    expect(followed[won]!.headers.get("location")).toBe(`/survey/${cycle.id}`);
    const winner = businesses[won]!;
    const stored = await db.surveyInvitation.findFirstOrThrow({ where: { cycleId: cycle.id } });
    expect(stored.organisationId).toBe(winner.id);
    // the other is told, on the link's page, that a business has taken it up (not which)
    const loser = cookies[1 - won]!;
    const page = await renderPage(`/survey/invitation/${token}`, loser);
    expect(page.status).toBe(404);
    const text = readableMainText(await page.text());
    expect(text).toContain("A business has already taken up this link");
    expect(text).not.toContain(winner.name);
  });
});

describe("the export of businesses that agreed to be contacted", () => {
  it("writes a business's 'Prefer not to say' to the barriers question in words, not as a code", async () => {
    const cycle = await createSurveyCycle({ councilId: first.id, year: 2027 });
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: first.id, name: "Quiet Ltd" });
    const response = await createSurveyResponse({
      cycleId: cycle.id,
      organisationId: business.id,
      contactConsent: true,
      barriers: ["PREFER_NOT_TO_SAY"],
    });
    await db.surveyResponse.update({
      where: { id: response.id },
      data: { contactName: "Ada", contactEmail: "ada@quiet.test" },
    });
    const csv = await callLoader(contactsCsv.loader, {
      path: "/x",
      params: { cycleId: cycle.id },
      cookie: workingFor(first.id),
    });
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[1]).toBe("Quiet Ltd,Ada,ada@quiet.test,Prefer not to say,");
  });
});

describe("closing a survey while a business saves a page of its answers", () => {
  it("waits for the page, then deletes the unsent answers, instead of deadlocking with it", async () => {
    const cycle = await createSurveyCycle({ councilId: first.id, year: 2028 });
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: first.id });
    const response = await createSurveyResponse({
      cycleId: cycle.id,
      organisationId: business.id,
      submitted: false,
      protectedAnswers: { sex: "FEMALE" },
    });
    let locked!: () => void;
    const responseLocked = new Promise<void>((resolve) => (locked = resolve));
    // what saving a question page does: hold the response, then write its protected answers
    const saving = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "SurveyResponse" WHERE id = ${response.id} FOR UPDATE`;
      locked();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.surveyProtectedAnswers.update({
        where: { responseId: response.id },
        data: { answers: { sex: "MALE" } },
      });
    });
    await responseLocked;
    const closing = closeCycle({ userId: officerId, councilId: first.id }, cycle.id);
    const [saved, closed] = await Promise.allSettled([saving, closing]);
    expect(saved.status).toBe("fulfilled");
    expect(closed).toEqual({ status: "fulfilled", value: true });
    expect(await db.surveyResponse.count({ where: { cycleId: cycle.id } })).toBe(0);
    expect(await db.surveyProtectedAnswers.count({ where: { responseId: response.id } })).toBe(0);
  });
});

describe("a survey whose closing day is over, before the night's housekeeping closes it", () => {
  it("sends no more invitations (they would name a closing date already past)", async () => {
    const yesterday = new Date(`${inDays(-1)}T00:00:00.000Z`);
    const cycle = await createSurveyCycle({ councilId: first.id, year: 2029, closesOn: yesterday });
    await createOrganisation({ kind: "SUPPLIER", councilId: first.id });
    const args = {
      path: `/council/survey/${cycle.id}`,
      params: { cycleId: cycle.id },
      cookie: workingFor(first.id),
    };
    const byEmail = await callAction(cyclePage.action, {
      ...args,
      form: { intent: "invite-email", email: "late@example.test" },
    });
    expect(byEmail.status).toBe(400);
    const eligible = await callAction(cyclePage.action, { ...args, form: { intent: "invite-eligible" } });
    expect(eligible.status).toBe(400);
    expect(await db.surveyInvitation.count({ where: { cycleId: cycle.id } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: "late@example.test" } })).toBe(0);
    const page = await jsonOf<{ inviting: boolean }>(await callLoader(cyclePage.loader, args));
    expect(page.inviting).toBe(false);
    const html = await (await renderPage(args.path, args.cookie)).text();
    expect(html).toContain("The closing date has passed");
    expect(html).not.toContain("Invite eligible businesses");
    expect(html).toContain("Close the survey");
  });
});

describe("an invitation link followed for a business the council rejected", () => {
  it("is not used up: the rejected business is told it does not work, and the link still lets another in", async () => {
    const cycle = await createSurveyCycle({ councilId: first.id, year: 2030 });
    const address = `${unique("owner")}@faraway.test`;
    await inviteAddress({ userId: officerId, councilId: first.id }, cycle.id, address);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { to: address, template: "survey-invitation" },
    });
    const token = email.text.match(/\/survey\/invitation\/([A-Za-z0-9_-]+)/)![1];
    const rejected = await createOrganisation({
      kind: "SUPPLIER",
      councilId: second.id,
      registeredPostcode: "BN1 1AA",
      status: "REJECTED",
    });
    const rejectedCookie = await sessionCookieFor((await createMember(rejected.id, "OWNER")).id);
    const refused = await callLoader(invitation.loader, {
      path: "/x",
      params: { token },
      cookie: rejectedCookie,
    });
    expect(refused.status).toBe(404);
    expect(await db.surveyInvitation.findFirstOrThrow({ where: { cycleId: cycle.id } })).toMatchObject({
      organisationId: null,
      usedAt: null,
    });
    const welcome = await createOrganisation({
      kind: "SUPPLIER",
      councilId: second.id,
      registeredPostcode: "BN1 1AA",
    });
    const welcomeCookie = await sessionCookieFor((await createMember(welcome.id, "OWNER")).id);
    const followed = await followInvitation(token, welcomeCookie);
    expect(followed.headers.get("location")).toBe(`/survey/${cycle.id}`);
  });
});
