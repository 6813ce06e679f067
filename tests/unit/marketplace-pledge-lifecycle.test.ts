import { describe, expect, it } from "vitest";
import {
  PLEDGE_ACTIONS,
  PLEDGE_ROLES,
  PLEDGE_STATUSES,
  pledgeTransition,
  releasesShare,
  heldShare,
  HOLDING_STATUSES,
  UNDER_WAY_STATUSES,
  UNSETTLED_STATUSES,
  type PledgeAction,
  type PledgeRole,
} from "~/domain/marketplace/pledge-lifecycle.ts";
import type { PledgeStatus } from "~/generated/prisma/enums.ts";

// Written out by hand from PRODUCT.md §2: OFFERED → ACCEPTED | DECLINED → DELIVERED → CONFIRMED | DISPUTED,
// and WITHDRAWN; an accepted pledge can be called off before delivery; a disputed delivery is reported again by the supplier, confirmed by the requestor or called off by the requestor.
const ALLOWED: [PledgeStatus, PledgeAction, PledgeRole, PledgeStatus][] = [
  ["OFFERED", "accept", "REQUESTOR", "ACCEPTED"],
  ["OFFERED", "decline", "REQUESTOR", "DECLINED"],
  ["OFFERED", "decline", "SYSTEM", "DECLINED"],
  ["OFFERED", "withdraw", "SUPPLIER", "WITHDRAWN"],
  ["ACCEPTED", "decline", "REQUESTOR", "DECLINED"],
  ["ACCEPTED", "withdraw", "SUPPLIER", "WITHDRAWN"],
  ["ACCEPTED", "reportDelivery", "SUPPLIER", "DELIVERED"],
  ["DELIVERED", "confirm", "REQUESTOR", "CONFIRMED"],
  ["DELIVERED", "dispute", "REQUESTOR", "DISPUTED"],
  ["DISPUTED", "reportDelivery", "SUPPLIER", "DELIVERED"],
  ["DISPUTED", "confirm", "REQUESTOR", "CONFIRMED"],
  // a delivery disputed and never put right: the requestor calls it off, giving the share back
  ["DISPUTED", "decline", "REQUESTOR", "DECLINED"],
];
const key = (s: string, a: string, r: string) => `${s}/${a}/${r}`;
const allowed = new Map(ALLOWED.map(([s, a, r, to]) => [key(s, a, r), to]));

describe("pledge state machine", () => {
  const cases = PLEDGE_STATUSES.flatMap((s) =>
    PLEDGE_ACTIONS.flatMap((a) => PLEDGE_ROLES.map((r) => [s, a, r] as const)),
  );

  it("covers every state × action × role", () => {
    expect(cases).toHaveLength(7 * 6 * 3);
  });

  it.each(cases)("%s + %s by %s", (status, action, role) => {
    const result = pledgeTransition(status, action, role);
    const expected = allowed.get(key(status, action, role));
    if (expected) expect(result).toEqual({ ok: true, to: expected });
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/cannot/);
    }
  });

  it("leaves accepted, delivered and disputed pledges for the two parties to settle before a request closes", () => {
    expect(UNSETTLED_STATUSES).toEqual(["ACCEPTED", "DELIVERED", "DISPUTED"]);
  });

  it("counts work as under way from acceptance on, confirmed included (what keeps a fully pledged request)", () => {
    expect(UNDER_WAY_STATUSES).toEqual(["ACCEPTED", "DELIVERED", "CONFIRMED", "DISPUTED"]);
  });

  it("a supplier can never accept its own pledge", () => {
    for (const status of PLEDGE_STATUSES)
      expect(pledgeTransition(status, "accept", "SUPPLIER").ok).toBe(false);
  });

  it("only declining or withdrawing gives the share back", () => {
    expect(releasesShare("OFFERED", "DECLINED")).toBe(true);
    expect(releasesShare("OFFERED", "WITHDRAWN")).toBe(true);
    expect(releasesShare("OFFERED", "ACCEPTED")).toBe(false);
    expect(releasesShare("DELIVERED", "CONFIRMED")).toBe(false);
    expect(releasesShare("DELIVERED", "DISPUTED")).toBe(false);
  });

  it("holds the pledged quantity while in flight, and once confirmed only what was delivered", () => {
    const pledge = { quantity: 5, deliveredQuantity: 3 };
    for (const status of PLEDGE_STATUSES)
      expect(heldShare(status, pledge)).toBe(
        status === "CONFIRMED" ? 3 : HOLDING_STATUSES.includes(status) ? 5 : 0,
      );
    expect(heldShare("CONFIRMED", { quantity: 5, deliveredQuantity: 5 })).toBe(5);
    expect(heldShare("CONFIRMED", { quantity: 5, deliveredQuantity: null })).toBe(5);
    // a confirmation short of the pledge gives back the shortfall, a full one nothing
    expect(heldShare("DELIVERED", pledge) - heldShare("CONFIRMED", pledge)).toBe(2);
    expect(heldShare("DISPUTED", pledge) - heldShare("CONFIRMED", pledge)).toBe(2);
  });
});
