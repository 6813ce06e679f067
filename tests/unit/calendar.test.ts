import { describe, expect, it } from "vitest";
import { isoDayAsUk, londonDay, londonMidnight, sameDateYearBefore, ukDayAsIso } from "~/domain/calendar.ts";

describe("londonDay: which calendar date it is in London", () => {
  it("after midnight in British Summer Time it is already the next day (UTC is still on the previous one)", () => {
    expect(londonDay(new Date("2031-07-10T23:30:00Z")).toISOString()).toBe("2031-07-11T00:00:00.000Z");
    expect(londonDay(new Date("2031-07-10T22:59:00Z")).toISOString()).toBe("2031-07-10T00:00:00.000Z");
  });

  it("in winter London is on UTC", () => {
    expect(londonDay(new Date("2031-01-10T23:30:00Z")).toISOString()).toBe("2031-01-10T00:00:00.000Z");
    expect(londonDay(new Date("2031-01-11T00:00:00Z")).toISOString()).toBe("2031-01-11T00:00:00.000Z");
  });

  it("a stored date (00:00 UTC) is its own day in every season, across the clock changes", () => {
    for (const date of ["2031-03-30", "2031-03-31", "2031-10-26", "2032-02-29", "2031-12-31"])
      expect(
        londonDay(new Date(`${date}T00:00:00Z`))
          .toISOString()
          .slice(0, 10),
      ).toBe(date);
  });
});

describe("sameDateYearBefore: where the last 12 months begin", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it.each([
    ["2026-11-30", "2025-11-30"],
    // across a 29 February, a year is 366 days, not 365
    ["2028-03-01", "2027-03-01"],
    ["2029-02-28", "2028-02-28"],
    // there is no 29 February in the year before
    ["2028-02-29", "2027-02-28"],
    ["2027-01-01", "2026-01-01"],
  ])("from %s it is %s", (from, expected) => {
    expect(sameDateYearBefore(day(from)).toISOString().slice(0, 10)).toBe(expected);
  });
});

describe("londonMidnight: the moment a day begins in London", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it.each([
    // summer time: an hour before midnight UTC
    ["2026-07-15", "2026-07-14T23:00:00.000Z"],
    // winter: midnight UTC
    ["2026-01-15", "2026-01-15T00:00:00.000Z"],
    // the days the clocks change (at 01:00 UTC): each begins on the offset of the night before
    ["2026-03-29", "2026-03-29T00:00:00.000Z"],
    ["2026-03-30", "2026-03-29T23:00:00.000Z"],
    ["2026-10-25", "2026-10-24T23:00:00.000Z"],
    ["2026-10-26", "2026-10-26T00:00:00.000Z"],
  ])("%s begins at %s", (date, expected) => {
    expect(londonMidnight(day(date)).toISOString()).toBe(expected);
  });

  it("is where londonDay's day starts", () => {
    const start = londonMidnight(day("2026-07-15"));
    expect(londonDay(start).toISOString().slice(0, 10)).toBe("2026-07-15");
    expect(
      londonDay(new Date(start.getTime() - 1))
        .toISOString()
        .slice(0, 10),
    ).toBe("2026-07-14");
  });
});

describe("isoDayAsUk: an ISO day as the date boxes take it", () => {
  it("writes day, month and year with slashes, and reads back as the same day", () => {
    expect(isoDayAsUk("2026-12-04")).toBe("04/12/2026");
    expect(ukDayAsIso(isoDayAsUk("2027-03-27"))).toBe("2027-03-27");
  });
});
