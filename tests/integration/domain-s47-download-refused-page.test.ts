// A CSV download refused (another council's report, another council's or a missing survey cycle) answered a person
// who followed the link with the bare words "Not found" in place of a page. The person is now sent to the page the
// download belongs to, which refuses in the portal's own layout: "Page not found" with the header and footer. A
// program asking for the file alone still gets a plain 404, and the download still works for whoever may have it.
// Both refusals say they depend on Accept (Vary), so no cache gives one's answer to the other.
import { beforeAll, describe, expect, it } from "vitest";
import { createMember, createSurveyCycle, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

const BROWSER = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
let world: Awaited<ReturnType<typeof createWorld>>;
let otherCouncilOfficer: string;
let surveyOfficer: string;
let cycleId: string;

beforeAll(async () => {
  world = await createWorld();
  otherCouncilOfficer = await sessionCookieFor(
    (await createMember(world.councilB.id, "OFFICER", { surveyAccess: true })).id,
  );
  surveyOfficer = await sessionCookieFor(
    (await createMember(world.councilA.id, "OFFICER", { surveyAccess: true })).id,
  );
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id, status: "CLOSED" })).id;
});

const refusals: [string, () => string][] = [
  [
    "another council's departmental report",
    () => `/council/reports/departmental.csv?quarter=2026-Q3&council=${world.councilA.id}`,
  ],
  ["another council's survey report", () => `/council/survey/${cycleId}/aggregate.csv`],
  ["another council's survey contacts", () => `/council/survey/${cycleId}/contacts.csv`],
  ["a missing cycle's survey report", () => "/council/survey/no-such-cycle/aggregate.csv"],
  ["a missing cycle's survey contacts", () => "/council/survey/no-such-cycle/contacts.csv"],
];

describe("a CSV download refused to a person following its link", () => {
  it.each(refusals)("%s shows the portal's Page not found page", async (what, path) => {
    const first = await renderPage(path(), otherCouncilOfficer, BROWSER);
    expect(first.status, what).toBe(303);
    // the answer depends on Accept: a cache must not give this redirect to a program, nor a program's 404 here
    expect(first.headers.get("vary"), what).toMatch(/\bAccept\b/i);
    const location = first.headers.get("location")!;
    expect(location, what).not.toContain(".csv");
    const page = await renderPage(location, otherCouncilOfficer, BROWSER);
    expect(page.status, what).toBe(404);
    expect(page.headers.get("content-type"), what).toContain("text/html");
    const html = await page.text();
    expect(html, what).toContain("<title>Page not found – Social Value Marketplace</title>");
    expect(html, what).toMatch(/<h1[^>]*>Page not found<\/h1>/);
    expect(html, what).toContain("<header");
    expect(html, what).not.toContain(world.councilA.name);
  });

  it.each(refusals)("%s stays a plain 404 for a program asking for the file", async (what, path) => {
    const response = await renderPage(path(), otherCouncilOfficer, { accept: "text/csv" });
    expect(response.status, what).toBe(404);
    expect(response.headers.get("vary"), what).toMatch(/\bAccept\b/i);
  });

  it.each([
    [
      "departmental report",
      () => `/council/reports/departmental.csv?quarter=2026-Q3&department=&council=${world.councilA.id}`,
    ],
    ["survey report", () => `/council/survey/${cycleId}/aggregate.csv`],
    ["survey contacts", () => `/council/survey/${cycleId}/contacts.csv`],
  ])("still downloads the %s for whoever may have it", async (_what, path) => {
    const response = await renderPage(path(), surveyOfficer, BROWSER);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
  });
});
