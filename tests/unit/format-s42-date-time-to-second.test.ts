// The audit log's times read "5 December 2026 at 15:24:10 GMT" while every other page and email wrote "at 3:24pm":
// they are now written in the house's words, with the seconds and the clock (BST or GMT) the log needs.
import { describe, expect, it } from "vitest";
import { formatDateTimeToSecond } from "~/domain/format.ts";

describe("formatDateTimeToSecond", () => {
  it("writes the time with am or pm, to the second, with its clock", () => {
    expect(formatDateTimeToSecond("2026-12-05T15:24:10Z")).toBe("5 December 2026 at 3:24:10pm GMT");
    expect(formatDateTimeToSecond("2026-12-05T07:00:05Z")).toBe("5 December 2026 at 7:00:05am GMT");
    expect(formatDateTimeToSecond("2026-12-05T12:00:30Z")).toBe("5 December 2026 at 12:00:30pm GMT");
    expect(formatDateTimeToSecond("2026-12-05T00:00:09Z")).toBe("5 December 2026 at 12:00:09am GMT");
  });

  it("gives the London day and time in summer, and tells the hour the clocks go back twice apart", () => {
    expect(formatDateTimeToSecond(new Date("2026-06-30T23:30:00Z"))).toBe("1 July 2026 at 12:30:00am BST");
    expect(formatDateTimeToSecond("2025-10-26T00:30:05Z")).toBe("26 October 2025 at 1:30:05am BST");
    expect(formatDateTimeToSecond("2025-10-26T01:30:05Z")).toBe("26 October 2025 at 1:30:05am GMT");
  });

  it("is blank for no time", () => {
    expect(formatDateTimeToSecond(null)).toBe("");
  });
});
