// The public list past its last page: the list and its count stop at 1,000 requests (decision 014), so page 51
// and beyond, or a page past the end of a short list, say how many match and how to narrow them, never a blank.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server.ts";
import { forgetSearchOptions } from "~/domain/marketplace/search.server.ts";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import {
  createCategory,
  createCouncil,
  createDistrict,
  createOrganisation,
  createRequest,
  unique,
} from "../helpers/factories.ts";
import { createBusyCouncil } from "./busy-council.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const { default: RequestsPage } = await import("~/routes/requests._index.tsx");

type ListPage = {
  requests: { id: string }[];
  total: number;
  capped: boolean;
  page: number;
  pageCount: number;
  pastEnd: boolean;
};

let council: { id: string };
let small: { id: string };

beforeAll(async () => {
  ({ council, small } = await createBusyCouncil({
    openRequests: 1005,
    title: "Litter pick",
    description: "Help clear the riverside path.",
    inSmall: 3,
  }));
});

async function listAt(search: string) {
  const response = await callLoader(listLoader, { path: `/requests${search}` });
  expect(response.status).toBe(200);
  const data = await jsonOf<ListPage>(response);
  pageData.loaderData = data;
  pageData.location = { pathname: "/requests", search };
  return { data, html: renderComponent(RequestsPage) };
}

describe("the public list of more than 1,000 requests", () => {
  it("lists page 50 in full and says it is the last page listed", async () => {
    const { data, html } = await listAt(`?council=${council.id}&page=50`);
    expect(data).toMatchObject({ page: 50, pageCount: 50, total: 1000, capped: true, pastEnd: false });
    expect(data.requests).toHaveLength(20);
    expect(html).toContain("This is the last page listed");
  });

  it.each(["51", "52", "999999"])("answers page %s with the count and how to narrow it", async (n) => {
    const { data, html } = await listAt(`?council=${council.id}&page=${n}`);
    expect(data).toMatchObject({ page: Number(n), pageCount: 50, total: 1000, capped: true, pastEnd: true });
    expect(data.requests).toEqual([]);
    expect(html).toContain("More than 1,000 requests");
    expect(html).toContain(`Only the first 1,000 requests are listed, on 50 pages, so there is no page`);
    expect(html).toContain("narrow your search");
    expect(html).toContain(`href="/requests?council=${council.id}&amp;page=50"`);
    expect(html).not.toContain("No open requests match");
  });

  it("answers a search's page 51 the same way", async () => {
    const { data, html } = await listAt(`?council=${council.id}&q=litter&page=51`);
    expect(data).toMatchObject({ page: 51, pageCount: 50, total: 1000, capped: true, pastEnd: true });
    expect(data.requests).toEqual([]);
    expect(html).toContain("narrow your search");
  });
});

describe("a page past the end of a short list", () => {
  it("says how many match and links to the last page", async () => {
    const { data, html } = await listAt(`?category=${small.id}&page=7`);
    expect(data).toMatchObject({ page: 7, pageCount: 1, total: 3, capped: false, pastEnd: true });
    expect(html).toContain("There is no page 7: there are 3 open requests that match, on 1 page.");
    expect(html).toContain(`href="/requests?category=${small.id}">Go to page 1, the last page</a>`);
  });

  it("still says nothing matches when nothing does", async () => {
    const { data, html } = await listAt(`?category=${small.id}&q=zzqxnomatch&page=3`);
    expect(data).toMatchObject({ total: 0, pastEnd: true });
    expect(html).toContain("No open requests match");
  });
});

describe("a shared link naming a district that no longer exists", () => {
  it("lists what the other filters match, shows any district in the form, and says the district was not found", async () => {
    const { data, html } = await listAt(`?category=${small.id}&district=nosuchdistrict`);
    expect(data).toMatchObject({ total: 3, pastEnd: false });
    expect(html).toContain("The district in the link you followed was not found");
    expect(html).toMatch(/<option value="" selected="">Any district<\/option>/);
    expect(html).not.toContain("No open requests match");
  });
});

