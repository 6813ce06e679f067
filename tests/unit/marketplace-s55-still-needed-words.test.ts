// The public pages said "Still needed: 15 laptops of 15 laptops" on a request nothing was pledged to yet and
// "Still needed: 0 hours of 30 hours" on a fully pledged one. Each state now has its own words. A closed request
// said "Pledged: 5 laptops of 15 laptops" on its page and "Pledged 5 laptops" on its manage page: every page now
// says what it came to in the same words.
import { describe, expect, it } from "vitest";
import { stillNeeded } from "~/domain/marketplace/request-card.server.ts";

const laptops = { helpType: "GOODS" as const, unitLabel: "laptops", quantity: 15 };
const tins = { helpType: "GOODS" as const, unitLabel: "tins of food", quantity: 120 };

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

  it("says a fulfilled request was met in full, not that none is still needed", () => {
    expect(stillNeeded({ ...laptops, pledgedQuantity: 15, status: "FULFILLED" })).toEqual({
      label: "Met in full",
      figure: "15 laptops",
      rest: " delivered",
    });
  });

  it.each(["WITHDRAWN", "EXPIRED"] as const)("says what was pledged before it closed, once %s", (status) => {
    expect(stillNeeded({ ...laptops, pledgedQuantity: 5, status })).toEqual({
      label: "Pledged before it closed",
      figure: "5 laptops",
      rest: " of the 15 laptops asked for",
    });
    expect(stillNeeded({ ...laptops, pledgedQuantity: 0, status })).toEqual({
      label: "Asked for",
      figure: "15 laptops",
      rest: ", none pledged before it closed",
    });
    expect(stillNeeded({ ...laptops, pledgedQuantity: 15, status })).toEqual({
      label: "Pledged before it closed",
      figure: "15 laptops",
      rest: ", all that was asked for",
    });
  });

  it.each(["WITHDRAWN", "EXPIRED"] as const)(
    "says what was delivered once %s, then what is still pledged, a delivery confirmed short counting what came",
    (status) => {
      // 50 pledged and 45 of them delivered and confirmed: 45 counts
      expect(stillNeeded({ ...tins, pledgedQuantity: 45, delivered: 45, status })).toEqual({
        label: "Delivered",
        figure: "45 tins of food",
        rest: " of the 120 tins of food asked for",
      });
      expect(stillNeeded({ ...tins, pledgedQuantity: 75, delivered: 45, status })).toEqual({
        label: "Delivered",
        figure: "45 tins of food",
        rest: " of the 120 tins of food asked for, and 30 tins of food more pledged before it closed",
      });
      expect(stillNeeded({ ...tins, pledgedQuantity: 120, delivered: 120, status })).toEqual({
        label: "Delivered",
        figure: "120 tins of food",
        rest: ", all that was asked for",
      });
      // nothing delivered yet: what was pledged, as before
      expect(stillNeeded({ ...tins, pledgedQuantity: 30, delivered: 0, status })).toEqual({
        label: "Pledged before it closed",
        figure: "30 tins of food",
        rest: " of the 120 tins of food asked for",
      });
    },
  );

  it("words a running request by what is still needed, whatever was delivered", () => {
    expect(stillNeeded({ ...tins, pledgedQuantity: 45, delivered: 45, status: "PARTIALLY_PLEDGED" })).toEqual(
      {
        label: "Still needed",
        figure: "75 tins of food",
        rest: " of the 120 tins of food asked for",
      },
    );
  });

  it("words a running request by its pledges whatever its status", () => {
    expect(stillNeeded({ ...laptops, pledgedQuantity: 5, status: "PARTIALLY_PLEDGED" })).toEqual(
      stillNeeded({ ...laptops, pledgedQuantity: 5 }),
    );
  });
});
