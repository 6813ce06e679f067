// Every paginated list reads ?page= by one rule and says the same thing for a page past its last. Before, the rule
// differed by list: /my-requests read "3abc" as page 3 and "99999" as page 10,000 ("There is no page 10,000", a
// number nobody asked for), while the council's contracts list read "99999" as page 1 and showed it unsaid; the
// local £ page showed its last page for any page past it, with the address still saying another; and past the
// end, "Previous" led to yet another page past it.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCommitment,
  createContract,
  createMeasure,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;
let officer: string;
let contractReference: string;

beforeAll(async () => {
  world = await createWorld();
  const base = { councilId: world.councilA.id, organisationId: world.vcse.id, categoryId: world.category.id };
  // 26 requests: two pages of 25 on the requestor's own list
  for (let i = 0; i < 26; i++) await createRequest(base);
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
  });
  contractReference = contract.reference;
  const measure = await createMeasure({ councilId: world.councilA.id, proxyValueGbp: 15 });
  await createCommitment({
    contractId: contract.id,
    measureId: measure.id,
    targetQuantity: 100,
    plan: [{ financialYear: 2026, quarter: 1, targetQuantity: 40 }],
  });
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
  officer = await sessionCookieFor(world.users.officerA.id);
});

async function page(path: string, cookie: string) {
  const response = await renderPage(path, cookie);
  expect(response.status, path).toBe(200);
  const html = (await response.text()).replace(/<!-- -->/g, "");
  return { html, text: readableText(html) };
}

// the address and words of the link to the last page
const lastPageLink = (html: string) => html.match(/href="[^"]*">Go to page[^<]*/)?.[0];

describe("a page number far past the end", () => {
  it("is named as asked on the requestor's list, with a link to the last page", async () => {
    const { html, text } = await page("/my-requests?page=99999", requestor);
    expect(text).toContain("There is no page 99,999: there are 26 requests, on 2 pages.");
    expect(lastPageLink(html)).toBe('href="/my-requests?page=2">Go to page 2, the last page');
    expect(text).not.toContain("You have not posted any requests yet.");
  });

  it("is said on the council's contracts list, not answered with page 1", async () => {
    const { text } = await page("/contracts?page=99999", officer);
    expect(text).toContain("There is no page 99,999: there is 1 contract, on 1 page.");
    expect(text).not.toContain(contractReference);
  });

  it("is said on the local £ page, not answered with its last page", async () => {
    const { html, text } = await page("/council/reports/local-value?year=2026&view=planned&page=3", officer);
    expect(text).toContain("There is no page 3: there is 1 commitment, on 1 page.");
    expect(lastPageLink(html)).toBe(
      'href="/council/reports/local-value?year=2026&amp;view=planned">Go to page 1, the last page',
    );
    expect(text).not.toContain(contractReference);
  });

  it("beyond the largest page number read, is still named as asked, not as the number it was read as", async () => {
    const { html, text } = await page("/my-requests?page=0012345678901234567890", requestor);
    expect(text).toContain("There is no page 12,345,678,901,234,567,890: there are 26 requests, on 2 pages.");
    expect(lastPageLink(html)).toBe('href="/my-requests?page=2">Go to page 2, the last page');
  });

  it("is said on the marketplace list in the same words", async () => {
    const { text } = await page(`/requests?category=${world.category.id}&page=99999`, requestor);
    expect(text).toContain("There is no page 99,999: there are 26 open requests that match, on 2 pages.");
  });
});

describe("past the end, the page links", () => {
  it("offer the pages there are, and no 'Previous' leading to another page past the end", async () => {
    const { html } = await page("/my-requests?page=5", requestor);
    const nav = html.match(/<nav aria-label="Pagination".*?<\/nav>/s)?.[0] ?? "";
    expect(nav).toContain('href="/my-requests"');
    expect(nav).toContain('href="/my-requests?page=2"');
    expect(nav).not.toContain("page=4");
    expect(nav).not.toContain('rel="prev"');
  });
});

describe("a page number that is not one", () => {
  it.each(["abc", "0", "-1", "2.5", "3abc", "1e3", ""])(
    "?page=%s shows the first page of every list",
    async (asked) => {
      const mine = await page(`/my-requests?page=${asked}`, requestor);
      expect(mine.text, "/my-requests").not.toContain("There is no page");
      expect(mine.html).toMatch(
        /<span aria-current="page"[^>]*><span class="sr-only">Page <\/span>1<\/span>/,
      );
      const contracts = await page(`/contracts?page=${asked}`, officer);
      expect(contracts.text, "/contracts").not.toContain("There is no page");
      expect(contracts.text).toContain(contractReference);
    },
  );
});
