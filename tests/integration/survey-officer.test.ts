import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { runSurveyHousekeeping } from "~/domain/survey/anonymise.server.ts";
import {
  readProtectedAnswersForCycle,
  SurveyAccessDenied,
} from "~/domain/survey/protected-answers.server.ts";
import { eligibleSuppliers } from "~/domain/survey/cycles.server.ts";
import { cyclesOpenTo } from "~/domain/survey/eligibility.server.ts";
import { exampleDayWithin, isoDayAsUk } from "~/domain/calendar.ts";
import { closingDays, londonDayIso } from "~/domain/survey/schemas.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import * as aggregateCsv from "~/routes/council.survey.$cycleId.aggregate[.]csv.ts";
import * as contactsCsv from "~/routes/council.survey.$cycleId.contacts[.]csv.ts";
import * as report from "~/routes/council.survey.$cycleId.report.tsx";
import * as cycles from "~/routes/council.survey._index.tsx";
import * as newCycle from "~/routes/council.survey.new/route.tsx";
import * as invitation from "~/routes/survey.invitation.$token.tsx";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import {
  addMember,
  createCouncil,
  createDistrict,
  createMember,
  createOrganisation,
  createSurveyCycle,
  createSurveyResponse,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { followInvitation } from "./survey-invite-world.ts";

// Lets a test hold invitation emails while they are prepared, between reading who is invited and sending.
const invitationEmails = vi.hoisted(() => ({ hold: null as null | (() => Promise<void>) }));
vi.mock("~/email/templates/survey-invitation.tsx", async (original) => {
  const actual = await original<typeof import("~/email/templates/survey-invitation.tsx")>();
  return {
    ...actual,
    renderSurveyInvitationEmail: async (...args: Parameters<typeof actual.renderSurveyInvitationEmail>) => {
      await invitationEmails.hold?.();
      return actual.renderSurveyInvitationEmail(...args);
    },
  };
});

let world: Awaited<ReturnType<typeof createWorld>>;
let surveyOfficer: { id: string };
let cookie: string;
let noRole: string;
let otherCouncil: string;
let cycleId: string;
let previousId: string;

// A calendar date some days from today in London, as the cycle form takes it.
const inDays = (days: number) => londonDayIso(new Date(Date.now() + days * 24 * 60 * 60 * 1000));

async function respondents(
  cycle: string,
  count: number,
  make: (i: number) => Parameters<typeof createSurveyResponse>[0],
) {
  for (let i = 0; i < count; i++) {
    const org = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      name: `Business ${cycle.slice(-4)}-${i}`,
    });
    await createSurveyResponse({ ...make(i), cycleId: cycle, organisationId: org.id });
  }
}

beforeAll(async () => {
  world = await createWorld();
  surveyOfficer = await createMember(world.councilA.id, "OFFICER", { surveyAccess: true });
  cookie = await sessionCookieFor(surveyOfficer.id);
  noRole = await sessionCookieFor(world.users.officerA.id);
  otherCouncil = await sessionCookieFor(
    (await createMember(world.councilB.id, "OFFICER", { surveyAccess: true })).id,
  );
  previousId = (await createSurveyCycle({ councilId: world.councilA.id, year: 2025, status: "CLOSED" })).id;
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id, year: 2026 })).id;
  // 2026: 12 businesses — 9 women-led, 3 men-led; one agreed to be contacted, six said no, five did not answer
  await respondents(cycleId, 12, (i) => ({
    cycleId,
    organisationId: "",
    protectedAnswers: { sex: i < 9 ? "FEMALE" : "MALE", ethnicGroup: i < 2 ? "BLACK" : "WHITE" },
    barriers: i < 10 ? ["TOO_MUCH_PAPERWORK", "NO_FEEDBACK"] : ["NO_FEEDBACK"],
    contactConsentAnswer: i === 0 ? "YES" : i < 7 ? "NO" : null,
  }));
  // 2025: 10 businesses — 6 women-led, 4 men-led
  await respondents(previousId, 10, (i) => ({
    cycleId: previousId,
    organisationId: "",
    protectedAnswers: { sex: i < 6 ? "FEMALE" : "MALE" },
  }));
});

describe("the survey role guards every officer page and the protected answers", () => {
  it("answers 403 to its council's officer without the survey role, on every page and export", async () => {
    const params = { cycleId };
    for (const loader of [report.loader, aggregateCsv.loader, contactsCsv.loader, cyclePage.loader])
      expect((await callLoader(loader, { path: "/x", params, cookie: noRole })).status).toBe(403);
    expect((await callLoader(cycles.loader, { path: "/council/survey", cookie: noRole })).status).toBe(403);
    const close = await callAction(cyclePage.action, {
      path: "/x",
      params,
      cookie: noRole,
      form: { intent: "close", confirmClose: "yes" },
    });
    expect(close.status).toBe(403);
    expect(await db.auditLog.count({ where: { action: { startsWith: "survey.answers" } } })).toBe(0);
  });

  it("answers 404 to another council's survey officer", async () => {
    expect(
      (await callLoader(report.loader, { path: "/x", params: { cycleId }, cookie: otherCouncil })).status,
    ).toBe(404);
    expect(
      (await callLoader(contactsCsv.loader, { path: "/x", params: { cycleId }, cookie: otherCouncil }))
        .status,
    ).toBe(404);
  });

  it("refuses a read in the module itself without the role, whatever the route did", async () => {
    await expect(
      readProtectedAnswersForCycle({
        userId: world.users.officerA.id,
        councilId: world.councilA.id,
        cycleId,
        purpose: "report",
      }),
    ).rejects.toBeInstanceOf(SurveyAccessDenied);
    const supplierOwner = world.users.supplierOwner.id;
    await expect(
      readProtectedAnswersForCycle({
        userId: supplierOwner,
        councilId: world.councilA.id,
        cycleId,
        purpose: "report",
      }),
    ).rejects.toBeInstanceOf(SurveyAccessDenied);
  });
});

