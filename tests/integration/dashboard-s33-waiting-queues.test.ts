// A council officer's dashboard showed the council's figures and its own requests, but nothing of the officer's work:
// requests waiting for approval, organisations waiting to be verified, KPI returns submitted for review. It now
// counts each, fresh on every load, linked to the queue that lists exactly those records, for the dashboard's council
// only; a zero is said plainly and not linked to an empty list.
// Its marketplace panel said "No pledges yet" for the median time to first pledge beside a table of pledges made in
// the year (to requests opened before it), and "No pledges in this period." without naming the period: both now
// say what they measure, since when.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCategory,
  createContract,
  createCouncil,
  createMember,
  createOrganisation,
  createPartnership,
  createPledge,
  createRequest,
  createReturn,
  unique,
} from "../helpers/factories.ts";
import { pageHtmlAs, readableMainText, readableText } from "../helpers/render-page.ts";

type Council = {
  id: string;
  officer: { id: string };
  categoryId: string;
  vcseId: string;
  supplierId: string;
};

async function council(): Promise<Council> {
  const partnership = await createPartnership();
  const c = await createCouncil({ name: unique("Waiting Council"), partnershipId: partnership.id });
  const vcse = await createOrganisation({ kind: "VCSE", councilId: c.id });
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: c.id });
  return {
    id: c.id,
    officer: await createMember(c.id, "OFFICER"),
    categoryId: (await createCategory(c.id)).id,
    vcseId: vcse.id,
    supplierId: supplier.id,
  };
}

const request = (c: Council, status: "SUBMITTED" | "OPEN" | "DRAFT" | "CHANGES_REQUESTED") =>
  createRequest({ councilId: c.id, organisationId: c.vcseId, categoryId: c.categoryId, status });

// the "Waiting for your council" section alone: the site's menu links to the same queues
function waitingSection(html: string) {
  const start = html.indexOf('aria-labelledby="council-waiting"');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</section>", start));
}

const rowLinks = (html: string, pattern: RegExp) => new Set(html.match(pattern) ?? []).size;

let a: Council;
let b: Council;
let empty: Council;

beforeAll(async () => {
  [a, b, empty] = await Promise.all([council(), council(), council()]);
  // council A: 2 requests to approve, 3 organisations to verify, 2 returns to review, and others that are not
  await Promise.all([
    request(a, "SUBMITTED"),
    request(a, "SUBMITTED"),
    request(a, "OPEN"),
    request(a, "DRAFT"),
    request(a, "CHANGES_REQUESTED"),
    createOrganisation({ kind: "VCSE", councilId: a.id, status: "PENDING" }),
    createOrganisation({ kind: "SUPPLIER", councilId: a.id, status: "PENDING" }),
    createOrganisation({ kind: "VCSE", councilId: a.id, status: "PENDING" }),
    createOrganisation({ kind: "VCSE", councilId: a.id, status: "REJECTED" }),
  ]);
  const contract = await createContract({ councilId: a.id, supplierOrganisationId: a.supplierId });
  await Promise.all([
    createReturn({ contractId: contract.id, financialYear: 2025, quarter: 1, status: "SUBMITTED" }),
    createReturn({ contractId: contract.id, financialYear: 2025, quarter: 2, status: "SUBMITTED" }),
    createReturn({ contractId: contract.id, financialYear: 2025, quarter: 3, status: "ACCEPTED" }),
    createReturn({ contractId: contract.id, financialYear: 2025, quarter: 4, status: "NOT_STARTED" }),
  ]);
  // council B: 1 request to approve and 1 return to review, nothing to verify
  await request(b, "SUBMITTED");
  const bContract = await createContract({ councilId: b.id, supplierOrganisationId: b.supplierId });
  await createReturn({ contractId: bContract.id, financialYear: 2025, quarter: 1, status: "SUBMITTED" });
});

