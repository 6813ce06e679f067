// The audit log wrote an entry made exactly at midnight "5 December 2026 at 12:00:00am GMT", which GOV.UK style (and
// every other page and email, "at midnight") avoids: an exact midnight or midday to the second is now said in words,
// and a time with any other part (a second past) keeps its figures.
import { describe, expect, it } from "vitest";
import { formatDateTime, formatDateTimeToSecond } from "~/domain/format.ts";

describe("formatDateTimeToSecond at midnight and midday", () => {
  it("says midnight and midday, with the clock, for the exact time", () => {
    expect(formatDateTimeToSecond("2026-12-05T00:00:00Z")).toBe("5 December 2026 at midnight GMT");
    expect(formatDateTimeToSecond("2026-12-05T12:00:00Z")).toBe("5 December 2026 at midday GMT");
  });

  it("says them in London time in summer", () => {
    expect(formatDateTimeToSecond("2026-06-30T23:00:00Z")).toBe("1 July 2026 at midnight BST");
    expect(formatDateTimeToSecond("2026-07-01T11:00:00Z")).toBe("1 July 2026 at midday BST");
  });

  it("keeps the figures for a time a second or a minute past", () => {
    expect(formatDateTimeToSecond("2026-12-05T00:00:05Z")).toBe("5 December 2026 at 12:00:05am GMT");
    expect(formatDateTimeToSecond("2026-12-05T12:00:01Z")).toBe("5 December 2026 at 12:00:01pm GMT");
    expect(formatDateTimeToSecond("2026-12-05T00:01:00Z")).toBe("5 December 2026 at 12:01:00am GMT");
    expect(formatDateTimeToSecond("2026-12-05T12:59:00Z")).toBe("5 December 2026 at 12:59:00pm GMT");
  });

  it("keeps other hours on the hour in figures", () => {
    expect(formatDateTimeToSecond("2026-12-05T07:00:00Z")).toBe("5 December 2026 at 7:00:00am GMT");
    expect(formatDateTimeToSecond("2026-12-05T23:00:00Z")).toBe("5 December 2026 at 11:00:00pm GMT");
  });
});

describe("formatDateTime at midnight and midday", () => {
  it("says them in words, as it did", () => {
    expect(formatDateTime("2026-12-05T00:00:00Z")).toBe("5 December 2026 at midnight");
    expect(formatDateTime("2026-12-05T12:00:00Z")).toBe("5 December 2026 at midday");
    expect(formatDateTime("2026-12-05T12:01:00Z")).toBe("5 December 2026 at 12:01pm");
  });
});
