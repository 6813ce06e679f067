// A request's page says its type of help and quantities in the requestor's unit, one in the singular ("1 laptop"),
// and the public list offers each type of help, as when the browser worked them out: the loaders now do
// (request-card.server.ts), so neither page ships help-types.ts and pluralize.
import { describe, expect, it } from "vitest";
import { helpTypeOptions, requestAmounts } from "~/domain/marketplace/request-card.server.ts";

describe("requestAmounts", () => {
  it("says what is asked for, pledged and still needed, in the request's own unit", () => {
    const { helpType, amounts, need } = requestAmounts(
      { helpType: "GOODS", unitLabel: "laptops", quantity: 3, pledgedQuantity: 2 },
      {},
    );
    expect(helpType).toBe("Goods");
    expect(amounts).toEqual({ asked: "3 laptops", pledged: "2 laptops" });
    expect(need).toEqual({ label: "Still needed", figure: "1 laptop", rest: " of the 3 laptops asked for" });
  });

  it("uses the help type's unit when none was typed, and pounds for funding", () => {
    expect(
      requestAmounts({ helpType: "VOLUNTEERING", unitLabel: null, quantity: 1, pledgedQuantity: 0 }, {})
        .amounts,
    ).toEqual({ asked: "1 hour", pledged: "0 hours" });
    expect(
      requestAmounts({ helpType: "FUNDING", unitLabel: null, quantity: 2500, pledgedQuantity: 500 }, {})
        .amounts,
    ).toEqual({ asked: "£2,500", pledged: "£500" });
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
        { id: "p1", quantity: 1, status: "ACCEPTED", amount: "1 box of food" },
        { id: "p2", quantity: 4, status: "PENDING", amount: "4 boxes of food" },
      ],
      council: [{ id: "p3", quantity: 2, supplierOrganisation: { name: "Acme" }, amount: "2 boxes of food" }],
    });
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
