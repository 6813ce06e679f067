// An awarded contract (active, ended or terminated) took an award date still to come; a pipeline contract may hold
// the day it is expected to be awarded. An award date after both today and the end date is told once, against the
// earlier of the two. `today` is given, so these days never go stale.
import { describe, expect, it } from "vitest";
import { AWARDED_AFTER_END, awardDateProblem } from "~/domain/contracts/schemas.ts";
import { AWARDED_IN_FUTURE_MESSAGE, futureAwardProblem } from "~/domain/contracts/termination.ts";

const today = "2026-12-07";

describe("futureAwardProblem", () => {
  it.each(["ACTIVE", "ENDED", "TERMINATED"] as const)(
    "refuses a day after today for a %s contract",
    (status) => {
      expect(futureAwardProblem({ status, awardedOn: "2026-12-08" }, today)).toBe(AWARDED_IN_FUTURE_MESSAGE);
      expect(futureAwardProblem({ status, awardedOn: today }, today)).toBeNull();
      expect(futureAwardProblem({ status, awardedOn: "2026-01-01" }, today)).toBeNull();
      expect(futureAwardProblem({ status, awardedOn: null }, today)).toBeNull();
    },
  );

  it("takes any day for a pipeline contract", () => {
    expect(futureAwardProblem({ status: "PIPELINE", awardedOn: "2030-01-01" }, today)).toBeNull();
  });
});

describe("awardDateProblem", () => {
  const active = { status: "ACTIVE" as const, startDate: "2026-04-01" };

  it("tells an award after today and a later end date against today", () => {
    expect(awardDateProblem({ ...active, endDate: "2028-03-31", awardedOn: "2029-01-01" }, today)).toBe(
      AWARDED_IN_FUTURE_MESSAGE,
    );
    expect(awardDateProblem({ ...active, endDate: "2028-03-31", awardedOn: "2027-01-01" }, today)).toBe(
      AWARDED_IN_FUTURE_MESSAGE,
    );
  });

  it("tells an award after today and an end date already past against the end date", () => {
    expect(awardDateProblem({ ...active, endDate: "2026-11-30", awardedOn: "2026-12-20" }, today)).toBe(
      AWARDED_AFTER_END,
    );
  });

  it("tells a pipeline contract's award only against its end date", () => {
    const pipeline = { ...active, status: "PIPELINE" as const, endDate: "2028-03-31" };
    expect(awardDateProblem({ ...pipeline, awardedOn: "2027-01-01" }, today)).toBeNull();
    expect(awardDateProblem({ ...pipeline, awardedOn: "2029-01-01" }, today)).toBe(AWARDED_AFTER_END);
  });

  it("takes an award after the start date (a retrospective award), and tells an unread status's only by the end", () => {
    expect(awardDateProblem({ ...active, endDate: "2028-03-31", awardedOn: "2026-10-01" }, today)).toBeNull();
    const unread = { status: null, startDate: null, endDate: "2028-03-31" };
    expect(awardDateProblem({ ...unread, awardedOn: "2027-01-01" }, today)).toBeNull();
    expect(awardDateProblem({ ...unread, awardedOn: "2029-01-01" }, today)).toBe(AWARDED_AFTER_END);
  });
});
