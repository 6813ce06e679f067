// The home page's newest needs, the impact page's totals and the case studies say their type of help and
// quantities as when the browser worked them out ("1 laptop", "3 hours", "£2,500"): the loaders now do
// (request-card.server.ts), so neither / nor /impact ships help-types.ts and pluralize.
import { describe, expect, it } from "vitest";
import { caseStudy, impactTotal, newestNeedCard } from "~/domain/marketplace/request-card.server.ts";

const request = {
  id: "r1",
  title: "Laptops for homework club",
  helpType: "GOODS" as const,
  unitLabel: "laptops",
  quantity: 3,
  pledgedQuantity: 2,
  neededBy: new Date("2027-03-01T00:00:00Z"),
  isRemote: false,
  category: { name: "Education" },
  district: { name: "Riverside" } as { name: string } | null,
  council: { name: "Northshire County Council" },
};

describe("newestNeedCard", () => {
  it("says what is still needed in the requestor's unit, one in the singular, and by when", () => {
    expect(newestNeedCard(request)).toEqual({
      id: "r1",
      title: "Laptops for homework club",
      about: "Goods · Education · Riverside",
      need: { label: "Still needed", figure: "1 laptop", rest: " of the 3 laptops asked for" },
      neededBy: "1 March 2027",
    });
    expect(newestNeedCard({ ...request, pledgedQuantity: 0 }).need.figure).toBe("3 laptops");
  });

  it("uses the help type's unit when none was typed", () => {
    const hours = { ...request, helpType: "VOLUNTEERING" as const, unitLabel: null, quantity: 4 };
    expect(newestNeedCard({ ...hours, pledgedQuantity: 1 }).need.figure).toBe("3 hours");
    expect(newestNeedCard({ ...hours, pledgedQuantity: 3 }).need.figure).toBe("1 hour");
    expect(
      newestNeedCard({ ...request, helpType: "FUNDING", unitLabel: null, quantity: 2500, pledgedQuantity: 0 })
        .need.figure,
    ).toBe("£2,500");
  });

  it("names the district, else remote, else the council", () => {
    expect(newestNeedCard({ ...request, district: null, isRemote: true }).about).toBe(
      "Goods · Education · Remote",
    );
    expect(newestNeedCard({ ...request, district: null }).about).toBe(
      "Goods · Education · Northshire County Council",
    );
  });
});

describe("impactTotal", () => {
  it("adds the type of help and the quantity delivered, in the help type's unit, to the total", () => {
    expect(impactTotal({ label: "Education", helpType: "VOLUNTEERING", quantity: 3, pledges: 2 })).toEqual({
      label: "Education",
      helpType: "VOLUNTEERING",
      quantity: 3,
      pledges: 2,
      helpTypeLabel: "Volunteering",
      delivered: "3 hours",
    });
    expect(impactTotal({ helpType: "EXPERTISE", quantity: 1 }).delivered).toBe("1 hour");
    expect(impactTotal({ helpType: "WORK_PLACEMENT", quantity: 1 })).toMatchObject({
      helpTypeLabel: "Work placements and training",
      delivered: "1 place",
    });
    expect(impactTotal({ helpType: "GOODS", quantity: 40 }).delivered).toBe("40 items");
    expect(impactTotal({ helpType: "FUNDING", quantity: 2500 }).delivered).toBe("£2,500");
  });
});

describe("caseStudy", () => {
  const story = {
    id: "s1",
    title: "Coats for winter",
    description: "Warm coats",
    helpType: "GOODS" as const,
    quantity: 1,
    unitLabel: "winter coats",
    fulfilledAt: new Date("2026-10-03T09:00:00Z") as Date | null,
  };

  it("says the help given, type first, in the requestor's unit, and when the need was met", () => {
    expect(caseStudy(story)).toEqual({ ...story, helpGiven: "Goods: 1 winter coat, met 3 October 2026" });
    expect(caseStudy({ ...story, quantity: 40, fulfilledAt: null }).helpGiven).toBe("Goods: 40 winter coats");
    expect(
      caseStudy({ ...story, helpType: "VOLUNTEERING", unitLabel: null, quantity: 12, fulfilledAt: null })
        .helpGiven,
    ).toBe("Volunteering: 12 hours");
  });
});
