// The quarterly departmental report gave a contract's return for the quarter as "Submitted", "Accepted" and so on,
// but one not yet opened as "not opened", in lower case: in the CSV's "Return for the quarter" column, sorted or
// filtered in a spreadsheet, it stood apart from the other statuses. The page and the CSV now say "Not opened".
import { describe, expect, it } from "vitest";
import { createReturnsWorld } from "./returns-world.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

describe("a return not yet opened, in the departmental report", () => {
  it("is 'Not opened' on the page and in the CSV, as the other statuses are written", async () => {
    const w = await createReturnsWorld(); // a return for Q1 2026/27 only
    const page = await renderPage("/council/reports?quarter=2026-Q2", w.cookies.officerA);
    expect(page.status).toBe(200);
    const text = readableMainText((await page.text()).replace(/<!-- -->/g, ""));
    expect(text).toContain("Return for Q2 2026/27: Not opened");
    const csv = await renderPage(
      `/council/reports/departmental.csv?quarter=2026-Q2&department=&council=${w.councilA.id}`,
      w.cookies.officerA,
    );
    expect(csv.status).toBe(200);
    // the contracts' rows: the measures' totals after them (Row "Total") are for no one contract
    const rows = (await csv.text())
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .filter((row) => !row.endsWith(",Total"));
    expect(rows.length).toBe(2);
    for (const row of rows) expect(row).toContain(",Not opened,");
  });
});
