// A request's page says its type of help and quantities in the requestor's unit, one in the singular ("1 laptop"),
// and the public list offers each type of help, as when the browser worked them out: the loaders now do
// (request-card.server.ts), so neither page ships help-types.ts and pluralize.
import { describe, expect, it } from "vitest";
import { helpTypeOptions, requestAmounts } from "~/domain/marketplace/request-card.server.ts";

describe("requestAmounts", () => {
  it("says the type of help and what is still needed, in the request's own unit", () => {
    const { helpType, need } = requestAmounts(
      { helpType: "GOODS", unitLabel: "laptops", quantity: 3, pledgedQuantity: 2 },
      {},
    );
    expect(helpType).toBe("Goods");
    expect(need).toEqual({ label: "Still needed", figure: "1 laptop", rest: " of the 3 laptops asked for" });
  });

  it("uses the help type's unit when none was typed, and pounds for funding", () => {
    expect(
      requestAmounts({ helpType: "VOLUNTEERING", unitLabel: null, quantity: 1, pledgedQuantity: 0 }, {}).need,
    ).toEqual({ label: "Still needed", figure: "1 hour", rest: ", none pledged yet" });
    expect(
      requestAmounts({ helpType: "FUNDING", unitLabel: null, quantity: 2500, pledgedQuantity: 500 }, {}).need,
    ).toEqual({ label: "Still needed", figure: "£2,000", rest: " of the £2,500 asked for" });
  });

  it("says what a closed request came to, not what is still needed", () => {
    expect(
      requestAmounts(
        { helpType: "GOODS", unitLabel: "laptops", quantity: 3, pledgedQuantity: 3, status: "FULFILLED" },
        {},
      ).need,
    ).toEqual({ label: "Met in full", figure: "3 laptops", rest: " delivered" });
  });

  it("says each pledge's quantity beside its other fields, in each list given", () => {
    const own = [
      { id: "p1", quantity: 1, status: "ACCEPTED" },
      { id: "p2", quantity: 4, status: "PENDING" },
    ];
    const council = [{ id: "p3", quantity: 2, supplierOrganisation: { name: "Acme" } }];
    expect(
      requestAmounts(
        { helpType: "GOODS", unitLabel: "boxes of food", quantity: 10, pledgedQuantity: 5 },
        { own, council },
      ).pledges,
    ).toEqual({
      own: [
        {
          id: "p1",
          quantity: 1,
          status: "ACCEPTED",
          amount: "1 box of food",
          deliveredShort: null,
          pledgedText: "1 box of food",
        },
        {
          id: "p2",
          quantity: 4,
          status: "PENDING",
          amount: "4 boxes of food",
          deliveredShort: null,
          pledgedText: "4 boxes of food",
        },
      ],
      council: [
        {
          id: "p3",
          quantity: 2,
          supplierOrganisation: { name: "Acme" },
          amount: "2 boxes of food",
          deliveredShort: null,
          pledgedText: "2 boxes of food",
        },
      ],
    });
  });

  it("says what a pledge confirmed short delivered, and nothing for one delivered in full or not yet confirmed", () => {
    const own = [
      { id: "p1", quantity: 8, status: "CONFIRMED", deliveredQuantity: 6 },
      { id: "p2", quantity: 8, status: "CONFIRMED", deliveredQuantity: 8 },
      { id: "p3", quantity: 8, status: "DELIVERED", deliveredQuantity: 6 },
    ];
    const shown = requestAmounts(
      { helpType: "VOLUNTEERING", unitLabel: null, quantity: 20, pledgedQuantity: 20 },
      { own },
    ).pledges.own.map((p) => [p.amount, p.deliveredShort, p.pledgedText]);
    expect(shown).toEqual([
      ["8 hours", "6 hours", "8 hours pledged, 6 hours delivered"],
      ["8 hours", null, "8 hours"],
      ["8 hours", null, "8 hours"],
    ]);
  });
});

describe("helpTypeOptions", () => {
  it("offers every type of help by its label, in the list's order", () => {
    expect(helpTypeOptions()).toEqual([
      { value: "VOLUNTEERING", label: "Volunteering" },
      { value: "GOODS", label: "Goods" },
      { value: "EXPERTISE", label: "Professional expertise" },
      { value: "FUNDING", label: "Funding" },
      { value: "WORK_PLACEMENT", label: "Work placements and training" },
    ]);
  });
});