describe("while the cycle is open", () => {
  it("shows response rates and why, but no report tables and no aggregate CSV", async () => {
    const page = await callLoader(report.loader, { path: "/x", params: { cycleId }, cookie });
    expect(page.status).toBe(200);
    const data = (await page.json()) as Record<string, unknown>;
    expect(data).toMatchObject({ available: false, rates: { submitted: 12 } });
    expect(data).not.toHaveProperty("tables");
    const csv = await callLoader(aggregateCsv.loader, { path: "/x", params: { cycleId }, cookie });
    expect(csv.status).toBe(409);
    expect(await csv.text()).toContain("available once the survey closes");
    expect(await db.auditLog.count({ where: { action: { startsWith: "survey.answers" } } })).toBe(0);
  });
});

describe("running a cycle", () => {
  it("opens a cycle with validation errors kept as field errors", async () => {
    const cyclesBefore = await db.surveyCycle.count({ where: { councilId: world.councilA.id } });
    const bad = await callAction(newCycle.action, {
      path: "/council/survey/new",
      cookie,
      form: {
        opensOn: "2027-05-01",
        closesOn: "2027-04-01",
        privacyNotice: "short",
        dpiaReference: "D",
        retentionMonths: "0",
      },
    });
    expect(bad.status).toBe(400);
    const text = JSON.stringify(await bad.json());
    expect(text).toContain("closing date must be on or after");
    expect(text).toContain("at least 1 month");
    const past = await callAction(newCycle.action, {
      path: "/council/survey/new",
      cookie,
      form: {
        opensOn: "2026-01-05",
        closesOn: inDays(-1),
        privacyNotice: "We use your answers to plan supplier engagement.",
        dpiaReference: "DPIA-0",
        retentionMonths: "24",
      },
    });
    expect(past.status).toBe(400);
    const reply = (await past.json()) as {
      error: Record<string, string[]>;
      initialValue: { closesOn: string };
    };
    // the example is a day the field takes (today, once 27/03/2027 has passed)
    const { min, max } = closingDays();
    expect(reply.error).toEqual({
      closesOn: [
        `The closing date must be today or in the future, for example ${isoDayAsUk(exampleDayWithin(min, max))}`,
      ],
    });
    expect(reply.initialValue.closesOn).toBe(inDays(-1));
    expect(await db.surveyCycle.count({ where: { councilId: world.councilA.id } })).toBe(cyclesBefore);
    const duplicate = await callAction(newCycle.action, {
      path: "/council/survey/new",
      cookie,
      form: {
        opensOn: "2026-04-01",
        closesOn: inDays(60),
        privacyNotice: "We use your answers to plan supplier engagement.",
        dpiaReference: "DPIA-1",
        retentionMonths: "24",
      },
    });
    expect(duplicate.status).toBe(400);
    // the year is the opening date's: a year taken is that date's error
    const taken = (await duplicate.json()) as { error: Record<string, string[]> };
    expect(taken.error.opensOn?.[0]).toMatch(
      /^There is already a survey opening in 2026 \(open .+\): a council has one survey a year, so choose an opening date in another year$/,
    );
    const ok = await callAction(newCycle.action, {
      path: "/council/survey/new",
      cookie,
      form: {
        // (a year no other test's cycle of council A takes, on dates none overlaps; a page from before the year
        // was worked out still sends one, ignored)
        year: "1999",
        opensOn: "2040-03-01",
        closesOn: "2040-03-01",
        privacyNotice: "We use your answers to plan supplier engagement.",
        dpiaReference: "DPIA-2",
        retentionMonths: "24",
      },
    });
    expect(ok.status).toBe(302);
    expect(
      await db.surveyCycle.count({ where: { councilId: world.councilA.id, year: 2040, status: "OPEN" } }),
    ).toBe(1);
  });

  it("invites eligible SMEs once each, and any business by email; the link lets an outside business in", async () => {
    const first = await callAction(cyclePage.action, {
      path: "/x",
      params: { cycleId },
      cookie,
      form: { intent: "invite-eligible" },
    });
    expect(first.status).toBe(302);
    const invited = await db.surveyInvitation.count({ where: { cycleId } });
    expect(invited).toBeGreaterThanOrEqual(2); // the world's suppliers are small and in GU1
    await callAction(cyclePage.action, {
      path: "/x",
      params: { cycleId },
      cookie,
      form: { intent: "invite-eligible" },
    });
    expect(await db.surveyInvitation.count({ where: { cycleId } })).toBe(invited);
    const bad = await callAction(cyclePage.action, {
      path: "/x",
      params: { cycleId },
      cookie,
      form: { intent: "invite-email", email: "not-an-email" },
    });
    expect(bad.status).toBe(400);
    // the invitation carries the council's brand colour, like every email it sends
    const settings = await db.councilSettings.findUniqueOrThrow({
      where: { organisationId: world.councilA.id },
    });
    await db.councilSettings.update({
      where: { organisationId: world.councilA.id },
      data: { brandColour: "#0b6e4f" },
    });
    await callAction(cyclePage.action, {
      path: "/x",
      params: { cycleId },
      cookie,
      form: { intent: "invite-email", email: "Owner@Faraway.test" },
    });
    await db.councilSettings.update({
      where: { organisationId: world.councilA.id },
      data: { brandColour: settings.brandColour },
    });
    const email = await db.emailOutbox.findFirst({
      where: { to: "owner@faraway.test", template: "survey-invitation" },
    });
    expect(email!.html).toContain("#0b6e4f");
    const token = email!.text.match(/\/survey\/invitation\/([A-Za-z0-9_-]+)/)![1];
    const stored = await db.surveyInvitation.findFirst({ where: { email: "owner@faraway.test" } });
    expect(stored!.tokenHash).not.toBe(token);

    const far = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilB.id,
      registeredPostcode: "BN1 1AA",
    });
    // the owner also runs another business, listed first; they are working for `far` (chosen in the header)
    const farOwner = await createMember(
      (await createOrganisation({ kind: "SUPPLIER", councilId: world.councilB.id })).id,
      "OWNER",
    );
    await addMember(far.id, farOwner.id, "OWNER");
    const farCookie = `${await sessionCookieFor(farOwner.id)}; svm_org=${far.id}`;
    const before = await callLoader(explainer.loader, { path: "/x", params: { cycleId }, cookie: farCookie });
    expect(before.status).toBe(404);
    // opened, then taken up for `far`, which the page offers first
    const follow = await followInvitation(token, farCookie);
    expect(follow.headers.get("location")).toBe(`/survey/${cycleId}`);
    const after = await callLoader(explainer.loader, { path: "/x", params: { cycleId }, cookie: farCookie });
    expect(after.status).toBe(200);
    expect(
      (await db.surveyInvitation.findFirstOrThrow({ where: { cycleId, usedAt: { not: null } } }))
        .organisationId,
    ).toBe(far.id);
    // the same link does not let a second business in, and a made-up token does nothing
    const second = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilB.id,
      registeredPostcode: "BN1 1AA",
    });
    const secondCookie = await sessionCookieFor((await createMember(second.id, "OWNER")).id);
    for (const attempt of [token, "made-up-token"]) {
      const reused = await callLoader(invitation.loader, {
        path: "/x",
        params: { token: attempt },
        cookie: secondCookie,
      });
      expect(reused.status).toBe(404);
    }
    const stillOut = await callLoader(explainer.loader, {
      path: "/x",
      params: { cycleId },
      cookie: secondCookie,
    });
    expect(stillOut.status).toBe(404);
    const rates = (await (
      await callLoader(cyclePage.loader, { path: "/x", params: { cycleId }, cookie })
    ).json()) as {
      rates: { submitted: string; eligible: number };
    };
    expect(rates.rates.submitted).toBe("12"); // open: the exact count, to chase answers
    expect(rates.rates.eligible).toBeGreaterThanOrEqual(3);
  });

  it("emails each eligible business once when 'Invite eligible businesses' is pressed twice at once", async () => {
    const race = (await createSurveyCycle({ councilId: world.councilA.id, year: 2035 })).id;
    const eligible = await eligibleSuppliers(world.councilA.id);
    expect(eligible.length).toBeGreaterThanOrEqual(2);
    const emailsBefore = await db.emailOutbox.count({ where: { template: "survey-invitation" } });
    // both presses have read who is invited (nobody yet) and are preparing their emails before either sends
    const toEmail = eligible.filter((s) => s.contactEmail ?? s.memberships[0]?.user.email).length;
    let preparing = 0;
    let release = () => {};
    const bothPreparing = new Promise<void>((resolve) => (release = resolve));
    invitationEmails.hold = () => {
      if (++preparing === 2 * toEmail) release();
      return bothPreparing;
    };
    const presses = await Promise.all(
      [1, 2].map(() =>
        callAction(cyclePage.action, {
          path: "/x",
          params: { cycleId: race },
          cookie,
          form: { intent: "invite-eligible" },
        }),
      ),
    ).finally(() => (invitationEmails.hold = null));
    expect(presses.map((p) => p.status)).toEqual([302, 302]);
    const invitations = await db.surveyInvitation.groupBy({
      by: ["organisationId"],
      where: { cycleId: race },
      _count: { _all: true },
    });
    // every eligible business with an address to write to, once
    expect(invitations.length).toBeGreaterThanOrEqual(2);
    expect(invitations.map((i) => i._count._all)).toEqual(invitations.map(() => 1));
    expect(await db.emailOutbox.count({ where: { template: "survey-invitation" } })).toBe(
      emailsBefore + invitations.length,
    );
    await db.surveyInvitation.deleteMany({ where: { cycleId: race } });
    await db.surveyCycle.delete({ where: { id: race } });
  });

  it("sends one invitation when the same 'Send invitation' form is sent twice, at once or again later", async () => {
    const cycle = (await createSurveyCycle({ councilId: world.councilA.id, year: 2036 })).id;
    const send = (submissionKey: string) =>
      callAction(cyclePage.action, {
        path: "/x",
        params: { cycleId: cycle },
        cookie,
        form: { intent: "invite-email", email: "twice@faraway.test", submissionKey },
      });
    const sent = () =>
      db.emailOutbox.count({ where: { to: "twice@faraway.test", template: "survey-invitation" } });
    const answers = await Promise.all([send("form-1"), send("form-1")]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect((await send("form-1")).status).toBe(302);
    expect(await db.surveyInvitation.count({ where: { cycleId: cycle } })).toBe(1);
    expect(await sent()).toBe(1);
    // a fresh page's form is a new invitation (the business lost the first email)
    expect((await send("form-2")).status).toBe(302);
    expect(await sent()).toBe(2);
    await db.surveyInvitation.deleteMany({ where: { cycleId: cycle } });
    await db.surveyCycle.delete({ where: { id: cycle } });
  });

  it("gives the invite-by-email form a new one-off key each time the page is shown", async () => {
    const key = async () =>
      (
        await jsonOf<{ submissionKey: string }>(
          await callLoader(cyclePage.loader, { path: "/x", params: { cycleId }, cookie }),
        )
      ).submissionKey;
    const [a, b] = [await key(), await key()];
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });

  it("closes the cycle, deleting responses that were never sent and their protected answers", async () => {
    const started = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
    const unsent = await createSurveyResponse({
      cycleId,
      organisationId: started.id,
      submitted: false,
      protectedAnswers: { sex: "FEMALE" },
    });
    const unconfirmed = await callAction(cyclePage.action, {
      path: "/x",
      params: { cycleId },
      cookie,
      form: { intent: "close" },
    });
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(await unconfirmed.json())).toContain("Confirm that you want to close the survey");
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycleId } })).status).toBe("OPEN");
    const closed = await callAction(cyclePage.action, {
      path: "/x",
      params: { cycleId },
      cookie,
      form: { intent: "close", confirmClose: "yes" },
    });
    expect(closed.status).toBe(302);
    const cycle = await db.surveyCycle.findUniqueOrThrow({ where: { id: cycleId } });
    expect(cycle.status).toBe("CLOSED");
    expect(cycle.closedAt).toBeInstanceOf(Date);
    expect(await db.surveyResponse.count({ where: { id: unsent.id } })).toBe(0);
    expect(await db.surveyProtectedAnswers.count({ where: { responseId: unsent.id } })).toBe(0);
    expect(await db.surveyResponse.count({ where: { cycleId, status: "SUBMITTED" } })).toBe(12);
  });

  it("opens one cycle when the same year is sent twice at once, and answers both sends as opened (decision 024)", async () => {
    const form = {
      opensOn: "2041-04-01",
      closesOn: "2041-06-30",
      privacyNotice: "We use your answers to plan supplier engagement.",
      dpiaReference: "DPIA-9",
      retentionMonths: "24",
    };
    const results = await Promise.all(
      [1, 2, 3].map(() => callAction(newCycle.action, { path: "/council/survey/new", cookie, form })),
    );
    const cycle = await db.surveyCycle.findFirstOrThrow({
      where: { councilId: world.councilA.id, year: 2041 },
    });
    for (const response of results) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toContain(cycle.id);
    }
    expect(await db.auditLog.count({ where: { action: "survey.cycle.open", entityId: cycle.id } })).toBe(1);

    // the same year with other answers, or opened by a colleague, is still refused
    const other = await callAction(newCycle.action, {
      path: "/council/survey/new",
      cookie,
      form: { ...form, dpiaReference: "DPIA-10" },
    });
    expect(other.status).toBe(400);
    expect(((await other.json()) as { error: Record<string, string[]> }).error.opensOn).toEqual([
      "There is already a survey opening in 2041 (open 1 April 2041 to 30 June 2041): a council has one survey a year, so choose an opening date in another year",
    ]);
    const colleague = await createMember(world.councilA.id, "OFFICER", { surveyAccess: true });
    const theirs = await callAction(newCycle.action, {
      path: "/council/survey/new",
      cookie: await sessionCookieFor(colleague.id),
      form,
    });
    expect(theirs.status).toBe(400);
  });
});

