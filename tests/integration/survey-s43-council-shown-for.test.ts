// Found in review (session 43): the survey list and "Open a survey" act for the council the page is shown for, as
// every other council page does (decision 027), for an officer who runs the survey for two councils.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";
import { db } from "~/db.server.ts";
import * as newCycle from "~/routes/council.survey.new/route.tsx";
import {
  addMember,
  createCouncil,
  createSurveyCycle,
  createUser,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

let first: { id: string; name: string };
let second: { id: string; name: string };
let withoutAccess: { id: string; name: string };
let other: { id: string; name: string };
let session: string;
const workingFor = (councilId: string) => `${session}; ${ORGANISATION_COOKIE}=${councilId}`;

beforeAll(async () => {
  first = await createCouncil({ name: unique("First council") });
  second = await createCouncil({ name: unique("Second council") });
  withoutAccess = await createCouncil({ name: unique("No survey council") });
  other = await createCouncil({ name: unique("Other council") });
  const officer = await createUser();
  await addMember(first.id, officer.id, "OFFICER", true);
  await addMember(second.id, officer.id, "OFFICER", true);
  await addMember(withoutAccess.id, officer.id, "OFFICER", false);
  session = await sessionCookieFor(officer.id);
  await createSurveyCycle({ councilId: first.id, year: 2025 });
  await createSurveyCycle({ councilId: second.id, year: 2024 });
});

// URL-encoded, as a browser sends the form
const openSurvey = (path: string, cookie: string, year: number, shownFor?: string) =>
  callAction(newCycle.action, {
    path,
    cookie,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      opensOn: `${year}-03-01`,
      closesOn: `${year}-03-31`,
      privacyNotice: "We use your answers to plan supplier engagement.",
      dpiaReference: "DPIA-43",
      retentionMonths: "24",
      ...(shownFor ? { [SWITCHER_FIELD]: shownFor } : {}),
    }).toString(),
  });

const councilsOpenedIn = async (year: number) =>
  (await db.surveyCycle.findMany({ where: { year }, select: { councilId: true } })).map((c) => c.councilId);

describe("the survey list opened for a council its address names", () => {
  it("lists that council's surveys and links to opening one for it, whatever the switcher is on", async () => {
    const response = await renderPage(`/council/survey?council=${first.id}`, workingFor(second.id));
    expect(response.status).toBe(200);
    const html = (await response.text()).replace(/<!-- -->/g, "");
    expect(html).toContain(first.name);
    expect(html).toContain(">2025</a>");
    expect(html).not.toContain(">2024</a>");
    expect(html).toContain(`href="/council/survey/new?council=${first.id}"`);
  });

  it("names the switcher's council in its link when opened without one", async () => {
    const html = await (await renderPage("/council/survey", workingFor(second.id))).text();
    expect(html).toContain(">2024</a>");
    expect(html).toContain(`href="/council/survey/new?council=${second.id}"`);
  });
});

describe("'Open a survey' for the council the page was shown for", () => {
  it("sends its form to an address naming that council, and links back to its list", async () => {
    const html = (
      await (await renderPage(`/council/survey/new?council=${first.id}`, workingFor(second.id))).text()
    ).replace(/<!-- -->/g, "");
    expect(html).toContain(first.name);
    expect(html).toContain(`action="/council/survey/new?council=${first.id}"`);
    expect(html).toContain(`href="/council/survey?council=${first.id}"`);
  });

  it("names the council it was shown for in its form when opened without one", async () => {
    const html = await (await renderPage("/council/survey/new", workingFor(second.id))).text();
    expect(html).toContain(`action="/council/survey/new?council=${second.id}"`);
  });

  it("opens the survey for the council the address names, though the switcher and header moved on", async () => {
    const sent = await openSurvey(
      `/council/survey/new?council=${first.id}`,
      workingFor(second.id),
      2041,
      second.id,
    );
    expect(sent.status).toBe(302);
    expect(await councilsOpenedIn(2041)).toEqual([first.id]);
  });

  it("opens none for a council the officer does not work for (404)", async () => {
    const page = await renderPage(`/council/survey/new?council=${other.id}`, workingFor(first.id));
    expect(page.status).toBe(404);
    const sent = await openSurvey(
      `/council/survey/new?council=${other.id}`,
      workingFor(first.id),
      2042,
      first.id,
    );
    expect(sent.status).toBe(404);
    expect(await councilsOpenedIn(2042)).toEqual([]);
  });

  it("opens none for one of their councils where they have no survey access, and says who can give it (403)", async () => {
    const sent = await openSurvey(
      `/council/survey/new?council=${withoutAccess.id}`,
      workingFor(first.id),
      2043,
      first.id,
    );
    expect(sent.status).toBe(403);
    expect(await councilsOpenedIn(2043)).toEqual([]);
  });

  it("opens none when the page was shown for a council the officer has since left (403)", async () => {
    const sent = await openSurvey("/council/survey/new", workingFor(second.id), 2044, other.id);
    expect(sent.status).toBe(403);
    expect(await councilsOpenedIn(2044)).toEqual([]);
  });
});
