// The last bare answers a person could get from a download's link (session 48, round 2).
//
// An address naming two councils (`?council=a&council=b`) made every download answer the "Choose one council" 400 as
// raw JSON, as only a 404 (and the survey's 403) was turned into the portal's page. A person who followed such a link
// is now sent to the download's page with the same address, which refuses it in the portal's layout; a program still
// gets the JSON refusal. And an evidence file missing from storage answered a person with the bare words "This file
// is no longer available" (410): they are now sent back to the return's page, which says so in its notice.
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { downloadRefusedToPage } from "~/auth/download-refusal.server.ts";
import { forbidden } from "~/auth/permissions.server.ts";
import { routeRefusalText } from "~/ui/error-text.ts";
import { createMember, createSurveyCycle, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, readableText, renderPage } from "../helpers/render-page.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { createReturnsWorld, uploadEvidence } from "./returns-world.ts";

const BROWSER = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
const SITE = "Social Value Marketplace";
const folder = evidenceFolderForTests("svm-evidence-s48-r2-", { emptyBeforeEach: false });

let world: Awaited<ReturnType<typeof createWorld>>;
let w: Awaited<ReturnType<typeof createReturnsWorld>>;
let officer: string;
let cycleId: string;
let kept: string;
let lost: string;

const upload = (name: string) => uploadEvidence(w, name);

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(
    (await createMember(world.councilA.id, "OFFICER", { surveyAccess: true })).id,
  );
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id, status: "CLOSED" })).id;
  w = await createReturnsWorld();
  kept = (await upload("timesheets.pdf")).id;
  const gone = await upload("sign-in sheets.pdf");
  await fs.rm(path.join(folder.root, gone.storageKey));
  lost = gone.id;
});

// each download, the page it belongs to, and who follows its link
const downloads: [what: string, download: () => string, page: () => string, cookie: () => string][] = [
  [
    "the departmental report",
    () => "/council/reports/departmental.csv",
    () => "/council/reports",
    () => officer,
  ],
  [
    "the survey report",
    () => `/council/survey/${cycleId}/aggregate.csv`,
    () => `/council/survey/${cycleId}/report`,
    () => officer,
  ],
  [
    "the survey contacts",
    () => `/council/survey/${cycleId}/contacts.csv`,
    () => `/council/survey/${cycleId}/report`,
    () => officer,
  ],
  // the returns list, not the return's page: the file's return is not looked up for an address refused unread
  ["a return's evidence file", () => `/evidence/${kept}`, () => "/returns", () => w.cookies.supplierOwner],
];

const twoCouncils = () =>
  `?${new URLSearchParams([
    ["quarter", "2026-Q3"],
    ["council", world.councilA.id],
    ["council", world.councilB.id],
  ])}`;

describe("a download's address naming two councils", () => {
  it.each(downloads)(
    "(%s) sends a person to its page with the same address, refused in the layout",
    async (what, download, page, cookie) => {
      const first = await renderPage(download() + twoCouncils(), cookie(), BROWSER);
      expect(first.status, what).toBe(303);
      expect(first.headers.get("location"), what).toBe(page() + twoCouncils());
      expect(first.headers.get("vary"), what).toMatch(/\bAccept\b/i);
      expect(first.headers.get("cache-control"), what).toMatch(/\bno-store\b/);

      const shown = await renderPage(first.headers.get("location")!, cookie(), BROWSER);
      expect(shown.status, what).toBe(400);
      expect(shown.headers.get("content-type"), what).toContain("text/html");
      const html = await shown.text();
      const { title, body } = routeRefusalText.councilNamedTwice;
      expect(html, what).toContain(`<title>${title} – ${SITE}</title>`);
      expect(readableMainText(html), what).toContain(`${title} ${body}`);
      // the layout of the person signed in
      expect(readableText(html.slice(html.indexOf("<header"), html.indexOf("</header>"))), what).toContain(
        "Sign out",
      );
    },
  );

  it.each(downloads)("(%s) stays the JSON refusal for a program", async (what, download, _page, cookie) => {
    const response = await renderPage(download() + twoCouncils(), cookie(), { accept: "text/csv" });
    expect(response.status, what).toBe(400);
    expect(response.headers.get("vary"), what).toMatch(/\bAccept\b/i);
    expect(response.headers.get("cache-control"), what).toMatch(/\bno-store\b/);
    expect(await response.json(), what).toEqual({ refused: routeRefusalText.councilNamedTwice });
  });
});

describe("an evidence file missing from storage", () => {
  it("sends a person back to the return's page, which says the file is no longer available", async () => {
    const first = await renderPage(`/evidence/${lost}`, w.cookies.supplierOwner, BROWSER);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/returns/${w.kpiReturn.id}`);
    expect(first.headers.get("vary")).toMatch(/\bAccept\b/i);
    expect(first.headers.get("cache-control")).toMatch(/\bno-store\b/);
    const flash = first.headers.get("set-cookie")?.split(";")[0];
    expect(flash).toMatch(/^svm_flash=/);

    const shown = await renderPage(
      first.headers.get("location")!,
      `${w.cookies.supplierOwner}; ${flash}`,
      BROWSER,
    );
    expect(shown.status).toBe(200);
    const html = await shown.text();
    expect(html).toMatch(/role="alert"[^>]*>[^<]*The file “sign-in sheets.pdf” is no longer available/);
    expect(readableText(html.slice(html.indexOf("<header"), html.indexOf("</header>")))).toContain(
      "Sign out",
    );
  });

  it("stays a plain 410 for a program", async () => {
    const response = await renderPage(`/evidence/${lost}`, w.cookies.supplierOwner, { accept: "*/*" });
    expect(response.status).toBe(410);
    expect(response.headers.get("vary")).toMatch(/\bAccept\b/i);
    expect(await response.text()).toBe("This file is no longer available");
  });

  it("leaves a file still stored downloading as before", async () => {
    const response = await renderPage(`/evidence/${kept}`, w.cookies.supplierOwner, BROWSER);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
  });
});

// No download's check refuses with a bare 403 today (the survey's turns its own into the redirect first), but one that
// did would be sent to its page like a 404, and a program would keep the 403's words.
describe("a download whose check refuses with a 403", () => {
  const refused = (accept: string) =>
    downloadRefusedToPage(
      new Request("http://localhost/council/x.csv?council=a", { headers: { accept } }),
      "/council/x?council=a",
      async () => forbidden(),
    ).then(
      () => expect.unreachable(),
      (thrown: unknown) => thrown as Response,
    );

  it("sends a person to its page", async () => {
    const response = await refused(BROWSER.accept);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/council/x?council=a");
    expect(response.headers.get("vary")).toMatch(/\bAccept\b/i);
  });

  it("keeps the words for a program", async () => {
    const response = await refused("text/csv");
    expect(response.status).toBe(403);
    expect(response.headers.get("vary")).toMatch(/\bAccept\b/i);
    expect(response.headers.get("cache-control")).toMatch(/\bno-store\b/);
    expect(await response.text()).toBe("You do not have permission to do this.");
  });
});