describe("the aggregate report, once the cycle has closed", () => {
  it("shows counts and percentages with small numbers hidden, year on year, and audits the read", async () => {
    const response = await callLoader(report.loader, { path: "/x", params: { cycleId }, cookie });
    expect(response.status).toBe(200);
    type Cell = { count: number | null; suppressed: false | string; percent: number | null };
    type Data = {
      respondents: string;
      previousYear: number;
      tables: {
        id: string;
        hidden: boolean;
        rows: { key: string; current: Cell; previous: Cell | null; change: number | null }[];
      }[];
    };
    const data = (await response.json()) as Data;
    expect(data.respondents).toBe("12");
    expect(data.previousYear).toBe(2025);
    const sex = data.tables.find((t) => t.id === "sex")!;
    const row = (key: string) => sex.rows.find((r) => r.key === key)!;
    // 3 men-led is below 5; it shares the 3 left over with three empty answers, so no one cell can be worked out
    expect(row("MALE").current).toMatchObject({ count: null, suppressed: "primary" });
    expect(row("FEMALE").current).toMatchObject({ count: 9, percent: 75 });
    expect(row("FEMALE").previous).toMatchObject({ count: 6, percent: 60 });
    expect(row("FEMALE").change).toBe(15);
    // 1 said yes to contact, 6 no, none "prefer not to say", 5 did not answer: the 1 and the 0 are below 5 and
    // hidden together, so the total only tells that they add up to 1, not which is which
    const contact = data.tables.find((t) => t.id === "contactConsent")!;
    expect(contact.rows.map((r) => r.key)).toEqual(["YES", "NO", "PREFER_NOT_TO_SAY", "NOT_ANSWERED"]);
    expect(contact.rows.map((r) => r.current.suppressed)).toEqual(["primary", false, "primary", false]);
    expect(contact.rows.map((r) => r.current.count)).toEqual([null, 6, null, 5]);
    const barriers = data.tables.find((t) => t.id === "barriers")!;
    // every business chose "no feedback" (12 of 12), and a business choosing a barrier chose neither "We have not
    // met any barriers" nor "Prefer not to say": their "<5" could only be 0, so the table is not published (s40)
    expect(barriers.hidden).toBe(true);
    expect(barriers.rows.every((r) => r.current.count === null)).toBe(true);
    // every business is small: "Small" hidden beside four "<5" would still be all 12 to a reader who knows the
    // rule (it is hidden only because the "<5" were all 0), so the table is not published at all
    const size = data.tables.find((t) => t.id === "derivedSize")!;
    expect(size.hidden).toBe(true);
    expect(size.rows.every((r) => r.current.count === null)).toBe(true);
    expect(JSON.stringify(data)).not.toMatch(/Business [a-z0-9]{4}-/); // no business is named
    const audit = await db.auditLog.findMany({ where: { action: "survey.answers.read", entityId: cycleId } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorUserId).toBe(surveyOfficer.id);
  });

  it("exports the same suppressed aggregate as CSV, audited", async () => {
    const response = await callLoader(aggregateCsv.loader, { path: "/x", params: { cycleId }, cookie });
    expect(response.headers.get("content-type")).toContain("text/csv");
    const csv = await response.text();
    expect(csv).toContain("Question,Answer,Count 2026,Percent 2026,Count 2025,Percent 2025");
    expect(csv).toMatch(/Sex: [^\n]*,Male,<5,,<5,,\n/);
    expect(csv).toMatch(/Sex: [^\n]*,Female,9,75%,6,60%,15\n/);
    expect(csv).toMatch(/Agreed to be contacted,Yes,<5,,/);
    expect(csv).toMatch(/Agreed to be contacted,No,6,50%,/);
    expect(csv).toMatch(/Agreed to be contacted,Prefer not to say,<5,,/);
    expect(csv).not.toMatch(/,3,25%/);
    expect(csv).not.toMatch(/,11,91.7%/);
    expect(await db.auditLog.count({ where: { action: "survey.answers.export", entityId: cycleId } })).toBe(
      1,
    );
  });

  it("compares year on year only with a closed cycle", async () => {
    // 2027 was opened above and is still open: a closed 2028 compares with 2026, not with it
    const later = await createSurveyCycle({ councilId: world.councilA.id, year: 2028, status: "CLOSED" });
    const data = (await (
      await callLoader(report.loader, { path: "/x", params: { cycleId: later.id }, cookie })
    ).json()) as { previousYear: number | null };
    expect(data.previousYear).toBe(2026);
  });

  it("exports only businesses that agreed to be contacted, with name, contact and barriers", async () => {
    await db.surveyResponse.updateMany({
      where: { cycleId, contactConsent: true },
      data: { contactName: "Ada Owner", contactEmail: "ada@example.test" },
    });
    const response = await callLoader(contactsCsv.loader, { path: "/x", params: { cycleId }, cookie });
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("Business,Contact name,Contact email,Barriers,Other barriers");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^Business .*-0,Ada Owner,ada@example.test,Too much paperwork.*; Little or no feedback/,
    );
    expect(lines[1]).not.toContain("FEMALE");
    expect(await db.auditLog.count({ where: { action: "survey.contacts.export", entityId: cycleId } })).toBe(
      1,
    );
  });
});

