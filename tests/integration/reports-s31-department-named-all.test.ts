// The quarterly departmental report said "all" for every department, so a council's own department called "all"
// could not be chosen: choosing it showed (and downloaded) every department's contracts. Every department is now
// the empty value, which no department can be named; a department called "all" or "All" is itself, and a link
// made before with department=all still shows every department while the council has no department called "all".
import { beforeAll, describe, expect, it } from "vitest";
import { loader as csvLoader } from "~/routes/council.reports.departmental[.]csv.ts";
import { createContract, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callLoader } from "../helpers/routes.ts";

let councilA: string;
let councilB: string;
let officerA: string;
let officerB: string;
const ref = {
  lowerAll: unique("ALL-LOWER"),
  highwaysA: unique("HIGHWAYS-A"),
  capitalAll: unique("ALL-CAPITAL"),
  highwaysB: unique("HIGHWAYS-B"),
};

beforeAll(async () => {
  const world = await createWorld();
  councilA = world.councilA.id;
  councilB = world.councilB.id;
  officerA = await sessionCookieFor(world.users.officerA.id);
  officerB = await sessionCookieFor(world.users.officerB.id);
  const supplierOrganisationId = world.supplier.id;
  // council A has a department called "all"; council B one called "All" (and none called "all")
  await createContract({
    councilId: councilA,
    supplierOrganisationId,
    department: "all",
    reference: ref.lowerAll,
  });
  await createContract({
    councilId: councilA,
    supplierOrganisationId,
    department: "Highways",
    reference: ref.highwaysA,
  });
  await createContract({
    councilId: councilB,
    supplierOrganisationId,
    department: "All",
    reference: ref.capitalAll,
  });
  await createContract({
    councilId: councilB,
    supplierOrganisationId,
    department: "Highways",
    reference: ref.highwaysB,
  });
});

async function pageText(search: string, cookie: string) {
  const response = await renderPage(`/council/reports${search}`, cookie);
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, text: readableMainText(html) };
}

async function csv(search: string, councilId: string, cookie: string) {
  const response = await callLoader(csvLoader, {
    path: `/council/reports/departmental.csv${search}&council=${councilId}`,
    cookie,
  });
  expect(response.status).toBe(200);
  return { fileName: response.headers.get("content-disposition"), body: await response.text() };
}

describe("a department called all", () => {
  it("is chosen as itself on the page: only its contracts, under its own name", async () => {
    const { text } = await pageText("?quarter=2026-Q2&department=all", officerA);
    expect(text).not.toContain("There is a problem");
    expect(text).toContain("Social value delivery: all, ");
    expect(text).toContain(ref.lowerAll);
    expect(text).not.toContain(ref.highwaysA);
  });

  it("downloads as itself in the CSV", async () => {
    const file = await csv("?quarter=2026-Q2&department=all", councilA, officerA);
    expect(file.fileName).toContain("social-value-2026-q2-all.csv");
    expect(file.body).toContain(ref.lowerAll);
    expect(file.body).not.toContain(ref.highwaysA);
  });

  it("is offered beside All departments, whose value names no department", async () => {
    const { html } = await pageText("?quarter=2026-Q2", officerA);
    const select = /<select[^>]*name="department"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    expect(select).toMatch(/<option value=""[^>]*>All departments<\/option>/);
    expect(select).toMatch(/<option value="all">all<\/option>/);
  });

  it("leaves every department to the empty value, on the page and in the CSV", async () => {
    const { text } = await pageText("?quarter=2026-Q2&department=", officerA);
    expect(text).toContain("Social value delivery: All departments, ");
    expect(text).toContain(ref.lowerAll);
    expect(text).toContain(ref.highwaysA);
    const file = await csv("?quarter=2026-Q2&department=", councilA, officerA);
    expect(file.fileName).toContain("all-departments");
    expect(file.body).toContain(ref.highwaysA);
  });
});

describe("a department called All, in a council with none called all", () => {
  it("is chosen as itself", async () => {
    const { text } = await pageText("?quarter=2026-Q2&department=All", officerB);
    expect(text).toContain("Social value delivery: All, ");
    expect(text).toContain(ref.capitalAll);
    expect(text).not.toContain(ref.highwaysB);
    const file = await csv("?quarter=2026-Q2&department=All", councilB, officerB);
    expect(file.body).toContain(ref.capitalAll);
    expect(file.body).not.toContain(ref.highwaysB);
  });

  it("leaves a link made before (department=all) showing every department", async () => {
    const { text } = await pageText("?quarter=2026-Q2&department=all", officerB);
    expect(text).toContain("Social value delivery: All departments, ");
    expect(text).toContain(ref.capitalAll);
    expect(text).toContain(ref.highwaysB);
    const file = await csv("?quarter=2026-Q2&department=all", councilB, officerB);
    expect(file.fileName).toContain("all-departments");
    expect(file.body).toContain(ref.highwaysB);
  });
});
