// Found in the officer-side survey review (s20).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { runSurveyHousekeeping } from "~/domain/survey/anonymise.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import * as aggregateCsv from "~/routes/council.survey.$cycleId.aggregate[.]csv.ts";
import * as report from "~/routes/council.survey.$cycleId.report.tsx";
import * as cycleList from "~/routes/council.survey._index.tsx";
import * as newCycle from "~/routes/council.survey.new/route.tsx";
import { londonDayIso } from "~/domain/calendar.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { renderSurveySubmittedEmail } from "~/email/templates/survey-submitted.tsx";
import { appUrl } from "~/env.server.ts";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  createSurveyResponse,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { flashOf } from "../helpers/flash.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

async function officerOf(councilId: string) {
  return sessionCookieFor((await createMember(councilId, "OFFICER", { surveyAccess: true })).id);
}

// A 2021 cycle closed on 30 June 2021 and kept for 12 months, so housekeeping run at PAST_RETENTION
// (2 July 2022) anonymises it.
const PAST_RETENTION = new Date("2022-07-02T03:00:00Z");

function closed2021Cycle(councilId: string) {
  return createSurveyCycle({
    councilId,
    year: 2021,
    status: "CLOSED",
    opensOn: new Date("2021-04-01"),
    closesOn: new Date("2021-06-30"),
    retentionMonths: 12,
  });
}

type Rates = { eligible: number | null; invited: number | null; submitted: string; rate: number | null };

describe("the response rate of an anonymised cycle", () => {
  it("is not worked out from today's eligible businesses once invitations and links to businesses are gone", async () => {
    const council = await createCouncil({ postcodeAreas: ["GU1"] });
    const cookie = await officerOf(council.id);
    const cycle = await closed2021Cycle(council.id);
    // six businesses from outside the area answered by invitation; two in the area today never did
    for (let i = 0; i < 6; i++) {
      const org = await createOrganisation({
        kind: "SUPPLIER",
        councilId: council.id,
        registeredPostcode: "RH1 1AA",
      });
      await db.surveyInvitation.create({
        data: {
          cycleId: cycle.id,
          organisationId: org.id,
          email: `s20-${i}@example.test`,
          tokenHash: `s20-${cycle.id}-${i}`,
        },
      });
      await createSurveyResponse({ cycleId: cycle.id, organisationId: org.id });
    }
    for (let i = 0; i < 2; i++)
      await createOrganisation({ kind: "SUPPLIER", councilId: council.id, registeredPostcode: "GU1 1AA" });
    const args = { path: `/council/survey/${cycle.id}`, params: { cycleId: cycle.id }, cookie };

    const before = (await jsonOf<{ rates: Rates }>(await callLoader(cyclePage.loader, args))).rates;
    expect(before).toMatchObject({ eligible: 8, invited: 6, submitted: "6", rate: 75 });

    await runSurveyHousekeeping(PAST_RETENTION);
    const after = (await jsonOf<{ rates: Rates }>(await callLoader(cyclePage.loader, args))).rates;
    // not 6 answers of the 2 eligible today (300%), nor "0 invitations sent"
    expect(after).toMatchObject({ eligible: null, invited: null, submitted: "6", rate: null });
  });

  it("says what businesses wrote was deleted, not that they wrote nothing", async () => {
    const council = await createCouncil({ postcodeAreas: ["KT7"] });
    const cookie = await officerOf(council.id);
    const cycle = await closed2021Cycle(council.id);
    for (let i = 0; i < 5; i++) {
      const org = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
      const response = await createSurveyResponse({ cycleId: cycle.id, organisationId: org.id });
      await db.surveyResponse.update({ where: { id: response.id }, data: { councilCouldDo: `Idea ${i}` } });
    }
    const args = { path: `/council/survey/${cycle.id}/report`, params: { cycleId: cycle.id }, cookie };
    type Data = { commentsDeleted: boolean; comments: { councilCouldDo: string[] } | null };
    const before = await jsonOf<Data>(await callLoader(report.loader, args));
    expect(before).toMatchObject({ commentsDeleted: false, comments: { councilCouldDo: expect.any(Array) } });
    await runSurveyHousekeeping(PAST_RETENTION);
    const after = await jsonOf<Data>(await callLoader(report.loader, args));
    expect(after.commentsDeleted).toBe(true);
  });
});