describe("anonymisation after the retention period", () => {
  it("keeps the answers that feed the report and drops every link to the business", async () => {
    const council = await db.organisation.create({
      data: { kind: "COUNCIL", name: "Retention Council", status: "VERIFIED" },
    });
    const cycle = await createSurveyCycle({
      councilId: council.id,
      year: 2020,
      status: "CLOSED",
      opensOn: new Date("2020-04-01"),
      closesOn: new Date("2020-06-30"),
      retentionMonths: 24,
    });
    const org = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
    const kept = await createSurveyResponse({
      cycleId: cycle.id,
      organisationId: org.id,
      respondentUserId: world.users.supplierOwner.id,
      protectedAnswers: { sex: "FEMALE" },
      contactConsent: true,
    });
    await db.surveyResponse.update({
      where: { id: kept.id },
      data: {
        contactName: "Ada",
        contactEmail: "ada@example.test",
        contactConsentAnswer: "YES",
        councilCouldDo: "Smaller lots",
        barriersOther: "Our name",
      },
    });
    const unfinished = await createSurveyResponse({
      cycleId: cycle.id,
      organisationId: world.supplier.id,
      submitted: false,
    });
    await db.surveyInvitation.create({
      data: { cycleId: cycle.id, organisationId: org.id, email: "a@b.test", tokenHash: "x1" },
    });

    // the day before the retention period ends nothing changes
    await runSurveyHousekeeping(new Date("2022-06-29T12:00:00Z"));
    expect((await db.surveyResponse.findUniqueOrThrow({ where: { id: kept.id } })).organisationId).toBe(
      org.id,
    );

    // what the audit log says about the business's response (it is kept, and council admins read it)
    for (const action of ["survey.consent", "survey.response.submit", "survey.answers.read_own"])
      await writeAudit({
        actorUserId: world.users.supplierOwner.id,
        organisationId: org.id,
        actorOrganisationId: org.id,
        action,
        entityType: "SurveyResponse",
        entityId: kept.id,
      });

    const result = await runSurveyHousekeeping(new Date("2022-07-01T03:00:00Z"));
    expect(result.anonymised).toBe(1);
    const remaining = await db.surveyResponse.findMany({
      where: { cycleId: cycle.id },
      include: { protectedAnswers: true },
    });
    expect(remaining).toHaveLength(1);
    const after = remaining[0];
    // a fresh id and no timestamps of its own: nothing in the audit log leads back to the business
    expect(after.id).not.toBe(kept.id);
    const audited = await db.auditLog.findMany({ select: { entityId: true } });
    expect(audited.some((a) => remaining.some((r) => r.id === a.entityId))).toBe(false);
    expect(after.consentGivenAt).toBeNull();
    expect(after.submittedAt).toBeNull();
    expect(after.createdAt.getTime()).toBe(new Date("2022-07-01T03:00:00Z").getTime());
    expect(after.updatedAt.getTime()).toBe(new Date("2022-07-01T03:00:00Z").getTime());
    expect(await db.surveyResponse.count({ where: { id: kept.id } })).toBe(0);
    expect(await db.surveyProtectedAnswers.count({ where: { responseId: kept.id } })).toBe(0);
    expect(after).toMatchObject({
      organisationId: null,
      respondentUserId: null,
      // the report's "Agreed to be contacted" table reads the same before and after
      contactConsent: true,
      contactConsentAnswer: "YES",
      contactName: null,
      contactEmail: null,
      councilCouldDo: null,
      barriersOther: null,
      status: "SUBMITTED",
      derivedSize: "SMALL",
      barriers: ["TOO_MUCH_PAPERWORK"],
      cycleId: cycle.id,
    });
    expect(after.anonymisedAt).toBeInstanceOf(Date);
    expect(after.protectedAnswers!.answers).toEqual({ sex: "FEMALE" });
    expect(await db.surveyResponse.count({ where: { id: unfinished.id } })).toBe(0);
    expect(await db.surveyInvitation.count({ where: { cycleId: cycle.id } })).toBe(0);
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).anonymisedAt).toBeInstanceOf(
      Date,
    );
    // the log says the cycle was anonymised, but not how many answered (council admins read it, decision 007)
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "survey.cycle.anonymise", entityId: cycle.id },
    });
    expect(entry.organisationId).toBe(council.id);
    expect(entry.details).toBeNull();
    // running again changes nothing
    expect((await runSurveyHousekeeping(new Date("2022-07-02T03:00:00Z"))).anonymised).toBe(0);
  });

  it("counts the retention period from the end of the closing day, or from a close by hand", async () => {
    const council = await db.organisation.create({
      data: { kind: "COUNCIL", name: "Retention Day Council", status: "VERIFIED" },
    });
    const closed = async (year: number, closesOn: string, closedAt?: string) => {
      const cycle = await createSurveyCycle({
        councilId: council.id,
        year,
        status: "CLOSED",
        opensOn: new Date(`${closesOn.slice(0, 4)}-01-01`),
        closesOn: new Date(closesOn),
        retentionMonths: 12,
      });
      if (closedAt)
        await db.surveyCycle.update({ where: { id: cycle.id }, data: { closedAt: new Date(closedAt) } });
      await createSurveyResponse({ cycleId: cycle.id, organisationId: world.supplier.id });
      return cycle.id;
    };
    const anonymised = async (id: string) =>
      (await db.surveyCycle.findUniqueOrThrow({ where: { id } })).anonymisedAt !== null;
    // answers could still be sent all through 31 January 2011: twelve months on is the end of 31 January 2012
    const ranItsCourse = await closed(2011, "2011-01-31");
    // closed by hand at 14:00 on its closing day: twelve months on is 14:00, not the start of that day
    const closedByHand = await closed(2012, "2011-03-15", "2011-03-15T14:00:00Z");
    await runSurveyHousekeeping(new Date("2012-01-31T12:00:00Z"));
    expect(await anonymised(ranItsCourse)).toBe(false);
    await runSurveyHousekeeping(new Date("2012-02-01T03:00:00Z"));
    expect(await anonymised(ranItsCourse)).toBe(true);
    await runSurveyHousekeeping(new Date("2012-03-15T03:00:00Z"));
    expect(await anonymised(closedByHand)).toBe(false);
    await runSurveyHousekeeping(new Date("2012-03-15T15:00:00Z"));
    expect(await anonymised(closedByHand)).toBe(true);
  });

  it("closes open cycles after their closing date", async () => {
    const council = await db.organisation.create({
      data: { kind: "COUNCIL", name: "Closing Council", status: "VERIFIED" },
    });
    const cycle = await createSurveyCycle({
      councilId: council.id,
      year: 2024,
      opensOn: new Date("2024-01-01"),
      closesOn: new Date("2024-02-01"),
    });
    const sent = await createSurveyResponse({
      cycleId: cycle.id,
      organisationId: world.supplier.id,
      protectedAnswers: { sex: "MALE" },
    });
    const unsent = await createSurveyResponse({
      cycleId: cycle.id,
      organisationId: world.otherSupplier.id,
      submitted: false,
      protectedAnswers: { sex: "FEMALE" },
    });
    await runSurveyHousekeeping(new Date("2024-02-01T20:00:00Z"));
    expect(await db.surveyResponse.count({ where: { id: unsent.id } })).toBe(1);
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).status).toBe("OPEN");
    await runSurveyHousekeeping(new Date("2024-02-03T02:00:00Z"));
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).status).toBe("CLOSED");
    // answers never sent do not wait out the retention period
    expect(await db.surveyResponse.count({ where: { id: unsent.id } })).toBe(0);
    expect(await db.surveyProtectedAnswers.count({ where: { responseId: unsent.id } })).toBe(0);
    expect(await db.surveyProtectedAnswers.count({ where: { responseId: sent.id } })).toBe(1);
    // logged as a close by hand is, with no one as the actor, once
    await runSurveyHousekeeping(new Date("2024-02-04T02:00:00Z"));
    const closes = await db.auditLog.findMany({
      where: { action: "survey.cycle.close", entityId: cycle.id },
    });
    expect(closes).toHaveLength(1);
    expect(closes[0]).toMatchObject({
      organisationId: council.id,
      actorUserId: null,
      details: { reason: "closing date passed" },
    });
  });

  it("closes a summer cycle as its closing day ends in London, not an hour later", async () => {
    const cycle = await createSurveyCycle({
      councilId: world.councilB.id,
      year: 2029,
      opensOn: new Date("2029-06-01"),
      closesOn: new Date("2029-07-01"),
    });
    await runSurveyHousekeeping(new Date("2029-07-01T22:30:00Z")); // 23:30 on 1 July in London
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).status).toBe("OPEN");
    await runSurveyHousekeeping(new Date("2029-07-01T23:30:00Z")); // 00:30 on 2 July in London
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).status).toBe("CLOSED");
  });
});

