// A business's survey pages past the first were titled only "<page> – Supplier diversity survey", and a council's
// survey pages "Supplier survey 2026": someone answering for two businesses, or working for two councils, could not
// tell their tabs or history apart (WCAG 2.4.2). Each now names its survey's year and council and, for a business's
// pages, the business; the council's pages name the council.
import { beforeAll, describe, expect, it } from "vitest";
import { createMember, createSurveyCycle, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { respondentInArea } from "../helpers/survey-respondent.ts";

const SITE = "Social Value Marketplace";
let survey: Awaited<ReturnType<typeof respondentInArea>>;
let officer = "";
let closedCycleId = "";

beforeAll(async () => {
  await renderPage("/");
  survey = await respondentInArea("ZV8", { consented: true });
  officer = await sessionCookieFor(
    (await createMember(survey.council.id, "OFFICER", { surveyAccess: true })).id,
  );
  closedCycleId = (await createSurveyCycle({ councilId: survey.council.id, year: 2025, status: "CLOSED" }))
    .id;
});

const titleOf = async (location: string, cookie: string) => {
  const response = await renderPage(location, cookie);
  expect(response.status, location).toBe(200);
  return [...(await response.text()).matchAll(/<title>([^<]*)<\/title>/g)].map((m) =>
    m[1]!.replaceAll("&#x27;", "'"),
  );
};

describe("a business's survey pages", () => {
  const named = () =>
    `Supplier diversity survey 2026: ${survey.council.name} – ${survey.business.name} – ${SITE}`;
  it.each([
    ["the survey", "", ""],
    ["a question", "/questions/business-size", "About your business's size – "],
    ["check your answers", "/check-answers", "Check your answers – "],
    ["not sent yet", "/confirmation", "Your answers have not been sent – "],
    ["deleting the answers", "/withdraw", "Delete your answers – "],
  ])("%s names the survey, its council and the business", async (_, page, before) => {
    expect(await titleOf(`/survey/${survey.cycle.id}${page}`, survey.cookie)).toEqual([
      `${before}${named()}`,
    ]);
  });

  it("the list of surveys names the business", async () => {
    expect(await titleOf("/survey", survey.cookie)).toEqual([
      `Supplier diversity survey – ${survey.business.name} – ${SITE}`,
    ]);
  });
});

describe("a council's survey pages", () => {
  it.each([
    ["the list", () => "/council/survey", () => `Supplier diversity surveys – ${survey.council.name}`],
    ["a new survey", () => "/council/survey/new", () => `Open a survey – ${survey.council.name}`],
    [
      "a survey",
      () => `/council/survey/${survey.cycle.id}`,
      () => `Supplier survey 2026 – ${survey.council.name}`,
    ],
    [
      "a survey's dates",
      () => `/council/survey/${survey.cycle.id}/edit`,
      () => `Change the 2026 survey – ${survey.council.name}`,
    ],
    [
      "a survey's report",
      () => `/council/survey/${closedCycleId}/report`,
      () => `Supplier survey 2025 report – ${survey.council.name}`,
    ],
  ])("%s names the council", async (_, location, title) => {
    expect(await titleOf(location(), officer)).toEqual([`${title()} – ${SITE}`]);
  });
});