describe("'Invite eligible businesses'", () => {
  it("says when no business in the area could be invited, and which eligible ones it could not write to", async () => {
    const empty = await createCouncil({ postcodeAreas: ["ZZ9"] });
    const emptyCycle = await createSurveyCycle({ councilId: empty.id, year: 2026 });
    const none = await callAction(cyclePage.action, {
      path: `/council/survey/${emptyCycle.id}`,
      params: { cycleId: emptyCycle.id },
      cookie: await officerOf(empty.id),
      form: { intent: "invite-eligible" },
    });
    expect(none.status).toBe(302);
    // not "Every eligible business has already been invited or has answered": there is no eligible business
    expect(await flashOf(none)).toEqual({
      kind: "info",
      message:
        "No invitations sent: no SME supplier is registered with a postcode in your council's area. Check the postcode areas of your districts, or invite businesses by email.",
    });

    // an area no other test's businesses are in: eligibility goes by postcode, whoever registered them
    const council = await createCouncil({ postcodeAreas: ["KT9"] });
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2026 });
    const inArea = { kind: "SUPPLIER" as const, councilId: council.id, registeredPostcode: "KT9 1AA" };
    const reachable = await createOrganisation(inArea);
    await createMember(reachable.id, "OWNER");
    // two eligible businesses with no contact address and no members: no email can go to them
    for (let i = 0; i < 2; i++) await createOrganisation(inArea);
    const invite = {
      path: `/council/survey/${cycle.id}`,
      params: { cycleId: cycle.id },
      cookie: await officerOf(council.id),
      form: { intent: "invite-eligible" },
    };
    expect(await flashOf(await callAction(cyclePage.action, invite))).toEqual({
      kind: "success",
      message:
        "Invitations sent to 1 business. 2 eligible businesses have no email address, so they were not invited",
    });
    expect(await db.surveyInvitation.count({ where: { cycleId: cycle.id } })).toBe(1);
    // pressed again: not "Every eligible business has already been invited", two never were
    expect(await flashOf(await callAction(cyclePage.action, invite))).toEqual({
      kind: "info",
      message: "No invitations sent: 2 eligible businesses have no email address, so they were not invited",
    });
  });
});

describe("the aggregate CSV, year on year", () => {
  it("gives the year before's number of answers beside this year's, as the report page does", async () => {
    const council = await createCouncil({ postcodeAreas: ["KT8"] });
    const answered = async (cycleId: string, count: number) => {
      for (let i = 0; i < count; i++) {
        const org = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
        await createSurveyResponse({ cycleId, organisationId: org.id, protectedAnswers: { sex: "FEMALE" } });
      }
    };
    const before = await createSurveyCycle({ councilId: council.id, year: 2025, status: "CLOSED" });
    await answered(before.id, 6);
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2026, status: "CLOSED" });
    await answered(cycle.id, 7);
    const csv = await (
      await callLoader(aggregateCsv.loader, {
        path: `/council/survey/${cycle.id}/aggregate.csv`,
        params: { cycleId: cycle.id },
        cookie: await officerOf(council.id),
      })
    ).text();
    expect(csv).toContain("Count 2025,Percent 2025");
    expect(csv).toContain("\nResponses,Total,7,,6,,\n");
  });
});

