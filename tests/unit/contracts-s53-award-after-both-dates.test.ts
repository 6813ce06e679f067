// An award date after both the start and an end date typed before the start was told only once the end date was put
// right, on the contract form and in a row of the contracts import: it may be after the end that was meant as well.
// Both now tell it with the end date's problem; an award on or before the start is still left to the end date.
import { describe, expect, it } from "vitest";
import { parseImportRow } from "~/domain/contracts/import-rows.ts";
import { AWARDED_AFTER_END, isAwardedAfterEnd } from "~/domain/contracts/schemas.ts";
import { importRecord as record } from "../helpers/contract-forms.ts";

const problems = (result: ReturnType<typeof parseImportRow>) =>
  result.ok ? [] : result.errors.map((e) => `${e.column}: ${e.message}`);

const END_BEFORE_START = "end_date: The end date must be on or after the start date";

describe("an award date against an end date before the start", () => {
  it("is told with the end date when it is after the start as well", () => {
    const result = parseImportRow(
      2,
      record({ awarded_on: "2027-01-01", start_date: "2026-04-01", end_date: "2026-03-31" }),
    );
    // in the order of the columns
    expect(problems(result)).toEqual([`awarded_on: ${AWARDED_AFTER_END}`, END_BEFORE_START]);
  });

  it("is left to the end date when it is on or before the start", () => {
    for (const awarded_on of ["2026-04-01", "2026-03-31"]) {
      const result = parseImportRow(
        3,
        record({ awarded_on, start_date: "2026-04-01", end_date: "2026-01-31" }),
      );
      expect(problems(result)).toEqual([END_BEFORE_START]);
    }
  });
});

describe("isAwardedAfterEnd", () => {
  it("follows the end date when the term is in order, or its start cannot be read", () => {
    expect(
      isAwardedAfterEnd({ awardedOn: "2027-04-01", startDate: "2026-04-01", endDate: "2027-03-31" }),
    ).toBe(true);
    expect(
      isAwardedAfterEnd({ awardedOn: "2027-03-31", startDate: "2026-04-01", endDate: "2027-03-31" }),
    ).toBe(false);
    expect(isAwardedAfterEnd({ awardedOn: "2027-04-01", startDate: null, endDate: "2027-03-31" })).toBe(true);
  });

  it("against an end before the start, is told only for an award after the start too", () => {
    const term = { startDate: "2026-04-01", endDate: "2026-03-31" };
    expect(isAwardedAfterEnd({ ...term, awardedOn: "2026-04-02" })).toBe(true);
    expect(isAwardedAfterEnd({ ...term, awardedOn: "2026-04-01" })).toBe(false);
    expect(isAwardedAfterEnd({ ...term, awardedOn: "2026-01-01" })).toBe(false);
  });
});
