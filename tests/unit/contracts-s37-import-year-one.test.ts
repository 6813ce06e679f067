// A date in year 0001 was told "Enter a real date as 2026-04-01 or 01/04/2026" (Date.UTC reads years 0 to 99 as
// 1900 to 1999, so the day did not match), while one in year 9999 was told the years allowed: both now say the years.
import { describe, expect, it } from "vitest";
import {
  DAY_YEARS,
  dayProblem,
  importDayProblem,
  parseDay,
  parseImportDay,
} from "~/domain/contracts/values.ts";

const YEARS = `Enter a date between ${DAY_YEARS.from} and ${DAY_YEARS.to}`;

describe("a contract date in a year far outside those allowed", () => {
  it.each(["0001-04-01", "01/04/0001", "0099-12-31", "9999-04-01", "01/04/9999"])(
    "%s is told the years allowed, in the import and on the form",
    (text) => {
      expect(parseImportDay(text)).toBeNull();
      expect(parseDay(text)).toBeNull();
      expect(importDayProblem(text)).toBe(YEARS);
      expect(dayProblem(text, "unreadable")).toBe(YEARS);
    },
  );

  it("with a time after it too", () => {
    expect(importDayProblem("0001-04-01 00:00:00")).toBe(YEARS);
    expect(importDayProblem("9999-04-01 00:00:00")).toBe(YEARS);
  });

  it("a day not on the calendar is still told it is not a real date", () => {
    expect(importDayProblem("0001-02-30")).toBe("Enter a real date as 2026-04-01 or 01/04/2026");
    expect(parseDay("2028-02-29")).toBe("2028-02-29");
    expect(parseDay("2026-02-29")).toBeNull();
  });
});
