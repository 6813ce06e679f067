// A CSV download refused (another council's report, another council's or a missing survey cycle) answered a person
// who followed the link with the bare words "Not found" in place of a page. The person is now sent to the page the
// download belongs to, which refuses in the portal's own layout: "Page not found" with the header and footer. A
// program asking for the file alone still gets a plain 404, and the download still works for whoever may have it.
// Both refusals say they depend on Accept (Vary), so no cache gives one's answer to the other.
//
// Session 48: a return's evidence file is such a download too. Refused to a person, it sends them to the return's
// page when the return is on a contract of theirs (the council, for a file of a draft it may not have yet), and to
// the Page not found page otherwise, naming no return to someone who may not see it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, createSurveyCycle, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { createReturnsWorld, uploadEvidence } from "./returns-world.ts";

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
    // and no cache keeps it: once the person may have the file, the link must give it
    expect(first.headers.get("cache-control"), what).toMatch(/\bno-store\b/);
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
    expect(response.headers.get("cache-control"), what).toMatch(/\bno-store\b/);
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

evidenceFolderForTests("svm-evidence-refused-", { emptyBeforeEach: false });

let w: Awaited<ReturnType<typeof createReturnsWorld>>;
let sent: string;
let draft: string;

const upload = async (name: string, intent: "save" | "submit") =>
  (await uploadEvidence(w, name, { submit: intent === "submit" })).id;

beforeAll(async () => {
  w = await createReturnsWorld();
  sent = await upload("timesheets.pdf", "submit");
  // added once the return was sent: the council may not have it until it is sent again (it never is here)
  await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "QUERIED" } });
  draft = await upload("sign-in sheets.pdf", "save");
});

describe("an evidence file refused to a person following its link", () => {
  it.each([
    ["an officer of another council", () => w.cookies.officerB, () => sent],
    ["another supplier", () => w.cookies.otherSupplierOwner, () => sent],
    ["anyone, for a file that does not exist", () => w.cookies.officerA, () => "no-such-file"],
  ])("%s is shown Page not found, and told of no return", async (who, cookie, id) => {
    const first = await renderPage(`/evidence/${id()}`, cookie(), BROWSER);
    expect(first.status, who).toBe(303);
    expect(first.headers.get("vary"), who).toMatch(/\bAccept\b/i);
    expect(first.headers.get("cache-control"), who).toMatch(/\bno-store\b/);
    expect(first.headers.get("location"), who).toBe("/evidence");
    const page = await renderPage("/evidence", cookie(), BROWSER);
    expect(page.status, who).toBe(404);
    const html = await page.text();
    expect(html, who).toContain("<title>Page not found – Social Value Marketplace</title>");
    expect(html, who).toContain("<header");
    expect(html, who).not.toContain(w.kpiReturn.id);
  });

  it("the council's officer is shown the return, with the files the supplier has sent it", async () => {
    const first = await renderPage(`/evidence/${draft}`, w.cookies.officerA, BROWSER);
    expect(first.status).toBe(303);
    expect(first.headers.get("cache-control")).toMatch(/\bno-store\b/);
    expect(first.headers.get("location")).toBe(`/returns/${w.kpiReturn.id}`);
    const page = await renderPage(first.headers.get("location")!, w.cookies.officerA, BROWSER);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`href="/evidence/${sent}"`);
    expect(html).not.toContain(`/evidence/${draft}`);
  });

  it.each([
    ["an officer of another council", () => w.cookies.officerB, () => sent],
    ["the council's officer, for a file not sent to it", () => w.cookies.officerA, () => draft],
  ])("%s stays a plain 404 for a program asking for the file", async (who, cookie, id) => {
    const response = await renderPage(`/evidence/${id()}`, cookie(), { accept: "*/*" });
    expect(response.status, who).toBe(404);
    expect(response.headers.get("vary"), who).toMatch(/\bAccept\b/i);
    expect(response.headers.get("cache-control"), who).toMatch(/\bno-store\b/);
  });

  it.each([
    ["the supplier, a file of its draft", () => w.cookies.supplierMember, () => draft],
    ["the council's officer, a file sent to it", () => w.cookies.officerA, () => sent],
  ])("%s still downloads it following the link", async (who, cookie, id) => {
    const response = await renderPage(`/evidence/${id()}`, cookie(), BROWSER);
    expect(response.status, who).toBe(200);
    expect(response.headers.get("content-disposition"), who).toMatch(/^attachment;/);
  });
});

// A `download` link is sent with no Accept header (Chromium), so a refused one was a silently failed download: no
// link of the portal's pages to a download carries it, and each such link still names what it downloads.
describe("the portal's links to its downloads", () => {
  const withDownloadAttribute = (html: string, href: string) => {
    const links = [...html.matchAll(/<a\b[^>]*>/g)]
      .map(([tag]) => tag)
      .filter((tag) => tag.includes(`href="${href}"`));
    expect(links.length, `a link to ${href}`).toBeGreaterThan(0);
    return links.filter((tag) => /\sdownload(=|\s|>)/.test(tag));
  };

  const links: [what: string, page: string, cookie: () => string | undefined, href: () => string][] = [
    ["the impact page's open data", "/impact", () => undefined, () => "/impact/data.csv"],
    [
      "the account page's copy of your data",
      "/account",
      () => w.cookies.supplierOwner,
      () => "/account/data",
    ],
    [
      "the deletion page's copy of your data",
      "/account/delete",
      () => w.cookies.supplierOwner,
      () => "/account/data",
    ],
    [
      "the supplier's return form's file",
      "/returns/:id",
      () => w.cookies.supplierOwner,
      () => `/evidence/${draft}`,
    ],
    [
      "the council's view of a sent file",
      "/returns/:id",
      () => w.cookies.officerA,
      () => `/evidence/${sent}`,
    ],
  ];

  it.each(links)("%s is a plain link", async (what, page, cookie, href) => {
    const response = await renderPage(page.replace(":id", w.kpiReturn.id), cookie(), BROWSER);
    expect(response.status, what).toBe(200);
    expect(withDownloadAttribute(await response.text(), href()), what).toEqual([]);
  });
});
