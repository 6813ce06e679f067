// The quarterly departmental report's form, shown again with an error: the choice that was fine stayed out of the
// boxes. A quarter that has not started yet (from a saved or shared address) set the department box back to "All
// departments", and a department the council has no contracts in set the quarter box back to the current quarter,
// so "Show report" after correcting the one error showed another report than the one asked for.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { previousQuarter, quarterOf } from "~/domain/contracts/quarters.ts";
import * as reportPage from "~/routes/council.reports._index.tsx";
import { createContract, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callLoader } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

let cookie: string;
const DEPARTMENT = "Adults, Wellbeing and Health";

beforeAll(async () => {
  const world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
  await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    department: DEPARTMENT,
    startDate: new Date("2024-04-01"),
  });
  await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    department: "Highways",
    startDate: new Date("2024-04-01"),
  });
});

// (answered 400 when a choice is refused)
async function open(search: string, status = 200) {
  const response = await callLoader(reportPage.loader, { path: `/council/reports${search}`, cookie });
  expect(response.status).toBe(status);
  pageData.loaderData = await response.json();
  return renderComponent(reportPage.default);
}

// the option chosen in a select, as the browser shows it
const chosen = (html: string, name: string) => {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return /<option[^>]*value="([^"]*)"[^>]*selected/.exec(select)?.[1] ?? null;
};

describe("the departmental report's form, shown again with an error", () => {
  it("keeps the department chosen when the quarter is refused", async () => {
    const html = await open(`?quarter=2099-Q1&department=${encodeURIComponent(DEPARTMENT)}`, 400);
    expect(html).toContain("There is a problem");
    expect(html).toContain("Select a quarter that has started");
    expect(chosen(html, "department")).toBe(DEPARTMENT);
  });

  it("keeps the quarter chosen when the department is refused", async () => {
    const { financialYear, quarter } = previousQuarter(previousQuarter(quarterOf(new Date())));
    const value = `${financialYear}-Q${quarter}`;
    const html = await open(`?quarter=${value}&department=Nowhere`, 400);
    expect(html).toContain("There is a problem");
    expect(chosen(html, "quarter")).toBe(value);
  });

  it("shows the chosen quarter and department with the report", async () => {
    const { financialYear, quarter } = previousQuarter(previousQuarter(quarterOf(new Date())));
    const value = `${financialYear}-Q${quarter}`;
    const html = await open(`?quarter=${value}&department=Highways`);
    expect(html).not.toContain("There is a problem");
    expect(chosen(html, "quarter")).toBe(value);
    expect(chosen(html, "department")).toBe("Highways");
  });
});
