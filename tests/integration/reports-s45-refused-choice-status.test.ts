// The quarterly departmental report asked for with a choice it cannot be made for (?quarter=2026-Q5) said so beside
// the box but answered 200, as if the report had been given; and a choice named twice with different values
// (?quarter=2026-Q2&quarter=2026-Q1, an edited or joined link) silently showed the first one's report. Both now
// answer 400 with the page, the error beside the box and the first value kept in it; the CSV link goes back to the
// page to say so rather than giving one of the two files.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as csvLoader } from "~/routes/council.reports.departmental[.]csv.ts";
import {
  DEPARTMENT_NAMED_TWICE,
  QUARTER_NAMED_TWICE,
} from "~/domain/reporting/departmental-report.server.ts";
import { createContract, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callLoader } from "../helpers/routes.ts";

let cookie: string;
let reference: string;

beforeAll(async () => {
  const world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
  reference = unique("TWICE");
  await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    reference,
    department: "Highways",
    startDate: new Date("2024-04-01"),
  });
});

async function page(search: string) {
  const response = await renderPage(`/council/reports${search}`, cookie);
  const html = (await response.text()).replace(/<!-- -->/g, "");
  return { status: response.status, html, text: readableMainText(html) };
}

// the option chosen in a select, as the browser shows it
const chosen = (html: string, name: string) => {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return /<option[^>]*value="([^"]*)"[^>]*selected/.exec(select)?.[1] ?? null;
};

describe("the departmental report asked for with a choice it cannot be made for", () => {
  it("answers 400 with the page and its error for a quarter that is not one", async () => {
    const { status, text } = await page("?quarter=2026-Q5&department=Highways");
    expect(status).toBe(400);
    expect(text).toContain("There is a problem");
    expect(text).toContain("Select a quarter");
    expect(text).not.toContain(reference);
  });

  it("answers 400 for a department the council has none of", async () => {
    const { status, text } = await page("?quarter=2026-Q1&department=Nowhere");
    expect(status).toBe(400);
    expect(text).toContain("Select a department or service");
  });

  it("still answers 200 with the report for a good choice", async () => {
    const { status, text } = await page("?quarter=2026-Q1&department=Highways");
    expect(status).toBe(200);
    expect(text).toContain(reference);
  });
});

describe("the departmental report with a choice named twice", () => {
  it("refuses two quarters, keeping the first in its box and showing no report", async () => {
    const { status, html, text } = await page("?quarter=2026-Q2&quarter=2026-Q1&department=Highways");
    expect(status).toBe(400);
    expect(text).toContain(QUARTER_NAMED_TWICE);
    expect(text).not.toContain(reference);
    expect(chosen(html, "quarter")).toBe("2026-Q2");
    expect(chosen(html, "department")).toBe("Highways");
  });

  it("refuses two departments the same way", async () => {
    const { status, html, text } = await page("?quarter=2026-Q1&department=Highways&department=");
    expect(status).toBe(400);
    expect(text).toContain(DEPARTMENT_NAMED_TWICE);
    expect(text).not.toContain(reference);
    expect(chosen(html, "department")).toBe("Highways");
  });

  it("takes the same choice named twice as named once", async () => {
    const { status, text } = await page("?quarter=2026-Q1&quarter=2026-Q1&department=Highways");
    expect(status).toBe(200);
    expect(text).toContain(reference);
  });

  it("sends the CSV link back to the page, which says so, rather than giving one of the files", async () => {
    const csv = await callLoader(csvLoader, {
      path: "/council/reports/departmental.csv?quarter=2026-Q2&quarter=2026-Q1&department=Highways",
      cookie,
    });
    expect(csv.status).toBe(303);
    const location = csv.headers.get("location")!;
    expect(new URL(location, "http://x").searchParams.getAll("quarter")).toEqual(["2026-Q2", "2026-Q1"]);
    const { status, text } = await page(location.slice("/council/reports".length));
    expect(status).toBe(400);
    expect(text).toContain(QUARTER_NAMED_TWICE);
  });
});
