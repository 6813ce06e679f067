// A council officer who also works for a supplier followed the council dashboard's "KPI returns to review" link and
// landed on the supplier's own returns: the dashboard acts for the council (only a council's officer has one), but
// /returns acted for the person's first organisation, the supplier, or for the supplier chosen in the header
// switcher. The dashboard's links to the returns now name its council, and /returns acts for a council so named,
// still only for a person who is that council's member (404 otherwise), and keeps it on its queues' links.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import {
  createContract,
  createCouncil,
  createOfficerAlsoSupplier,
  createOrganisation,
  createReturn,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { readableMainText, readableText, renderPage } from "../helpers/render-page.ts";

let councilName: string;
let supplierName: string;
let otherCouncilId: string;
let supplierId: string;
let officerId: string;
let submittedId: string;

beforeAll(async () => {
  councilName = unique("Acting Council");
  supplierName = unique("Officer Own Supplier Ltd");
  // the officer's own supplier, joined first, is the organisation the portal acts for when nothing says otherwise
  const { council, supplier, officer } = await createOfficerAlsoSupplier({ councilName, supplierName });
  supplierId = supplier.id;
  officerId = officer.id;
  otherCouncilId = (await createCouncil()).id;
  // a return from another supplier waiting for the council's review
  const contractor = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  const contract = await createContract({ councilId: council.id, supplierOrganisationId: contractor.id });
  submittedId = (
    await createReturn({ contractId: contract.id, financialYear: 2025, quarter: 2, status: "SUBMITTED" })
  ).id;
});

async function page(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  return { status: response.status, html: (await response.text()).replace(/<!-- -->/g, "") };
}

// the "KPI returns to review" link in the dashboard's "Waiting for your council"
async function reviewLinkOnDashboard(cookie: string) {
  const { status, html } = await page("/council/dashboard", cookie);
  expect(status).toBe(200);
  const start = html.indexOf('aria-labelledby="council-waiting"');
  expect(start).toBeGreaterThan(-1);
  const section = html.slice(start, html.indexOf("</section>", start));
  expect(readableText(section)).toContain("1 KPI return to review");
  const href = section.match(/<a [^>]*href="(\/returns\?[^"]*)"/)?.[1];
  expect(href).toBeDefined();
  return href!.replace(/&amp;/g, "&");
}

async function expectCouncilReviewQueue(location: string, cookie: string) {
  const { status, html } = await page(location, cookie);
  expect(status).toBe(200);
  const text = readableMainText(html);
  expect(text).toContain(councilName);
  expect(text).not.toContain(supplierName);
  expect(text).toContain("To review");
  expect(html).toContain(`href="/returns/${submittedId}/review"`);
  return html;
}

describe("the council dashboard's link to the returns to review, for an officer who also works for a supplier", () => {
  it("opens the council's review queue, not the supplier's returns, with no organisation chosen", async () => {
    const cookie = await sessionCookieFor(officerId);
    // the officer's first organisation is the supplier: /returns alone is its list
    expect(readableMainText((await page("/returns", cookie)).html)).toContain(supplierName);
    await expectCouncilReviewQueue(await reviewLinkOnDashboard(cookie), cookie);
  });

  it("opens the council's review queue though the header switcher is on the supplier", async () => {
    const cookie = `${await sessionCookieFor(officerId)}; ${ORGANISATION_COOKIE}=${supplierId}`;
    await expectCouncilReviewQueue(await reviewLinkOnDashboard(cookie), cookie);
  });

  it("keeps acting for the council on the queue's own links", async () => {
    const cookie = await sessionCookieFor(officerId);
    const html = await expectCouncilReviewQueue(await reviewLinkOnDashboard(cookie), cookie);
    const overdue = html.match(/<a [^>]*href="(\/returns\?queue=overdue[^"]*)"/)?.[1]?.replace(/&amp;/g, "&");
    expect(overdue).toBeDefined();
    const { status, html: overdueHtml } = await page(overdue!, cookie);
    expect(status).toBe(200);
    expect(readableMainText(overdueHtml)).toContain(councilName);
    expect(readableMainText(overdueHtml)).not.toContain(supplierName);
  });

  it("opens the council's returns from the dashboard's quarterly compliance figures too", async () => {
    const cookie = await sessionCookieFor(officerId);
    const { html } = await page("/council/dashboard", cookie);
    const hrefs = [...html.matchAll(/href="(\/returns\?queue=(?:all|overdue)&amp;quarter=[^"]*)"/g)].map(
      (m) => m[1].replace(/&amp;/g, "&"),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const { status, html: list } = await page(href, cookie);
      expect(status, href).toBe(200);
      expect(readableMainText(list), href).toContain(councilName);
      expect(readableMainText(list), href).not.toContain(supplierName);
    }
  });

  it("answers 404 for a council the person is not a member of, or an organisation that is not a council", async () => {
    const cookie = await sessionCookieFor(officerId);
    expect((await page(`/returns?queue=review&council=${otherCouncilId}`, cookie)).status).toBe(404);
    expect((await page(`/returns?queue=review&council=${supplierId}`, cookie)).status).toBe(404);
  });
});
