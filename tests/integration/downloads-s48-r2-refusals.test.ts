// The last bare answers a person could get from a download's link (session 48, round 2).
//
// An address naming two councils (`?council=a&council=b`) made every download answer the "Choose one council" 400 as
// raw JSON, as only a 404 (and the survey's 403) was turned into the portal's page. A person who followed such a link
// is now sent to the download's page with the same address, which refuses it in the portal's layout; a program still
// gets the JSON refusal. And an evidence file missing from storage answered a person with the bare words "This file
// is no longer available" (410): they are now sent back to the return's page, which says so in its notice.
//
// Session 49: the notice says what happened and what the person can do (the supplier uploads the file again, the
// council asks the supplier to), a HEAD or a prefetch of the link leaves no notice for the next page, and the missing
// file is logged for whoever runs the portal.
import fs from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server.ts";
import { downloadRefusedToPage } from "~/auth/download-refusal.server.ts";
import { forbidden } from "~/auth/permissions.server.ts";
import { loader as evidenceLoader } from "~/routes/evidence.$id.ts";
import { logger } from "~/server/logger.ts";
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
let lost: { id: string; storageKey: string };
// a return sent to the council, with a file gone from storage
let sent: Awaited<ReturnType<typeof createReturnsWorld>>;
let sentLost: string;
// an accepted return, with a file gone from storage: no one can upload it again
let accepted: Awaited<ReturnType<typeof createReturnsWorld>>;
let acceptedLost: string;

const upload = (name: string) => uploadEvidence(w, name);

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(
    (await createMember(world.councilA.id, "OFFICER", { surveyAccess: true })).id,
  );
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id, status: "CLOSED" })).id;
  w = await createReturnsWorld();
  kept = (await upload("timesheets.pdf")).id;
  lost = await upload("sign-in sheets.pdf");
  await fs.rm(path.join(folder.root, lost.storageKey));
  sent = await createReturnsWorld();
  const sentFile = await uploadEvidence(sent, "sign-in sheets.pdf", { submit: true });
  await fs.rm(path.join(folder.root, sentFile.storageKey));
  sentLost = sentFile.id;
  accepted = await createReturnsWorld();
  const acceptedFile = await uploadEvidence(accepted, "sign-in sheets.pdf", { submit: true });
  await db.kpiReturn.update({ where: { id: accepted.kpiReturn.id }, data: { status: "ACCEPTED" } });
  await fs.rm(path.join(folder.root, acceptedFile.storageKey));
  acceptedLost = acceptedFile.id;
});

afterEach(() => {
  vi.restoreAllMocks();
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

// who follows the link to a file gone from storage, and what the return's page tells them to do
const missingFileViewers: [
  who: string,
  evidence: () => string,
  returnId: () => string,
  cookie: () => string,
  advice: string,
][] = [
  [
    "the supplier, whose return is a draft",
    () => lost.id,
    () => w.kpiReturn.id,
    () => w.cookies.supplierOwner,
    "Upload it again.",
  ],
  [
    "the supplier, whose return is sent",
    () => sentLost,
    () => sent.kpiReturn.id,
    () => sent.cookies.supplierOwner,
    "If the council needs it, they can query the return so that you can upload it again.",
  ],
  [
    "the council's officer, of a sent return",
    () => sentLost,
    () => sent.kpiReturn.id,
    () => sent.cookies.officerA,
    "Query the return so the supplier can upload it again.",
  ],
  [
    "the supplier, whose return is accepted",
    () => acceptedLost,
    () => accepted.kpiReturn.id,
    () => accepted.cookies.supplierOwner,
    "The return has been accepted, so the file cannot be uploaded again. Keep your own copy in case the council asks for it.",
  ],
  [
    "the council's officer, of an accepted return",
    () => acceptedLost,
    () => accepted.kpiReturn.id,
    () => accepted.cookies.officerA,
    "The return has been accepted, so the file cannot be uploaded again. Ask the supplier for a copy.",
  ],
];

const notice = (advice: string) =>
  `The file “sign-in sheets.pdf” cannot be downloaded because it is no longer stored. ${advice}`;

describe("an evidence file missing from storage", () => {
  it.each(missingFileViewers)(
    "sends %s back to the return's page, which says once what happened and what to do",
    async (who, evidence, returnId, cookie, advice) => {
      const first = await renderPage(`/evidence/${evidence()}`, cookie(), BROWSER);
      expect(first.status, who).toBe(303);
      expect(first.headers.get("location"), who).toBe(`/returns/${returnId()}`);
      expect(first.headers.get("vary"), who).toMatch(/\bAccept\b/i);
      expect(first.headers.get("cache-control"), who).toMatch(/\bno-store\b/);
      const flash = first.headers.get("set-cookie")?.split(";")[0];
      expect(flash, who).toMatch(/^svm_flash=/);

      const shown = await renderPage(first.headers.get("location")!, `${cookie()}; ${flash}`, BROWSER);
      expect(shown.status, who).toBe(200);
      const html = await shown.text();
      expect(readableText(html), who).toContain(notice(advice));
      expect(html, who).toMatch(/role="alert"[^>]*>[^<]*The file “sign-in sheets.pdf” cannot be downloaded/);
      expect(readableText(html.slice(html.indexOf("<header"), html.indexOf("</header>"))), who).toContain(
        "Sign out",
      );
      // shown once: the page clears it, and the page opened again does not show it
      expect(shown.headers.get("set-cookie"), who).toMatch(/^svm_flash=;.*Max-Age=0/);
      const again = await renderPage(first.headers.get("location")!, cookie(), BROWSER);
      expect(readableText(await again.text()), who).not.toContain("cannot be downloaded");
    },
  );

  // a link checker's HEAD, a browser fetching the link ahead of a click
  it.each([
    ["a HEAD", "HEAD", {}],
    ["a prefetch (Sec-Purpose)", "GET", { "sec-purpose": "prefetch" }],
    ["a prerender (Sec-Purpose)", "GET", { "sec-purpose": "prefetch;prerender" }],
    ["a prefetch (Purpose)", "GET", { purpose: "prefetch" }],
  ])("leaves no notice for the next page after %s of the link", async (what, method, headers) => {
    const request = new Request(`http://localhost:3000/evidence/${lost.id}`, {
      method,
      headers: { ...BROWSER, ...headers, cookie: w.cookies.supplierOwner },
    });
    const answer = await evidenceLoader({ request, params: { id: lost.id }, context: {} }).then(
      () => expect.unreachable(),
      (thrown: unknown) => thrown as Response,
    );
    expect(answer.status, what).toBe(303);
    expect(answer.headers.get("location"), what).toBe(`/returns/${w.kpiReturn.id}`);
    expect(answer.headers.get("cache-control"), what).toMatch(/\bno-store\b/);
    expect(answer.headers.getSetCookie(), what).toEqual([]);
  });

  it.each([
    ["a person", BROWSER.accept],
    ["a program", "*/*"],
  ])("is logged, with the record's ids only, when %s asks for it", async (who, accept) => {
    const logged = vi.spyOn(logger, "error");
    await renderPage(`/evidence/${lost.id}`, w.cookies.supplierOwner, { accept });
    expect(logged, who).toHaveBeenCalledWith(
      { evidenceId: lost.id, storageKey: lost.storageKey },
      "an evidence file is missing from storage",
    );
    expect(JSON.stringify(logged.mock.calls), who).not.toContain("sign-in sheets");
  });

  it("stays a plain 410 for a program", async () => {
    const response = await renderPage(`/evidence/${lost.id}`, w.cookies.supplierOwner, { accept: "*/*" });
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
