// The departmental report as rendered: asked for a quarter older than the twelve its form offers (a saved or
// shared address), the report is for that quarter, and so is the form's quarter box, not the first quarter
// offered; a contract terminated early says when.
import { beforeAll, describe, expect, it } from "vitest";
import * as reportPage from "~/routes/council.reports._index.tsx";
import { createContract, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let cookie: string;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
  // a contract since April 2024, so the form offers its full twelve quarters (with none, it offered only the
  // current one, and "one of them" below was no quarter at all)
  await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    startDate: new Date("2024-04-01"),
  });
});

// what the loader answered, and the page as a browser gets it
async function open(search: string) {
  const response = await callLoader(reportPage.loader, { path: `/council/reports${search}`, cookie });
  expect(response.status).toBe(200);
  const page = await renderPage(`/council/reports${search}`, cookie);
  expect(page.status).toBe(200);
  return { data: await jsonOf<{ offered: { value: string }[] }>(response), html: await page.text() };
}

describe("the departmental report for a quarter older than those offered", () => {
  it("offers that quarter too, chosen, after the others", async () => {
    const { data, html } = await open("?quarter=2019-Q1&department=all");
    expect(data.offered.at(-1)?.value).toBe("2019-Q1");
    expect(data.offered.filter((q) => q.value === "2019-Q1")).toHaveLength(1);
    expect(html).toMatch(/<option value="2019-Q1" selected="">Q1 2019\/20/);
  });

  it("offers the usual quarters, once each, for one of them", async () => {
    const usual = await open("");
    const values = usual.data.offered.map((q) => q.value);
    const { data } = await open(`?quarter=${values[2]}&department=all`);
    expect(data.offered.map((q) => q.value)).toEqual(values);
  });
});

describe("a terminated contract in the departmental report", () => {
  it("says when it was terminated", async () => {
    const department = unique("Libraries");
    await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      department,
      status: "TERMINATED",
      terminatedOn: new Date("2025-08-15"),
    });
    const { html } = await open(`?quarter=2025-Q2&department=${encodeURIComponent(department)}`);
    expect(html).toContain("Terminated on 15 August 2025");
  });
});