describe("who is eligible to be invited", () => {
  it("SME suppliers registered in the council's postcode areas, however the postcode is typed", async () => {
    const council = await createCouncil({ postcodeAreas: ["GU1", "sw1a"] });
    const supplier = (
      registeredPostcode: string,
      extra: Partial<Parameters<typeof createOrganisation>[0]> = {},
    ) => createOrganisation({ kind: "SUPPLIER", councilId: council.id, registeredPostcode, ...extra });
    const compact = await supplier("gu13uw");
    const spaced = await supplier("SW1A  1AA");
    const elsewhere = await supplier("RH1 1AA");
    const large = await supplier("GU1 2BB", { businessSize: "LARGE", staffHeadcount: 400 });
    const rejected = await supplier("GU1 3CC", { status: "REJECTED" });
    const ids = (await eligibleSuppliers(council.id)).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([compact.id, spaced.id]));
    for (const excluded of [elsewhere, large, rejected]) expect(ids).not.toContain(excluded.id);
  });

  it("the council's area is the postcode areas of its districts, as its officers keep them", async () => {
    const council = await createCouncil({ postcodeAreas: [] });
    await createDistrict(council.id, unique("Reigate"), ["RH1", "rh2"]);
    const retired = await createDistrict(council.id, unique("Old"), ["KT1"]);
    await db.district.update({ where: { id: retired.id }, data: { active: false } });
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2032 });
    const inDistrict = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "RH2 9AA",
    });
    const inRetired = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "KT1 1AA",
    });
    const rejected = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "RH1 1AA",
      status: "REJECTED",
    });
    const ids = (await eligibleSuppliers(council.id)).map((s) => s.id);
    expect(ids).toContain(inDistrict.id);
    expect(ids).not.toContain(inRetired.id);
    expect((await cyclesOpenTo(inDistrict.id)).map((c) => c.id)).toContain(cycle.id);
    expect((await cyclesOpenTo(inRetired.id)).map((c) => c.id)).not.toContain(cycle.id);
    // not even an emailed invitation lets a rejected supplier answer
    await db.surveyInvitation.create({
      data: {
        cycleId: cycle.id,
        organisationId: rejected.id,
        email: "r@example.test",
        tokenHash: unique("hash"),
      },
    });
    expect(await cyclesOpenTo(rejected.id)).toEqual([]);
  });
});