describe("anonymisation and the emails sent to businesses that answered", () => {
  it("deletes the cycle's receipts, which name each business that answered, and no other email", async () => {
    const council = await createCouncil({ postcodeAreas: ["KT6"] });
    const cycle = await closed2021Cycle(council.id);
    const later = await createSurveyCycle({ councilId: council.id, year: 2022, status: "CLOSED" });
    // as sending answers queues it (responses.server.ts)
    const receipt = async (cycleId: string, to: string) =>
      enqueueEmail(db, {
        ...(await renderSurveySubmittedEmail({
          councilName: council.name,
          year: 2021,
          answersUrl: `${appUrl()}/survey/${cycleId}`,
          changed: false,
        })),
        to,
        template: "survey-submitted",
        councilId: council.id,
      });
    const answered = await receipt(cycle.id, "owner@answered-2021.example");
    const otherYear = await receipt(later.id, "owner@answered-2022.example");
    const unrelated = await enqueueEmail(db, {
      subject: "Something else",
      html: `<a href="${appUrl()}/survey/${cycle.id}">a link</a>`,
      text: "a link",
      to: "someone@example.test",
      template: "request-approved",
      councilId: council.id,
    });

    await runSurveyHousekeeping(PAST_RETENTION);
    const left = (
      await db.emailOutbox.findMany({ where: { councilId: council.id }, select: { id: true } })
    ).map((e) => e.id);
    expect(left).not.toContain(answered.id);
    expect(left).toEqual(expect.arrayContaining([otherYear.id, unrelated.id]));
  });
});

describe("a cycle's status on the officer's pages", () => {
  it("is not 'Open' before its opening day, nor once its closing day is over", async () => {
    const council = await createCouncil({ postcodeAreas: ["KT5"] });
    const cookie = await officerOf(council.id);
    const day = 24 * 60 * 60 * 1000;
    const scheduled = await createSurveyCycle({
      councilId: council.id,
      year: 2027,
      opensOn: new Date(Date.now() + 40 * day),
      closesOn: new Date(Date.now() + 90 * day),
    });
    const ended = await createSurveyCycle({
      councilId: council.id,
      year: 2026,
      opensOn: new Date(Date.now() - 90 * day),
      closesOn: new Date(Date.now() - 3 * day),
    });
    const running = await createSurveyCycle({ councilId: council.id, year: 2025 });
    const closed = await createSurveyCycle({ councilId: council.id, year: 2024, status: "CLOSED" });
    const { cycles } = await jsonOf<{ cycles: { id: string; stage: string }[] }>(
      await callLoader(cycleList.loader, { path: "/council/survey", cookie }),
    );
    expect(Object.fromEntries(cycles.map((c) => [c.id, c.stage]))).toEqual({
      [scheduled.id]: "NOT_YET_OPEN",
      [ended.id]: "CLOSING_DATE_PASSED",
      [running.id]: "OPEN",
      [closed.id]: "CLOSED",
    });
    const page = await jsonOf<{ stage: string }>(
      await callLoader(cyclePage.loader, {
        path: `/council/survey/${scheduled.id}`,
        params: { cycleId: scheduled.id },
        cookie,
      }),
    );
    expect(page.stage).toBe("NOT_YET_OPEN");
  });
});

describe("opening a survey for a later day", () => {
  it("says from when businesses can answer, not only that it is open", async () => {
    const council = await createCouncil({ postcodeAreas: ["KT4"] });
    const cookie = await officerOf(council.id);
    const day = 24 * 60 * 60 * 1000;
    // (a cycle's year is the year it opens in, and two may not overlap)
    const open = (opensOn: string, closesOn: string) =>
      callAction(newCycle.action, {
        path: "/council/survey/new",
        cookie,
        form: {
          opensOn,
          closesOn,
          privacyNotice: "We use your answers to plan supplier engagement.",
          dpiaReference: "DPIA-S20",
          retentionMonths: "24",
        },
      });
    const later = new Date(Date.now() + 400 * day);
    const scheduled = await flashOf(
      await open(londonDayIso(later), londonDayIso(new Date(Date.now() + 450 * day))),
    );
    const [y, m, d] = londonDayIso(later).split("-").map(Number);
    const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
    expect(scheduled?.message).toBe(`The ${y} survey is open to businesses from ${d} ${month} ${y}`);
    const today = londonDayIso(new Date());
    expect((await flashOf(await open(today, londonDayIso(new Date(Date.now() + 200 * day)))))?.message).toBe(
      `The ${today.slice(0, 4)} survey is open`,
    );
  });
});
