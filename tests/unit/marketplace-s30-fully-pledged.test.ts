// The one rule for a request pledged in full and still running: the pledge form and a refused pledge both go by it.
import { describe, expect, it } from "vitest";
import { fullyPledgedForNow } from "~/domain/marketplace/pledge-eligibility.ts";
import { REQUEST_STATUSES } from "~/domain/marketplace/request-lifecycle.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("fullyPledgedForNow", () => {
  it("applies only to a fully pledged request", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    for (const status of REQUEST_STATUSES)
      expect(fullyPledgedForNow({ status, neededBy: day("2026-12-31") }, now) !== null, status).toBe(
        status === "FULLY_PLEDGED",
      );
  });

  it("applies on the needed-by day itself, not once the date has passed", () => {
    const now = new Date("2026-11-30T23:59:00Z");
    expect(fullyPledgedForNow({ status: "FULLY_PLEDGED", neededBy: day("2026-11-30") }, now)).toMatch(
      /^Nothing more is needed/,
    );
    expect(
      fullyPledgedForNow({ status: "FULLY_PLEDGED", neededBy: "2026-11-29T00:00:00.000Z" }, now),
    ).toBeNull();
  });
});
