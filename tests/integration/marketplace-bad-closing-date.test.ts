// A link to the public list whose closing date is not a real date (typed by hand, or cut short when shared) says
// the date was left out. Before, the list quietly showed requests closing on any date, with an empty date field,
// as if the person had asked for no date at all.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseSearch } from "~/domain/marketplace/schemas.ts";
import { createRequest, createWorld } from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const list = await import("~/routes/requests._index.tsx");

beforeAll(async () => {
  const world = await createWorld();
  await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
  });
});

async function render(search: string) {
  const response = await callLoader(list.loader, { path: `/requests?${search}` });
  expect(response.status).toBe(200);
  const data = await jsonOf<{ unread: { name: string; sent: string }[] }>(response);
  pageData.loaderData = data;
  pageData.location = { pathname: "/requests", search: `?${search}` };
  return { data, html: renderComponent(list.default) };
}

describe("a closing date in the link", () => {
  it.each(["2026-02-31", "31/02/2026", "tomorrow"])(
    "that is not a real date (%s) is said to be left out",
    async (bad) => {
      const { data, html } = await render(`closingBefore=${encodeURIComponent(bad)}`);
      expect(data.unread).toEqual([{ name: "closingBefore", sent: bad }]);
      expect(html).toContain(`The closing date “${bad}” is not a real date`);
    },
  );

  it("that is a real date, or empty, says nothing of the kind", async () => {
    // 31/12/2099 as the forms take dates, where a browser shows the date box as a text box
    for (const search of ["closingBefore=2099-01-01", "closingBefore=31%2F12%2F2099", "closingBefore=", ""]) {
      const { data, html } = await render(search);
      expect(data.unread).toEqual([]);
      expect(html).not.toContain("is not a real date");
    }
  });

  it("written as the forms take dates, filters on that day", () => {
    expect(parseSearch(new URLSearchParams("closingBefore=31/12/2099")).closingBefore).toBe("2099-12-31");
    expect(parseSearch(new URLSearchParams("closingBefore=1/2/2099")).closingBefore).toBe("2099-02-01");
  });
});
