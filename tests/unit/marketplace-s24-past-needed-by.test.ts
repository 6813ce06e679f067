// One definition of "past its needed-by date", shared by the expiry run, the pledge form and accepting an offer:
// the date is before today in London. The help is still needed on the day itself.
import { describe, expect, it } from "vitest";
import { isPastNeededBy, neededByPassedBefore } from "~/domain/marketplace/request-lifecycle.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("isPastNeededBy", () => {
  it("is not past on the needed-by day itself, and past from the day after", () => {
    const now = new Date("2026-11-30T23:59:00Z");
    expect(isPastNeededBy(day("2026-11-30"), now)).toBe(false);
    expect(isPastNeededBy(day("2026-12-01"), now)).toBe(false);
    expect(isPastNeededBy(day("2026-11-29"), now)).toBe(true);
  });

  it("goes by the London day: at 00:30 on a summer night the previous day has passed", () => {
    const now = new Date("2026-07-10T23:30:00Z"); // 00:30 on 11 July in London
    expect(isPastNeededBy(day("2026-07-10"), now)).toBe(true);
    expect(isPastNeededBy(day("2026-07-11"), now)).toBe(false);
  });

  it("reads a date sent to the browser as a string the same way", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    expect(isPastNeededBy("2026-11-30T00:00:00.000Z", now)).toBe(false);
    expect(isPastNeededBy("2026-11-29T00:00:00.000Z", now)).toBe(true);
  });

  it("is the bound the expiry run selects by: a date before it is past", () => {
    const now = new Date("2026-03-29T00:30:00Z"); // 00:30 GMT on the night the clocks go forward
    const bound = neededByPassedBefore(now);
    expect(bound).toEqual(day("2026-03-29"));
    expect(isPastNeededBy(new Date(bound.getTime() - 1), now)).toBe(true);
    expect(isPastNeededBy(bound, now)).toBe(false);
  });
});
