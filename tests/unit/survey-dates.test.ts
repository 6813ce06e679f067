import { describe, expect, it } from "vitest";
import { isAcceptingAnswers } from "~/domain/survey/eligibility.server.ts";

// Opening and closing dates are days in London: in summer London is an hour ahead of UTC.
const cycle = (opensOn: string, closesOn: string) => ({
  status: "OPEN",
  opensOn: new Date(`${opensOn}T00:00:00Z`),
  closesOn: new Date(`${closesOn}T00:00:00Z`),
});

describe("when a survey takes answers", () => {
  it("from the first minute of its opening day in London", () => {
    const opensToday = cycle("2026-07-02", "2026-08-31");
    expect(isAcceptingAnswers(opensToday, new Date("2026-07-01T22:59:00Z"))).toBe(false); // 23:59 on 1 July
    expect(isAcceptingAnswers(opensToday, new Date("2026-07-01T23:30:00Z"))).toBe(true); // 00:30 on 2 July
  });

  it("to the last minute of its closing day in London", () => {
    const closesToday = cycle("2026-06-01", "2026-07-01");
    expect(isAcceptingAnswers(closesToday, new Date("2026-07-01T22:30:00Z"))).toBe(true); // 23:30 on 1 July
    expect(isAcceptingAnswers(closesToday, new Date("2026-07-01T23:30:00Z"))).toBe(false); // 00:30 on 2 July
  });

  it("the same in winter, when London keeps UTC", () => {
    const winter = cycle("2026-12-01", "2026-12-31");
    expect(isAcceptingAnswers(winter, new Date("2026-12-31T23:59:00Z"))).toBe(true);
    expect(isAcceptingAnswers(winter, new Date("2027-01-01T00:00:00Z"))).toBe(false);
    expect(isAcceptingAnswers({ ...winter, status: "CLOSED" }, new Date("2026-12-15T12:00:00Z"))).toBe(false);
  });
});