describe("a cycle with fewer than 5 answers", () => {
  it("sends the page and the CSV only '<5' for how many answered, never the exact number", async () => {
    const small = (await createSurveyCycle({ councilId: world.councilA.id, year: 2031, status: "CLOSED" }))
      .id;
    await respondents(small, 3, () => ({
      cycleId: small,
      organisationId: "",
      protectedAnswers: { sex: "FEMALE" },
    }));
    const page = await callLoader(report.loader, { path: "/x", params: { cycleId: small }, cookie });
    const data = (await page.json()) as { respondents: unknown; previousRespondents: unknown };
    expect(data.respondents).toBe("<5");
    // the year before is shown the same way (a number as text, or "<5")
    expect(data.previousRespondents).toMatch(/^(<5|\d+)$/);
    const csv = await callLoader(aggregateCsv.loader, { path: "/x", params: { cycleId: small }, cookie });
    expect(await csv.text()).toContain("Responses,Total,<5");
    expect((data as { comments?: unknown }).comments).toBeNull(); // nor what they wrote
    const cycleData = (await (
      await callLoader(cyclePage.loader, { path: "/x", params: { cycleId: small }, cookie })
    ).json()) as { rates: { submitted: unknown; rate: unknown } };
    expect(cycleData.rates).toMatchObject({ submitted: "<5", rate: null }); // nor the cycle's own page
    const audit = await db.auditLog.findMany({ where: { entityId: small } });
    expect(JSON.stringify(audit)).not.toMatch(/"responses":\s*3/);
  });
});

