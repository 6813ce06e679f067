import { describe, expect, it } from "vitest";
import {
  REQUEST_ACTIONS,
  REQUEST_ROLES,
  REQUEST_STATUSES,
  repeatsExtension,
  requestTransition,
  statusesAllowing,
  statusesAllowingOnlyBeforeWork,
  statusForPledged,
  type RequestAction,
  type RequestRole,
} from "~/domain/marketplace/request-lifecycle.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";

// The allowed transitions written out by hand from PRODUCT.md §2: [state, action, role] → next state.
const ALLOWED: [RequestStatus, RequestAction, RequestRole, RequestStatus][] = [
  ["DRAFT", "edit", "REQUESTOR", "DRAFT"],
  ["CHANGES_REQUESTED", "edit", "REQUESTOR", "CHANGES_REQUESTED"],
  ["DRAFT", "submit", "REQUESTOR", "SUBMITTED"],
  ["CHANGES_REQUESTED", "submit", "REQUESTOR", "SUBMITTED"],
  ["SUBMITTED", "approve", "OFFICER", "OPEN"],
  ["SUBMITTED", "requestChanges", "OFFICER", "CHANGES_REQUESTED"],
  ["DRAFT", "withdraw", "REQUESTOR", "WITHDRAWN"],
  ["SUBMITTED", "withdraw", "REQUESTOR", "WITHDRAWN"],
  ["CHANGES_REQUESTED", "withdraw", "REQUESTOR", "WITHDRAWN"],
  ["OPEN", "withdraw", "REQUESTOR", "WITHDRAWN"],
  ["PARTIALLY_PLEDGED", "withdraw", "REQUESTOR", "WITHDRAWN"],
  // fully pledged by offers alone (the domain refuses while a pledge is accepted, delivered or disputed)
  ["FULLY_PLEDGED", "withdraw", "REQUESTOR", "WITHDRAWN"],
  // waiting for approval: a new date before publication (the domain does not count it as the one extension)
  ["SUBMITTED", "extend", "REQUESTOR", "SUBMITTED"],
  ["OPEN", "extend", "REQUESTOR", "OPEN"],
  ["PARTIALLY_PLEDGED", "extend", "REQUESTOR", "PARTIALLY_PLEDGED"],
  ["FULLY_PLEDGED", "extend", "REQUESTOR", "FULLY_PLEDGED"],
  ["OPEN", "expire", "SYSTEM", "EXPIRED"],
  ["PARTIALLY_PLEDGED", "expire", "SYSTEM", "EXPIRED"],
  // with no pledge's work under way (only offers nobody answered)
  ["FULLY_PLEDGED", "expire", "SYSTEM", "EXPIRED"],
  // pledgesChanged with 3 of 10 pledged
  ["OPEN", "pledgesChanged", "SYSTEM", "PARTIALLY_PLEDGED"],
  ["PARTIALLY_PLEDGED", "pledgesChanged", "SYSTEM", "PARTIALLY_PLEDGED"],
  ["FULLY_PLEDGED", "pledgesChanged", "SYSTEM", "PARTIALLY_PLEDGED"],
  ["FULLY_PLEDGED", "fulfil", "SYSTEM", "FULFILLED"],
  // a case study only of help given
  ["FULFILLED", "setShowcase", "REQUESTOR", "FULFILLED"],
];

const key = (s: string, a: string, r: string) => `${s}/${a}/${r}`;
const allowed = new Map(ALLOWED.map(([s, a, r, to]) => [key(s, a, r), to]));

