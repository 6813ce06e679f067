// A refused request action says the request's state in a sentence that reads: a second officer deciding on a request
// another had sent back was told "This cannot be done while the request is changes requested."
import { describe, expect, it } from "vitest";
import {
  REQUEST_ACTIONS,
  REQUEST_ROLES,
  REQUEST_STATUSES,
  requestTransition,
} from "~/domain/marketplace/request-lifecycle.ts";

describe("why a request action is refused in its state", () => {
  it("says a request sent back for changes waits for them, and a draft is a draft", () => {
    expect(requestTransition("CHANGES_REQUESTED", "approve", "OFFICER")).toEqual({
      ok: false,
      reason: "This cannot be done while the request is waiting for the changes the council asked for.",
    });
    expect(requestTransition("DRAFT", "extend", "REQUESTOR")).toEqual({
      ok: false,
      reason: "This cannot be done while the request is a draft.",
    });
    expect(requestTransition("EXPIRED", "withdraw", "REQUESTOR")).toEqual({
      ok: false,
      reason: "This cannot be done while the request is expired.",
    });
  });

  it("never reads 'is changes requested' or 'is draft'", () => {
    for (const status of REQUEST_STATUSES)
      for (const action of REQUEST_ACTIONS)
        for (const role of REQUEST_ROLES) {
          const result = requestTransition(status, action, role);
          if (!result.ok) expect(result.reason).not.toMatch(/is (changes requested|draft)\b/);
        }
  });
});
