// Whether a request takes new pledges: open or partly pledged, and not past its needed-by date in London. The
// public list, matching, the request page and the pledge itself all go by this.
import { describe, expect, it } from "vitest";
import { REQUEST_STATUSES, takesPledges } from "~/domain/marketplace/request-lifecycle.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("takesPledges", () => {
  it("takes pledges only while open or partly pledged", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    for (const status of REQUEST_STATUSES)
      expect(takesPledges({ status, neededBy: day("2026-12-31") }, now), status).toBe(
        status === "OPEN" || status === "PARTIALLY_PLEDGED",
      );
  });

  it("takes pledges on the needed-by day itself, not the day after", () => {
    const now = new Date("2026-11-30T23:59:00Z");
    expect(takesPledges({ status: "OPEN", neededBy: day("2026-11-30") }, now)).toBe(true);
    expect(takesPledges({ status: "OPEN", neededBy: day("2026-11-29") }, now)).toBe(false);
  });

  it("goes by the London day: at 00:30 on a summer night the previous day has passed", () => {
    const now = new Date("2026-07-10T23:30:00Z"); // 00:30 on 11 July in London
    expect(takesPledges({ status: "PARTIALLY_PLEDGED", neededBy: day("2026-07-10") }, now)).toBe(false);
    expect(takesPledges({ status: "PARTIALLY_PLEDGED", neededBy: day("2026-07-11") }, now)).toBe(true);
  });

  it("reads a needed-by date sent to the browser as a string the same way", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    expect(takesPledges({ status: "OPEN", neededBy: "2026-11-30T00:00:00.000Z" }, now)).toBe(true);
    expect(takesPledges({ status: "OPEN", neededBy: "2026-11-29T00:00:00.000Z" }, now)).toBe(false);
  });
});
