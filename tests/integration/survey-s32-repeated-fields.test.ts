// A survey, cycle, guidance or settings form posted with a field twice (name=a&name=b, from a broken or hostile
// client). Conform read the field as a list: a radio answer or a date was refused with "Select an answer from the
// list" or "Enter … as a real date" though it had been answered, and a text field came back reading "a,b". These
// forms now keep the first answer in the field and say on it that different answers were sent, writing nothing;
// the same answer twice goes through, and a question that takes several answers (checkboxes) still takes them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { SENT_TWICE } from "~/server/parse-form.server.ts";
import {
  createCouncil,
  createGuidancePage,
  createMember,
  createSurveyCycle,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { postPage, renderPage } from "../helpers/render-page.ts";
import { errorOn, sent, shownIn, type Pairs } from "../helpers/sent-twice.ts";
import { respondentInArea } from "../helpers/survey-respondent.ts";

beforeAll(async () => {
  await renderPage("/");
});

// the choices ticked among a radio question's or checkboxes' inputs
const checked = (html: string, field: string) =>
  [...html.matchAll(new RegExp(`<input[^>]*name="${field}"[^>]*>`, "g"))]
    .map(([input]) => input)
    .filter((input) => /\schecked=""/.test(input))
    .map((input) => input.match(/value="([^"]+)"/)![1]);

async function expectRefused(response: Response, field: string) {
  expect(response.status).toBe(400);
  const html = await response.text();
  expect(errorOn(html, field)).toContain(SENT_TWICE);
  expect(html).not.toMatch(/value="[^"]*,[^"]*"/);
  return html;
}

describe("a survey question page", () => {
  const sizes = (staff: string[]): Pairs => [
    ...staff.map((band): [string, string] => ["staffHeadcountBand", band]),
    ["turnoverBand", "UP_TO_2M"],
    ["balanceSheetBand", "UP_TO_2M"],
    ["intent", "continue"],
  ];
  const sizeSaved = async (organisationId: string) =>
    (await db.surveyResponse.findFirstOrThrow({ where: { organisationId } })).staffHeadcountBand;

  it("refuses a radio answer sent twice with different choices, keeping the first ticked and saving nothing", async () => {
    const { business, cookie, base } = await respondentInArea("ZS4", { consented: true });
    const response = await postPage(`${base}/questions/business-size`, sent(sizes(["0_9", "10_49"])), cookie);
    const html = await expectRefused(response, "staffHeadcountBand");
    expect(checked(html, "staffHeadcountBand")).toEqual(["0_9"]);
    expect(await sizeSaved(business.id)).toBeNull();
  });

  it("saves a radio answer sent twice with the same choice", async () => {
    const { business, cookie, base } = await respondentInArea("ZS4", { consented: true });
    const response = await postPage(`${base}/questions/business-size`, sent(sizes(["0_9", "0_9"])), cookie);
    expect(response.status).toBe(302);
    expect(await sizeSaved(business.id)).toBe("0_9");
  });

  it("still takes several ticked boxes on a question that asks for all that apply", async () => {
    const { business, cookie, base } = await respondentInArea("ZS4", { consented: true });
    const response = await postPage(
      `${base}/questions/barriers`,
      sent([
        ["barriers", "PAYMENT_TERMS"],
        ["barriers", "NO_FEEDBACK"],
        ["intent", "continue"],
      ]),
      cookie,
    );
    expect(response.status).toBe(302);
    const saved = await db.surveyResponse.findFirstOrThrow({ where: { organisationId: business.id } });
    expect(saved.barriers).toEqual(["PAYMENT_TERMS", "NO_FEEDBACK"]);
  });
});

describe("the council's survey forms", () => {
  const officer = async () => {
    const council = await createCouncil();
    const user = await createMember(council.id, "OFFICER", { surveyAccess: true });
    return { council, cookie: await sessionCookieFor(user.id) };
  };
  const cycleAnswers = (dpia: string[]): Pairs => [
    ["opensOn", "2044-03-01"],
    ["closesOn", "2044-04-30"],
    ["privacyNotice", "We use your answers to plan how we buy from small businesses."],
    ...dpia.map((reference): [string, string] => ["dpiaReference", reference]),
    ["retentionMonths", "24"],
  ];

  const openSurvey = (cookie: string, dpia: string[]) =>
    postPage("/council/survey/new", sent(cycleAnswers(dpia)), cookie);

  it("opens no survey when a field is sent twice with different answers, and keeps the first in the field", async () => {
    const { council, cookie } = await officer();
    const html = await expectRefused(await openSurvey(cookie, ["DPIA-S32-A", "DPIA-S32-B"]), "dpiaReference");
    expect(shownIn(html, "dpiaReference")).toBe("DPIA-S32-A");
    expect(await db.surveyCycle.count({ where: { councilId: council.id } })).toBe(0);
  });

  it("opens the survey when a field is sent twice with the same answer", async () => {
    const { council, cookie } = await officer();
    expect((await openSurvey(cookie, ["DPIA-S32-A", "DPIA-S32-A"])).status).toBe(302);
    expect(await db.surveyCycle.findFirstOrThrow({ where: { councilId: council.id } })).toMatchObject({
      dpiaReference: "DPIA-S32-A",
    });
  });

  it("changes nothing in a survey when its closing date is sent twice with different days", async () => {
    const { council, cookie } = await officer();
    const cycle = await createSurveyCycle({
      councilId: council.id,
      year: 2045,
      opensOn: new Date("2045-03-01"),
      closesOn: new Date("2045-04-30"),
    });
    const edit = (closes: string[]) =>
      postPage(
        `/council/survey/${cycle.id}/edit`,
        sent([
          ["opensOn", "2045-03-01"],
          ...closes.map((day): [string, string] => ["closesOn", day]),
          ["privacyNotice", cycle.privacyNotice],
          ["dpiaReference", cycle.dpiaReference],
          ["retentionMonths", String(cycle.retentionMonths)],
        ]),
        cookie,
      );
    const html = await expectRefused(await edit(["2045-05-31", "2045-06-30"]), "closesOn");
    expect(shownIn(html, "closesOn")).toBe("2045-05-31");
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).closesOn).toEqual(
      new Date("2045-04-30"),
    );

    expect((await edit(["2045-05-31", "2045-05-31"])).status).toBe(302);
    expect((await db.surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } })).closesOn).toEqual(
      new Date("2045-05-31"),
    );
  });

  it("sends no invitation when the address is sent twice with different answers", async () => {
    const { council, cookie } = await officer();
    const cycle = await createSurveyCycle({ councilId: council.id, year: 2026 });
    const response = await postPage(
      `/council/survey/${cycle.id}`,
      sent([
        ["intent", "invite-email"],
        ["email", "asha@example.test"],
        ["email", "bea@example.test"],
      ]),
      cookie,
    );
    const html = await expectRefused(response, "email");
    expect(shownIn(html, "email")).toBe("asha@example.test");
    expect(await db.surveyInvitation.count({ where: { cycleId: cycle.id } })).toBe(0);
  });
});

