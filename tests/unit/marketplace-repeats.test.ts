// A refused action is a repeat (a double-submitted form, answered as if it succeeded) only when the record is in
// the state the action leads to and its latest change is that very transition, taken by a person.
import { describe, expect, it } from "vitest";
import {
  PLEDGE_ACTIONS,
  PLEDGE_STATUSES,
  pledgeTransition,
  repeatsLatestChange,
  type PledgeAction,
  type PledgeRole,
} from "~/domain/marketplace/pledge-lifecycle.ts";
import {
  REQUEST_STATUSES,
  repeatsLatestRequestChange,
  requestTransition,
} from "~/domain/marketplace/request-lifecycle.ts";

const PLEDGE_ROLE: Record<PledgeAction, PledgeRole> = {
  accept: "REQUESTOR",
  decline: "REQUESTOR",
  confirm: "REQUESTOR",
  dispute: "REQUESTOR",
  withdraw: "SUPPLIER",
  reportDelivery: "SUPPLIER",
};

describe("repeats of a pledge change", () => {
  it("is the action's own transition, just taken by a person, and nothing else", () => {
    for (const action of PLEDGE_ACTIONS)
      for (const role of ["REQUESTOR", "SUPPLIER"] as const)
        for (const status of PLEDGE_STATUSES)
          for (const from of PLEDGE_STATUSES)
            for (const actorUserId of ["someone", null]) {
              const taken = pledgeTransition(from, action, role);
              const expected =
                PLEDGE_ROLE[action] === role && taken.ok && taken.to === status && actorUserId !== null;
              const latest = { fromStatus: from, toStatus: status, actorUserId };
              expect(repeatsLatestChange(status, action, role, latest), `${from}→${status} ${action}`).toBe(
                expected,
              );
            }
  });

  it("is not a repeat once the pledge has moved on, nor with no history", () => {
    const accepted = { fromStatus: "OFFERED" as const, toStatus: "ACCEPTED" as const, actorUserId: "u" };
    expect(repeatsLatestChange("ACCEPTED", "accept", "REQUESTOR", accepted)).toBe(true);
    expect(repeatsLatestChange("DELIVERED", "accept", "REQUESTOR", accepted)).toBe(false);
    const delivered = { fromStatus: "ACCEPTED" as const, toStatus: "DELIVERED" as const, actorUserId: "u" };
    expect(repeatsLatestChange("DELIVERED", "accept", "REQUESTOR", delivered)).toBe(false);
    expect(repeatsLatestChange("ACCEPTED", "accept", "REQUESTOR", null)).toBe(false);
  });
});

describe("repeats of a request change", () => {
  it("is the action's own transition, just taken by a person; extend and edit keep the status and never are", () => {
    const actions = [
      "submit",
      "approve",
      "requestChanges",
      "withdraw",
      "extend",
      "edit",
      "setShowcase",
    ] as const;
    for (const action of actions)
      for (const role of ["REQUESTOR", "OFFICER"] as const)
        for (const status of REQUEST_STATUSES)
          for (const from of REQUEST_STATUSES)
            for (const actorUserId of ["someone", null]) {
              const taken = requestTransition(from, action, role);
              const keepsStatus = ["extend", "edit", "setShowcase"].includes(action);
              const expected =
                !keepsStatus && taken.ok && taken.to === status && from !== status && actorUserId !== null;
              const latest = { fromStatus: from, toStatus: status, actorUserId };
              expect(
                repeatsLatestRequestChange(status, action, role, latest),
                `${from}→${status} ${action} ${role}`,
              ).toBe(expected);
            }
  });
});
