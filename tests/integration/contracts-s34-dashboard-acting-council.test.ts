// A council officer who also works for a supplier followed one of the council dashboard's contract figures
// (contracts awarded in the last 12 months, with or without commitments, the local £ figure's contracts, a
// measure's contracts) and landed on the supplier's own contracts: /contracts acted for the person's first
// organisation, the supplier, or for the supplier chosen in the header switcher. The dashboard's links now name its
// council, and /contracts acts for a council so named, only for that council's members (404 otherwise), and keeps it
// on the list's own links and filter form. The quarterly report's link to a contract's overdue returns names it too.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import {
  createCommitment,
  createContract,
  createCouncil,
  createMeasure,
  createMember,
  createOfficerAlsoSupplier,
  createOrganisation,
  createReturn,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let councilName: string;
let councilId: string;
let supplierName: string;
let supplierId: string;
let otherCouncilId: string;
let officerId: string;
let outsiderId: string;
let councilContract: { id: string; reference: string };
let supplierContractReference: string;

beforeAll(async () => {
  councilName = unique("Acting Contracts Council");
  supplierName = unique("Officer Own Contractor Ltd");
  const otherCouncil = await createCouncil();
  otherCouncilId = otherCouncil.id;
  // the officer's own supplier (registered with the other council), joined first, is the organisation the portal
  // acts for when nothing says otherwise
  const { council, supplier, officer } = await createOfficerAlsoSupplier({
    councilName,
    supplierName,
    supplierCouncilId: otherCouncil.id,
  });
  councilId = council.id;
  supplierId = supplier.id;
  officerId = officer.id;
  // an officer of another council only
  outsiderId = (await createMember(otherCouncil.id, "OFFICER")).id;
  // the supplier's own contract, with the other council
  supplierContractReference = unique("SUPPLIER-OWN");
  await createContract({
    councilId: otherCouncil.id,
    supplierOrganisationId: supplier.id,
    reference: supplierContractReference,
  });
  // the council's contract with another supplier: awarded in the last 12 months, a commitment valued in local £,
  // and a return long overdue
  const contractor = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  const measure = await createMeasure({ councilId: council.id, proxyValueGbp: 15 });
  const contract = await createContract({
    councilId: council.id,
    supplierOrganisationId: contractor.id,
    reference: unique("COUNCIL-OWN"),
    awardedOn: new Date(Date.now() - 60 * 24 * 60 * 60 * 1000),
    startDate: new Date("2025-04-01"),
  });
  councilContract = contract;
  await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: 100 });
  await createReturn({ contractId: contract.id, financialYear: 2025, quarter: 3, status: "NOT_STARTED" });
  // one without an award date: the dashboard's "not counted" link
  await createContract({ councilId: council.id, supplierOrganisationId: contractor.id, awardedOn: null });
});

async function page(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  return { status: response.status, html: (await response.text()).replace(/<!-- -->/g, "") };
}

const hrefsOf = (html: string, pattern: RegExp) => [
  ...new Set([...html.matchAll(pattern)].map((m) => m[1].replace(/&amp;/g, "&"))),
];

async function dashboardContractLinks(cookie: string) {
  const { status, html } = await page("/council/dashboard", cookie);
  expect(status).toBe(200);
  const hrefs = hrefsOf(html, /href="(\/contracts\?[^"]*)"/g);
  // awarded since (all, with and without commitments), no award date, local £, the measure's (name and count)
  for (const filter of ["awardedSince=", "awardDate=none", "localValue=yes", "measure="])
    expect(
      hrefs.some((h) => h.includes(filter)),
      filter,
    ).toBe(true);
  return hrefs;
}

async function expectCouncilContracts(location: string, cookie: string) {
  const { status, html } = await page(location, cookie);
  expect(status, location).toBe(200);
  const text = readableMainText(html);
  expect(text, location).toContain(councilName);
  expect(text, location).not.toContain(supplierName);
  expect(text, location).not.toContain("Your contracts");
  expect(text, location).not.toContain(supplierContractReference);
  return html;
}

describe("the council dashboard's links to the contracts, for an officer who also works for a supplier", () => {
  it("open the council's contracts, not the supplier's, with no organisation chosen", async () => {
    const cookie = await sessionCookieFor(officerId);
    // the officer's first organisation is the supplier: /contracts alone is its list
    expect(readableMainText((await page("/contracts", cookie)).html)).toContain(supplierContractReference);
    for (const href of await dashboardContractLinks(cookie)) {
      const html = await expectCouncilContracts(href, cookie);
      if (!href.includes("awardDate=none") && !href.includes("commitments=no"))
        expect(html, href).toContain(`href="/contracts/${councilContract.id}"`);
    }
  });

  it("open the council's contracts though the header switcher is on the supplier", async () => {
    const cookie = `${await sessionCookieFor(officerId)}; ${ORGANISATION_COOKIE}=${supplierId}`;
    for (const href of await dashboardContractLinks(cookie)) await expectCouncilContracts(href, cookie);
  });

  it("keep acting for the council on the list's own links and filter form", async () => {
    const cookie = `${await sessionCookieFor(officerId)}; ${ORGANISATION_COOKIE}=${supplierId}`;
    const measureLink = (await dashboardContractLinks(cookie)).find((h) => h.includes("measure="))!;
    const html = await expectCouncilContracts(measureLink, cookie);
    expect(html).toContain(`<input type="hidden" name="council" value="${councilId}"/>`);
    const own = [
      ...hrefsOf(html, /<a[^>]*href="([^"]*)"[^>]*>\s*Include contracts without this measure\s*<\/a>/g),
      ...hrefsOf(html, /<a[^>]*href="([^"]*)"[^>]*>\s*Clear filters\s*<\/a>/g),
    ];
    expect(own).toHaveLength(2);
    for (const href of own) {
      expect(new URL(href, "http://x").searchParams.get("council"), href).toBe(councilId);
      await expectCouncilContracts(href, cookie);
    }
  });

  it("answers 404 for a council the person is not a member of, or an organisation that is not a council", async () => {
    const officer = await sessionCookieFor(officerId);
    expect((await page(`/contracts?council=${otherCouncilId}`, officer)).status).toBe(404);
    expect((await page(`/contracts?council=${supplierId}`, officer)).status).toBe(404);
    const outsider = await sessionCookieFor(outsiderId);
    expect((await page(`/contracts?council=${councilId}&awarded=yes`, outsider)).status).toBe(404);
  });
});

describe("the quarterly report's link to a contract's overdue returns, for an officer who also works for a supplier", () => {
  it("opens the council's overdue returns of that contract", async () => {
    const cookie = `${await sessionCookieFor(officerId)}; ${ORGANISATION_COOKIE}=${supplierId}`;
    const { status, html } = await page("/council/reports?quarter=2026-Q2", cookie);
    expect(status).toBe(200);
    const [href, ...more] = hrefsOf(html, /href="(\/returns\?queue=overdue[^"]*)"/g);
    expect(more).toEqual([]);
    expect(new URL(href!, "http://x").searchParams.get("contract")).toBe(councilContract.id);
    const list = await page(href!, cookie);
    expect(list.status).toBe(200);
    const text = readableMainText(list.html);
    expect(text).toContain(councilName);
    expect(text).not.toContain(supplierName);
    expect(text).toContain(councilContract.reference);
  });
});
