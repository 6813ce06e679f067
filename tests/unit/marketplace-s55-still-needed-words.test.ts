// The public pages said "Still needed: 15 laptops of 15 laptops" on a request nothing was pledged to yet and
// "Still needed: 0 hours of 30 hours" on a fully pledged one. Each state now has its own words.
import { describe, expect, it } from "vitest";
import { stillNeeded } from "~/domain/marketplace/request-card.server.ts";

const laptops = { helpType: "GOODS" as const, unitLabel: "laptops", quantity: 15 };

describe("stillNeeded", () => {
  it("says all of it is needed when nothing is pledged yet", () => {
    expect(stillNeeded({ ...laptops, pledgedQuantity: 0 })).toEqual({
      label: "Still needed",
      figure: "15 laptops",
      rest: ", none pledged yet",
    });
  });

  it("says what is left of what was asked for when part is pledged, one in the singular", () => {
    expect(stillNeeded({ ...laptops, pledgedQuantity: 14 })).toEqual({
      label: "Still needed",
      figure: "1 laptop",
      rest: " of the 15 laptops asked for",
    });
    expect(
      stillNeeded({ helpType: "FUNDING", unitLabel: null, quantity: 1500, pledgedQuantity: 250 }),
    ).toEqual({ label: "Still needed", figure: "£1,250", rest: " of the £1,500 asked for" });
  });

  it("says the whole of it is pledged, not that 0 are needed, when all of it is", () => {
    const hours = { helpType: "VOLUNTEERING" as const, unitLabel: null, quantity: 30 };
    expect(stillNeeded({ ...hours, pledgedQuantity: 30 })).toEqual({
      label: "Fully pledged",
      figure: "30 hours",
      rest: ", none still needed",
    });
  });
});