// The council and category filters leave out an id that names nothing the same way as the district filter.
describe("a shared link naming a council or category that does not exist", () => {
  type Applied = ListPage & {
    notFound: string[];
    filters: Record<string, string | undefined>;
    query: string;
  };

  it("to a council, lists what the other filters match and says the council was not found", async () => {
    const { data, html } = await listAt(`?council=nosuchcouncil&category=${small.id}`);
    expect(data).toMatchObject({ total: 3, notFound: ["council"], query: `category=${small.id}` });
    expect(html).toContain(
      "The council in the link you followed was not found (it may have been removed): choose a council, or any council",
    );
    expect(html).toMatch(/<option value="" selected="">Any council<\/option>/);
  });

  it("to a category, or another council's, lists the council's requests and says the category was not found", async () => {
    const elsewhere = await createCategory((await createCouncil()).id);
    for (const [category, said] of [
      ["nosuchcategory", "The category in the link you followed was not found"],
      // one of another council's categories is named, with the council chosen (session 56)
      [elsewhere.id, `The category ‘${elsewhere.name}’ is not one of `],
    ]) {
      const { data, html } = await listAt(`?council=${council.id}&category=${category}`);
      const applied = data as Applied;
      expect(applied).toMatchObject({ total: 1000, capped: true, notFound: ["category"] });
      expect(applied.filters).toEqual({ council: council.id });
      expect(html).toContain(said);
      expect(html).toMatch(/<option value="" selected="">Any category<\/option>/);
    }
  });

  it("names every filter not found at once", async () => {
    const { data, html } = await listAt(
      "?council=nosuchcouncil&category=nosuchcategory&district=nosuchdistrict",
    );
    expect(data).toMatchObject({ notFound: ["council", "category", "district"] });
    expect(html).toContain(
      "The council, category and district in the link you followed could not be used, so these requests are not filtered by them.",
    );
  });

  it("links to the other pages by the filters applied, so the notice is not repeated there", async () => {
    const { html } = await listAt(`?council=${council.id}&category=nosuchcategory&sort=closing&page=2`);
    expect(html).toContain(`href="/requests?council=${council.id}&amp;sort=closing&amp;page=3"`);
    expect(html).toContain(`href="/requests?council=${council.id}&amp;sort=closing"`); // page 1
    expect(html).not.toContain("nosuchcategory");
    const past = await listAt(`?council=${council.id}&category=nosuchcategory&page=60`);
    expect(past.html).toContain(`href="/requests?council=${council.id}&amp;page=50"`);
    expect(past.html).not.toContain("nosuchcategory");
  });
});

describe("a link naming a category or district no longer used", () => {
  it("filters by it, and the form offers it marked as no longer used while the link names it", async () => {
    const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const retired = await createCategory(council.id, unique("Old category"));
    const inRetired = await createRequest({
      councilId: council.id,
      organisationId: vcse.id,
      categoryId: retired.id,
    });
    await db.category.update({ where: { id: retired.id }, data: { active: false } });
    forgetSearchOptions(); // as retiring it in the council's lists does

    const { data, html } = await listAt(`?category=${retired.id}`);
    expect(data).toMatchObject({ total: 1, notFound: [] });
    expect(data.requests.map((r) => r.id)).toEqual([inRetired.id]);
    expect(html).toMatch(
      new RegExp(
        `<option value="${retired.id}" selected="">${retired.name} \\(no longer used\\)[^<]*</option>`,
      ),
    );
    expect(html).not.toContain("was not found");

    const other = await listAt(`?category=${small.id}`);
    expect(other.html).not.toContain(retired.id);
  });

  it("marks a district no longer used the same way", async () => {
    const retired = await createDistrict(council.id, unique("Old district"), ["ZZ98"]);
    await db.district.update({ where: { id: retired.id }, data: { active: false } });
    forgetSearchOptions();

    const { html } = await listAt(`?district=${retired.id}`);
    expect(html).toMatch(
      new RegExp(
        `<option value="${retired.id}" selected="">${retired.name} \\(no longer used\\)[^<]*</option>`,
      ),
    );
  });
});