describe("what businesses wrote in their own words", () => {
  it("reaches the council in alphabetical order, in the report and its CSV, and never from a small cycle", async () => {
    const cycle = (await createSurveyCycle({ councilId: world.councilA.id, year: 2033, status: "CLOSED" }))
      .id;
    await respondents(cycle, 6, () => ({ cycleId: cycle, organisationId: "", protectedAnswers: {} }));
    const rows = await db.surveyResponse.findMany({ where: { cycleId: cycle }, orderBy: { id: "asc" } });
    const said = [
      { councilCouldDo: "Smaller lots, please", barriersOther: "Insurance levels" },
      { councilCouldDo: "Pay within 30 days", barriersOther: null },
      { councilCouldDo: "   ", barriersOther: null },
    ];
    for (const [index, answer] of said.entries())
      await db.surveyResponse.update({ where: { id: rows[index].id }, data: answer });
    const data = (await (
      await callLoader(report.loader, { path: "/x", params: { cycleId: cycle }, cookie })
    ).json()) as { comments: { councilCouldDo: string[]; barriersOther: string[] } };
    expect(data.comments).toEqual({
      councilCouldDo: ["Pay within 30 days", "Smaller lots, please"],
      barriersOther: ["Insurance levels"],
    });
    const csv = await (
      await callLoader(aggregateCsv.loader, { path: "/x", params: { cycleId: cycle }, cookie })
    ).text();
    expect(csv).toContain("What the council could do (in the business's words),Pay within 30 days");
    expect(csv).toContain("Other barriers (in the business's words),Insurance levels");
  });

  it("leaves out a business that ticked 'Prefer not to say': that is an answer, not something it wrote", async () => {
    const cycle = (await createSurveyCycle({ councilId: world.councilA.id, year: 2034, status: "CLOSED" }))
      .id;
    await respondents(cycle, 6, () => ({ cycleId: cycle, organisationId: "", protectedAnswers: {} }));
    const rows = await db.surveyResponse.findMany({ where: { cycleId: cycle }, orderBy: { id: "asc" } });
    await db.surveyResponse.update({ where: { id: rows[0].id }, data: { councilCouldDo: "Smaller lots" } });
    await db.surveyResponse.update({
      where: { id: rows[1].id },
      data: { councilCouldDo: "PREFER_NOT_TO_SAY" },
    });
    const data = (await (
      await callLoader(report.loader, { path: "/x", params: { cycleId: cycle }, cookie })
    ).json()) as { comments: { councilCouldDo: string[] } };
    expect(data.comments.councilCouldDo).toEqual(["Smaller lots"]);
    const csv = await (
      await callLoader(aggregateCsv.loader, { path: "/x", params: { cycleId: cycle }, cookie })
    ).text();
    expect(csv).toContain("What the council could do (in the business's words),Smaller lots");
    expect(csv).not.toContain("PREFER_NOT_TO_SAY");
  });
});