describe("the council dashboard's 'Waiting for your council'", () => {
  it("counts each queue, linked to it, and each count is the number of rows its queue lists", async () => {
    const section = waitingSection(await pageHtmlAs("/council/dashboard", a.officer.id));
    const text = readableText(section);
    expect(text).toContain("Waiting for your council");
    expect(text).toContain("Up to date as you load the page.");
    expect(section).toMatch(
      new RegExp(
        `<a [^>]*href="/council/moderation\\?council=${a.id}"[^>]*>.*?>2</span>.*?requests to approve`,
      ),
    );
    expect(section).toMatch(
      new RegExp(
        `<a [^>]*href="/council/verification\\?council=${a.id}"[^>]*>.*?>3</span>.*?organisations to verify`,
      ),
    );
    expect(section).toMatch(
      new RegExp(
        `<a [^>]*href="/returns\\?queue=review&amp;council=${a.id}"[^>]*>.*?>2</span>.*?KPI returns to review`,
      ),
    );

    const moderation = await pageHtmlAs("/council/moderation", a.officer.id);
    expect(rowLinks(moderation, /href="\/council\/moderation\/[^"/]+"/g)).toBe(2);
    const verification = await pageHtmlAs("/council/verification", a.officer.id);
    expect(rowLinks(verification, /href="\/council\/verification\/[^"/]+"/g)).toBe(3);
    const review = await pageHtmlAs(`/returns?queue=review&council=${a.id}`, a.officer.id);
    expect(rowLinks(review, /href="\/returns\/[^"/]+\/review"/g)).toBe(2);
  });

  it("shows only the dashboard's own council: council B's officer never sees council A's counts", async () => {
    const section = waitingSection(await pageHtmlAs("/council/dashboard", b.officer.id));
    expect(section).toMatch(
      new RegExp(
        `<a [^>]*href="/council/moderation\\?council=${b.id}"[^>]*>.*?>1</span>.*?request to approve`,
      ),
    );
    expect(section).toMatch(
      new RegExp(
        `<a [^>]*href="/returns\\?queue=review&amp;council=${b.id}"[^>]*>.*?>1</span>.*?KPI return to review`,
      ),
    );
    // nothing to verify: said plainly, not a link to an empty list
    expect(readableText(section)).toContain("0 organisations to verify");
    expect(section).not.toContain('href="/council/verification');
  });

  it("says plainly when nothing is waiting, with no links to empty queues", async () => {
    const section = waitingSection(await pageHtmlAs("/council/dashboard", empty.officer.id));
    expect(readableText(section)).toContain(
      "Nothing is waiting for your council: no requests to approve, organisations to verify or KPI returns to review.",
    );
    expect(section).not.toContain("<a ");
  });

  it("is read fresh on every load, not with the figures refreshed every minute", async () => {
    const fresh = await council();
    await pageHtmlAs("/council/dashboard", fresh.officer.id);
    await request(fresh, "SUBMITTED");
    const section = waitingSection(await pageHtmlAs("/council/dashboard", fresh.officer.id));
    expect(section).toMatch(
      new RegExp(
        `<a [^>]*href="/council/moderation\\?council=${fresh.id}"[^>]*>.*?>1</span>.*?request to approve`,
      ),
    );
  });
});

describe("the marketplace panel when there is no first pledge to measure", () => {
  it("does not say 'No pledges yet' beside pledges made in the year to a request opened before it", async () => {
    const c = await council();
    const old = await createRequest({
      councilId: c.id,
      organisationId: c.vcseId,
      categoryId: c.categoryId,
      status: "OPEN",
      publishedAt: new Date(Date.now() - 500 * 24 * 60 * 60 * 1000),
    });
    await createPledge({ requestId: old.id, supplierOrganisationId: c.supplierId, quantity: 4 });
    const text = readableMainText(await pageHtmlAs("/council/dashboard", c.officer.id));
    expect(text).not.toContain("No pledges yet");
    expect(text).toMatch(/Nothing to measure: no request has been opened since \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(text).toContain("Pledged and confirmed, by type of help");
    expect(text).not.toMatch(/No pledges have been made or confirmed since/);
  });

  it("says none of the requests opened in the year has a pledge yet, and names the period of the empty table", async () => {
    const c = await council();
    await Promise.all([request(c, "OPEN"), request(c, "OPEN")]);
    const text = readableMainText(await pageHtmlAs("/council/dashboard", c.officer.id));
    expect(text).toMatch(
      /Nothing to measure yet: none of the 2 requests opened since \d{1,2} [A-Z][a-z]+ \d{4} has a pledge/,
    );
    expect(text).toMatch(/No pledges have been made or confirmed since \d{1,2} [A-Z][a-z]+ \d{4}\./);
    expect(text).not.toContain("No pledges in this period.");
  });
});
