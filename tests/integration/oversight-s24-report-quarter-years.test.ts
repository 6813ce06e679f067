// The departmental report read any four-digit year from its address: ?quarter=0001-Q1 gave a report (and a CSV)
// for 1901, since the date arithmetic reads years below 100 as 19xx, and ?quarter=1066-Q1 one for a year no
// contract can fall in. A year outside those a contract's dates may have is refused, saying which years may be.
import { beforeAll, describe, expect, it } from "vitest";
import { parseQuarter, REPORT_YEARS } from "~/domain/reporting/departmental-report.server.ts";
import { loader as csvLoader } from "~/routes/council.reports.departmental[.]csv.ts";
import * as reportPage from "~/routes/council.reports._index.tsx";
import { createWorldSignedInAs } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

const RANGE_ERROR = "Select a quarter that has started, from Q1 1989/90 on";

let cookie: string;

beforeAll(async () => {
  ({ cookie } = await createWorldSignedInAs("officerA"));
});

describe("parseQuarter", () => {
  it("reads a quarter in the years a contract's dates may fall in", () => {
    expect(REPORT_YEARS).toEqual({ from: 1989, to: 2100 });
    expect(parseQuarter("2026-Q2")).toEqual({ financialYear: 2026, quarter: 2 });
    expect(parseQuarter("1989-Q4")).toEqual({ financialYear: 1989, quarter: 4 });
    expect(parseQuarter("2100-Q4")).toEqual({ financialYear: 2100, quarter: 4 });
  });

  it("reads a quarter typed in lower case or pasted with spaces around it", () => {
    expect(parseQuarter("2026-q2")).toEqual({ financialYear: 2026, quarter: 2 });
    expect(parseQuarter(" 2026-Q3 ")).toEqual({ financialYear: 2026, quarter: 3 });
    expect(parseQuarter("2026-q5")).toBeNull();
    expect(parseQuarter("2026 Q2")).toBeNull();
  });

  it("refuses a year outside them", () => {
    for (const value of ["0001-Q1", "0099-Q2", "1066-Q1", "1988-Q4", "2101-Q1", "9999-Q4"])
      expect(parseQuarter(value), value).toBeNull();
  });
});

describe("the departmental report for a quarter in an absurd year", () => {
  it("shows no report, and says which years may be chosen", async () => {
    for (const quarter of ["0001-Q1", "1066-Q3", "9999-Q1"]) {
      const response = await callLoader(reportPage.loader, {
        path: `/council/reports?quarter=${quarter}&department=all`,
        cookie,
      });
      expect(response.status).toBe(400);
      const data = await jsonOf<{ report: unknown; errors: Record<string, string[]> }>(response);
      expect(data.report, quarter).toBeNull();
      expect(data.errors.quarter).toEqual([RANGE_ERROR]);
    }
    const page = await renderPage("/council/reports?quarter=0001-Q1&department=all", cookie);
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain(RANGE_ERROR);
    expect(html).not.toContain("1901");
  });

  it("still says 'Select a quarter' for one not written as a quarter", async () => {
    const response = await callLoader(reportPage.loader, {
      path: "/council/reports?quarter=garbage&department=all",
      cookie,
    });
    const data = await jsonOf<{ errors: Record<string, string[]> }>(response);
    expect(data.errors.quarter).toEqual(["Select a quarter"]);
  });

  it("gives no CSV for it, and goes back to the report, which says why", async () => {
    const response = await callLoader(csvLoader, {
      path: "/council/reports/departmental.csv?quarter=0001-Q1&department=all",
      cookie,
    });
    expect(response.status).toBe(303);
    const back = response.headers.get("location")!;
    expect(back).toBe("/council/reports?quarter=0001-Q1&department=all");
    expect(await (await renderPage(back, cookie)).text()).toContain(RANGE_ERROR);
  });
});
