// Found in review: the survey's officer pages, with a person who runs the survey for two councils.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";
import { db } from "~/db.server.ts";
import { londonDayIso } from "~/domain/survey/schemas.ts";
import * as newCycle from "~/routes/council.survey.new.tsx";
import { addMember, createCouncil, createUser, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let first: { id: string };
let second: { id: string };
let session: string;
const workingFor = (councilId: string) => `${session}; ${ORGANISATION_COOKIE}=${councilId}`;
const inDays = (days: number) => londonDayIso(new Date(Date.now() + days * 24 * 60 * 60 * 1000));

beforeAll(async () => {
  first = await createCouncil({ name: unique("First council") });
  second = await createCouncil({ name: unique("Second council") });
  const officer = await createUser();
  await addMember(first.id, officer.id, "OFFICER", true);
  await addMember(second.id, officer.id, "OFFICER", true);
  session = await sessionCookieFor(officer.id);
});

// URL-encoded, as a browser sends the form
const openSurvey = (cookie: string, year: number, shownFor?: string) =>
  callAction(newCycle.action, {
    path: "/council/survey/new",
    cookie,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      year: String(year),
      opensOn: inDays(0),
      closesOn: inDays(30),
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
