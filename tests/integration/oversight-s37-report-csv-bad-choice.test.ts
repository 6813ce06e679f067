// The departmental report's CSV answered a choice it cannot be made for (a quarter not written as one, one not
// yet started or out of range, a department the council has none in) with a bare line of plain text and a 400:
// a dead end in the browser, with no way back to the report. It now goes back to the report page with the same
// choices, where the page says what is wrong beside the box to change.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as csvLoader } from "~/routes/council.reports.departmental[.]csv.ts";
import { createContract, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callLoader } from "../helpers/routes.ts";

let cookie: string;
let councilId: string;

beforeAll(async () => {
  const world = await createWorld();
  councilId = world.councilA.id;
  cookie = await sessionCookieFor(world.users.officerA.id);
  await createContract({ councilId, supplierOrganisationId: world.supplier.id, department: "Highways" });
});

async function followed(query: string) {
  const csv = await callLoader(csvLoader, {
    path: `/council/reports/departmental.csv${query}&council=${councilId}`,
    cookie,
  });
  expect(csv.status).toBe(303);
  expect(csv.headers.get("content-type") ?? "").not.toMatch(/text\/plain/);
  const location = csv.headers.get("location")!;
  expect(location).toMatch(/^\/council\/reports\?/);
  const page = await renderPage(location, cookie);
  // the page with the refused choice, answered 400 as a refused form is
  expect(page.status).toBe(400);
  return { location, text: readableMainText(await page.text()) };
}

describe("the departmental CSV asked for with a choice it cannot be made for", () => {
  it("goes back to the report, which says the quarter is not one", async () => {
    const { location, text } = await followed("?quarter=garbage&department=Highways");
    expect(new URL(location, "http://x").searchParams.get("department")).toBe("Highways");
    expect(text).toContain("There is a problem");
    expect(text).toContain("Select a quarter");
  });

  it("asks for a quarter when none was given, rather than showing another quarter's report", async () => {
    const { text } = await followed("?department=all");
    expect(text).toContain("Select a quarter");
    expect(text).not.toContain("Download as CSV");
  });

  it("says a quarter not yet started, or out of range, has not started", async () => {
    expect((await followed("?quarter=2099-Q1&department=all")).text).toContain(
      "Select a quarter that has started",
    );
    expect((await followed("?quarter=0001-Q1&department=all")).text).toContain(
      "Select a quarter that has started, from Q1 1989/90 on",
    );
  });

  it("says a department the council has no contracts in is not one to choose", async () => {
    const { location, text } = await followed("?quarter=2026-Q1&department=Nowhere");
    expect(new URL(location, "http://x").searchParams.get("quarter")).toBe("2026-Q1");
    expect(text).toContain("Select a department or service");
  });

  it("still gives the file for a good choice", async () => {
    const csv = await callLoader(csvLoader, {
      path: `/council/reports/departmental.csv?quarter=2026-Q1&department=Highways&council=${councilId}`,
      cookie,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
  });
});
