// A day and time read "1 December 2026 at 7:05", which could be morning or evening: they are now written as GOV.UK
// writes them, in London time.
import { describe, expect, it } from "vitest";
import { formatDateTime } from "~/domain/format.ts";

describe("formatDateTime", () => {
  it("writes the time with am or pm, and leaves out :00", () => {
    expect(formatDateTime("2026-12-01T07:05:00Z")).toBe("1 December 2026 at 7:05am");
    expect(formatDateTime("2026-12-01T07:00:00Z")).toBe("1 December 2026 at 7am");
    expect(formatDateTime("2026-12-01T17:30:00Z")).toBe("1 December 2026 at 5:30pm");
    expect(formatDateTime("2026-12-01T12:45:00Z")).toBe("1 December 2026 at 12:45pm");
    expect(formatDateTime("2026-12-01T00:15:00Z")).toBe("1 December 2026 at 12:15am");
  });

  it("says midday and midnight rather than 12pm and 12am", () => {
    expect(formatDateTime("2026-12-01T12:00:00Z")).toBe("1 December 2026 at midday");
    expect(formatDateTime("2026-12-01T00:00:00Z")).toBe("1 December 2026 at midnight");
  });

  it("gives the London day and time in summer", () => {
    expect(formatDateTime(new Date("2026-06-30T23:30:00Z"))).toBe("1 July 2026 at 12:30am");
  });

  it("is blank for no time", () => {
    expect(formatDateTime(null)).toBe("");
  });
});