describe("a council's guidance page and settings", () => {
  const admin = async () => {
    const council = await createCouncil();
    const user = await createMember(council.id, "ADMIN");
    return { council, cookie: await sessionCookieFor(user.id) };
  };

  it("saves nothing on a guidance page whose title is sent twice with different answers; the same title twice is saved", async () => {
    const { council, cookie } = await admin();
    const page = await createGuidancePage({ councilId: council.id, title: "How it works" });
    const save = (titles: string[]) =>
      postPage(
        `/council/guidance/${page.id}`,
        sent([
          ["intent", "save"],
          ...titles.map((title): [string, string] => ["title", title]),
          ["slug", page.slug],
          ["audience", "EVERYONE"],
          ["bodyMarkdown", page.bodyMarkdown],
          ["published", "on"],
        ]),
        cookie,
      );
    const html = await expectRefused(await save(["How pledging works", "How bidding works"]), "title");
    expect(shownIn(html, "title")).toBe("How pledging works");
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } })).title).toBe("How it works");

    expect((await save(["How pledging works", "How pledging works"])).status).toBe(302);
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } })).title).toBe(
      "How pledging works",
    );
  });

  it("saves no settings when the council's name is sent twice with different answers; the same name twice is saved", async () => {
    const { council, cookie } = await admin();
    const save = (names: string[]) =>
      postPage(
        "/council/settings",
        sent([
          ["councilId", council.id],
          ...names.map((name): [string, string] => ["councilName", name]),
          ["returnDueDays", "30"],
          ["reminderDaysBefore", "7"],
          ["overdueReminderDays", "7"],
          ["brandColour", "#1d3d7a"],
          ["proxyValueSource", ""],
        ]),
        cookie,
      );
    const html = await expectRefused(await save(["Northshire S32", "Southshire S32"]), "councilName");
    expect(shownIn(html, "councilName")).toBe("Northshire S32");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: council.id } })).name).toBe(council.name);

    expect((await save(["Northshire S32", "Northshire S32"])).status).toBe(302);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: council.id } })).name).toBe(
      "Northshire S32",
    );
  });
});
