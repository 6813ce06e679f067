// The council dashboard is sent without scripts (its route's handle says `hydrate: false`, app/root.tsx): its links
// are plain anchors and its one form a GET form, so nothing on it needs them, and its figures are drawn as HTML once
// a minute and put in each view instead of being drawn again and also sent as hydration data (decisions 029, 044).
// Other pages keep their scripts. Names and titles anyone typed still reach the page as text, never as markup.
import { beforeAll, describe, expect, it } from "vitest";
import { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import {
  councilFiguresHtml,
  handOverCouncilFigures,
  sharedCouncilFigures,
} from "~/ui/charts/council-figures.server.tsx";
import { figuresHtmlHandedOver } from "~/ui/charts/council-figures.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let officer: string;

const HOSTILE_TITLE = `<script>alert(1)</script>"><img src=x onerror=alert(2)> Roads & bridges`;
const HOSTILE_MEASURE = `<b onmouseover=alert(3)>Apprentices</b>`;

beforeAll(async () => {
  world = await createWorld();
  const measure = await createMeasure({
    councilId: world.councilA.id,
    name: HOSTILE_MEASURE,
    proxyValueGbp: 15,
  });
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    title: HOSTILE_TITLE,
  });
  await createCommitment({
    contractId: contract.id,
    measureId: measure.id,
    targetQuantity: 100,
    plan: [{ financialYear: 2026, quarter: 1, targetQuantity: 40 }],
  });
  officer = await sessionCookieFor(world.users.officerA.id);
});

async function htmlOf(path: string) {
  const response = await renderPage(path, officer);
  expect(response.status).toBe(200);
  return response.text();
}

describe("the council dashboard without scripts", () => {
  it("sends no script and no hydration data, while another page keeps both", async () => {
    const dashboard = await htmlOf("/council/dashboard");
    expect(dashboard).toContain("Council dashboard");
    expect(dashboard).not.toContain("__remixContext");
    expect(dashboard).not.toMatch(/<script[^>]*\bsrc=|modulepreload|\/build\/entry\.client\.js/);
    expect(dashboard).not.toContain("import(");
    const reports = await htmlOf("/council/reports");
    expect(reports).toContain("window.__remixContext");
    expect(reports).toContain("/build/entry.client.js");
  });

  it("shows every figure section, with the form still a plain GET form", async () => {
    const html = await htmlOf("/council/dashboard?top=5");
    for (const id of ["kpi", "compliance", "delivery", "top-contracts", "marketplace"])
      expect(html).toMatch(new RegExp(`<section aria-labelledby="${id}" class="mb-10"><h2 id="${id}"`));
    expect(html).toMatch(/<form method="get"[^>]*>/);
    expect(html).toContain('name="top"');
    // the top contracts' box scrolls and is named by its table's caption
    expect(html).toContain('aria-labelledby="top-contracts-caption"');
    expect(html).toContain('<caption id="top-contracts-caption"');
    // every id React makes is used once, across the parts drawn apart
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, labelledBy] of html.matchAll(/aria-labelledby="([^"]+)"/g))
      expect(ids).toContain(labelledBy);
  });

  it("writes names and titles as text, never as markup", async () => {
    const html = await htmlOf("/council/dashboard");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<b onmouseover");
    expect(html).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;",
    );
    expect(html).toContain("&lt;b onmouseover=alert(3)&gt;Apprentices&lt;/b&gt;");
    const text = readableText(html);
    expect(text).toContain("Roads &amp; bridges");
  });
});

describe("the figures' HTML, drawn once a minute", () => {
  it("is drawn once for admins and once for officers, each saying what it should about the local £ source", async () => {
    const shared = sharedCouncilFigures(await councilDashboard(world.councilA.id, { top: 75 }));
    const forOfficer = councilFiguresHtml(shared, world.councilA.id, false);
    const forAdmin = councilFiguresHtml(shared, world.councilA.id, true);
    expect(forOfficer.delivery).toContain("a council admin can add it in the council settings");
    expect(forAdmin.delivery).toContain("not stated – add it in the council settings");
    expect(forAdmin.delivery).not.toContain("a council admin can add it");
    // later views of the same minute's figures reuse what was drawn
    expect(councilFiguresHtml(shared, world.councilA.id, false)).toBe(forOfficer);
    expect(councilFiguresHtml(shared, world.councilA.id, true)).toBe(forAdmin);
  });

  it("is handed to the page by a key in its data, not in the data itself", async () => {
    const shared = sharedCouncilFigures(await councilDashboard(world.councilA.id, { top: 75 }));
    const key = handOverCouncilFigures(shared, world.councilA.id, false);
    expect(figuresHtmlHandedOver(key)).toBe(councilFiguresHtml(shared, world.councilA.id, false));
    expect(handOverCouncilFigures(shared, world.councilA.id, true)).not.toBe(key);
    // not found is no error: the page then draws the figures from its data (tests/unit/dashboard-page.test.ts)
    expect(figuresHtmlHandedOver("no-such-figures")).toBeUndefined();
    // the page's data (written out on every view, script or not) carries the key and the figures, not their HTML
    const response = await renderPage("/council/dashboard?_data=routes%2Fcouncil.dashboard", officer);
    expect(response.status).toBe(200);
    const data = await response.text();
    expect(data).toContain(`"figures":`);
    expect(data).toContain(`"drawnFrom":`);
    expect(data).not.toContain("&lt;script&gt;");
    expect(data).not.toMatch(/<(table|section|svg|caption)\b|class=/);
  });
});