describe("request state machine", () => {
  const cases = REQUEST_STATUSES.flatMap((s) =>
    REQUEST_ACTIONS.flatMap((a) => REQUEST_ROLES.map((r) => [s, a, r] as const)),
  );

  it("covers every state × action × role", () => {
    expect(cases).toHaveLength(9 * 10 * 3);
  });

  it.each(cases)("%s + %s by %s", (status, action, role) => {
    const result = requestTransition(status, action, role, { quantity: 10, pledgedQuantity: 3 });
    const expected = allowed.get(key(status, action, role));
    if (expected) expect(result).toEqual({ ok: true, to: expected });
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/cannot/);
    }
  });

  // Database code selects rows with this list (expiry, reminders): it must be exactly what the rules allow.
  it.each(REQUEST_ACTIONS)("lists the statuses %s can move a request from", (action) => {
    const allowedFrom = REQUEST_STATUSES.filter((s) =>
      REQUEST_ROLES.some((r) => requestTransition(s, action, r).ok),
    );
    expect([...statusesAllowing(action)].sort()).toEqual([...allowedFrom].sort());
  });

  it("expires a live request, but a fully pledged one only while no pledge's work is under way", () => {
    expect([...statusesAllowing("expire")].sort()).toEqual(["FULLY_PLEDGED", "OPEN", "PARTIALLY_PLEDGED"]);
    expect(statusesAllowingOnlyBeforeWork("expire")).toEqual(["FULLY_PLEDGED"]);
    const amounts = (pledgesUnderWay: number) => ({ quantity: 10, pledgedQuantity: 10, pledgesUnderWay });
    expect(requestTransition("FULLY_PLEDGED", "expire", "SYSTEM", amounts(0))).toEqual({
      ok: true,
      to: "EXPIRED",
    });
    const refused = requestTransition("FULLY_PLEDGED", "expire", "SYSTEM", amounts(1));
    expect(refused).toEqual({ ok: false, reason: expect.stringMatching(/cannot.*under way/) });
    // a request still taking pledges expires whatever work is under way: what is accepted stays accepted
    for (const status of ["OPEN", "PARTIALLY_PLEDGED"] as RequestStatus[])
      expect(requestTransition(status, "expire", "SYSTEM", amounts(2))).toEqual({ ok: true, to: "EXPIRED" });
    // only an action's own statuses are held back by work under way
    for (const action of REQUEST_ACTIONS.filter((a) => a !== "expire"))
      expect(statusesAllowingOnlyBeforeWork(action)).toEqual([]);
  });

  it("fulfils only a fully pledged request", () => {
    expect(statusesAllowing("fulfil")).toEqual(["FULLY_PLEDGED"]);
  });

  it("moves every live request, and only a live one, by its pledges", () => {
    const live = ["OPEN", "PARTIALLY_PLEDGED", "FULLY_PLEDGED"];
    expect([...statusesAllowing("pledgesChanged")].sort()).toEqual(live.sort());
    for (const status of live as RequestStatus[])
      for (const pledgedQuantity of [0, 1, 9, 10])
        expect(
          requestTransition(status, "pledgesChanged", "SYSTEM", { quantity: 10, pledgedQuantity }),
        ).toEqual({ ok: true, to: statusForPledged(10, pledgedQuantity) });
  });

  it("returns a copy, so a caller cannot change the rules", () => {
    statusesAllowing("expire").push("FULFILLED");
    expect(statusesAllowing("expire")).not.toContain("FULFILLED");
    statusesAllowingOnlyBeforeWork("expire").push("OPEN");
    expect(statusesAllowingOnlyBeforeWork("expire")).not.toContain("OPEN");
  });

  it("puts a live request in the state its pledges imply", () => {
    expect(statusForPledged(10, 0)).toBe("OPEN");
    expect(statusForPledged(10, 1)).toBe("PARTIALLY_PLEDGED");
    expect(statusForPledged(10, 10)).toBe("FULLY_PLEDGED");
    expect(
      requestTransition("PARTIALLY_PLEDGED", "pledgesChanged", "SYSTEM", { quantity: 5, pledgedQuantity: 0 }),
    ).toEqual({ ok: true, to: "OPEN" });
    expect(
      requestTransition("OPEN", "pledgesChanged", "SYSTEM", { quantity: 5, pledgedQuantity: 5 }),
    ).toEqual({
      ok: true,
      to: "FULLY_PLEDGED",
    });
  });
});

describe("an extension sent twice", () => {
  const extended = { status: "OPEN" as const, neededBy: new Date("2027-03-27T00:00:00Z") };
  const latest = {
    fromStatus: "OPEN" as const,
    toStatus: "OPEN" as const,
    actorUserId: "requestor",
    reason: "Extended to 2027-03-27",
  };

  it("is recognised when the latest change, by a person, moved the date to the one sent", () => {
    expect(repeatsExtension(extended, latest, "2027-03-27")).toBe(true);
  });

  it("is a second extension when the date sent is another", () => {
    expect(repeatsExtension(extended, latest, "2027-04-30")).toBe(false);
    expect(repeatsExtension(extended, { ...latest, reason: "Extended to 2027-04-30" }, "2027-04-30")).toBe(
      false,
    );
  });

  it("is a second extension when something changed the request since", () => {
    expect(repeatsExtension(extended, null, "2027-03-27")).toBe(false);
    expect(repeatsExtension(extended, { ...latest, actorUserId: null }, "2027-03-27")).toBe(false);
    expect(repeatsExtension(extended, { ...latest, reason: "Pledge received" }, "2027-03-27")).toBe(false);
    expect(repeatsExtension({ ...extended, status: "PARTIALLY_PLEDGED" }, latest, "2027-03-27")).toBe(false);
    expect(
      repeatsExtension(
        extended,
        { ...latest, fromStatus: "PARTIALLY_PLEDGED", toStatus: "OPEN" },
        "2027-03-27",
      ),
    ).toBe(false);
  });
});
