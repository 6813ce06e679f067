// The paging arithmetic every paginated list uses (page-number.ts): which rows a page holds and how many pages
// a list has.
import { describe, expect, it } from "vitest";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";

describe("a page's rows", () => {
  it("start at the first row on page 1", () => {
    expect(pageWindow(1, 25)).toEqual({ skip: 0, take: 25 });
  });

  it("start after every row of the pages before", () => {
    expect(pageWindow(2, 25)).toEqual({ skip: 25, take: 25 });
    expect(pageWindow(7, 20)).toEqual({ skip: 120, take: 20 });
  });

  it("are a page's worth past the last page too (the list then says there is no such page)", () => {
    expect(pageWindow(5, 10)).toEqual({ skip: 40, take: 10 });
  });
});

describe("a list's number of pages", () => {
  it("is 1 for an empty list, which is shown on one page with its 'nothing here' message", () => {
    expect(pageCountOf(0, 25)).toBe(1);
  });

  it("is 1 for a list of one page or less", () => {
    expect(pageCountOf(1, 25)).toBe(1);
    expect(pageCountOf(24, 25)).toBe(1);
  });

  it("is exactly the multiple when the list fills its last page", () => {
    expect(pageCountOf(25, 25)).toBe(1);
    expect(pageCountOf(50, 25)).toBe(2);
    expect(pageCountOf(1000, 20)).toBe(50);
  });

  it("counts a last page that is only partly full", () => {
    expect(pageCountOf(26, 25)).toBe(2);
    expect(pageCountOf(51, 25)).toBe(3);
    expect(pageCountOf(1001, 20)).toBe(51);
  });

  it("holds every row: the last page's window reaches the last row and the one after it starts past it", () => {
    for (const [total, size] of [
      [1, 25],
      [25, 25],
      [26, 25],
      [99, 20],
      [100, 20],
    ]) {
      const last = pageWindow(pageCountOf(total, size), size);
      expect(last.skip).toBeLessThan(total);
      expect(last.skip + last.take).toBeGreaterThanOrEqual(total);
    }
  });
});
