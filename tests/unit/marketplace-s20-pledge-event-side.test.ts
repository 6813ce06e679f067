// Which side of a pledge a person moving it to each status was on (the pledge page names only its own side's
// people): read from the state machine, so a new rule cannot leave a status on the wrong side.
import { describe, expect, it } from "vitest";
import { PLEDGE_STATUSES, sideThatMovesTo } from "~/domain/marketplace/pledge-lifecycle.ts";

describe("sideThatMovesTo", () => {
  it("is the supplier for offering, withdrawing and reporting a delivery, the requestor for the rest", () => {
    expect(Object.fromEntries(PLEDGE_STATUSES.map((s) => [s, sideThatMovesTo(s)]))).toEqual({
      OFFERED: "SUPPLIER",
      ACCEPTED: "REQUESTOR",
      DECLINED: "REQUESTOR",
      DELIVERED: "SUPPLIER",
      CONFIRMED: "REQUESTOR",
      DISPUTED: "REQUESTOR",
      WITHDRAWN: "SUPPLIER",
    });
  });
});
