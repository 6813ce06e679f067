// The local £ page quietly showed the financial year under way, and the local £ delivered, for a year or view in
// its address it could not read (?year=garbage, ?year=0001, ?view=sideways): an officer following a mistyped or
// cut-off link was shown other figures than they asked for without a word. It now says what it could not read
// and what it shows instead, and never fails.
import { beforeAll, describe, expect, it } from "vitest";
import { financialYearLabel, quarterOf } from "~/domain/contracts/quarters.ts";
import { localValueFilters } from "~/domain/reporting/local-value-filters.ts";
import { loader } from "~/routes/council.reports.local-value.tsx";
import { createWorldSignedInAs } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let cookie: string;
const current = quarterOf(new Date()).financialYear;

beforeAll(async () => {
  ({ cookie } = await createWorldSignedInAs("officerA"));
});

type Data = { financialYear: number; view: string; notUnderstood: string[] };

async function open(search: string) {
  const response = await callLoader(loader, { path: `/council/reports/local-value${search}`, cookie });
  expect(response.status).toBe(200);
  return jsonOf<Data>(response);
}

describe("the local £ page given a year or view it cannot read", () => {
  it("says so, and what it shows instead", async () => {
    const data = await open("?year=garbage&view=sideways");
    expect(data).toMatchObject({ financialYear: current, view: "delivered" });
    expect(data.notUnderstood).toEqual([
      `The year “garbage” was not understood, so this shows ${financialYearLabel(current)}, the financial year under way. A year is written like ${current}, from 1989 to 2100.`,
      "“sideways” was not understood as planned or delivered, so this shows the local £ delivered.",
    ]);
  });

  it("refuses a year no contract can fall in, or written as something else than four digits", async () => {
    for (const year of ["0001", "1066", "2101", "0x7EA", "2.026e3", "2026.0"]) {
      const data = await open(`?year=${encodeURIComponent(year)}&view=planned`);
      expect(data.financialYear, year).toBe(current);
      expect(data.view).toBe("planned");
      expect(data.notUnderstood, year).toHaveLength(1);
      expect(data.notUnderstood[0]).toContain(`“${year}”`);
    }
  });

  it("says nothing of a year and view it can read, or of none given", async () => {
    expect(await open("?year=2025&view=planned")).toMatchObject({
      financialYear: 2025,
      view: "planned",
      notUnderstood: [],
    });
    expect((await open("")).notUnderstood).toEqual([]);
    expect((await open("?year=&view=")).notUnderstood).toEqual([]);
  });

  it("shows the message on the page, not a server error", async () => {
    const page = await renderPage("/council/reports/local-value?year=garbage&view=sideways", cookie);
    expect(page.status).toBe(200);
    const text = readableText(await page.text());
    expect(text).toContain("Part of the address was not understood");
    expect(text).toContain("The year “garbage” was not understood");
    expect(text).toContain(`Local £ delivered in ${financialYearLabel(current)}`);
  });

  it("cuts a long value short in the message", () => {
    const { notUnderstood } = localValueFilters(new URLSearchParams({ view: "x".repeat(500) }), 2026);
    expect(notUnderstood[0]).toBe(
      `“${"x".repeat(40)}…” was not understood as planned or delivered, so this shows the local £ delivered.`,
    );
  });
});
