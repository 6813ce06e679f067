import { afterEach, describe, expect, it, vi } from "vitest";
import { isAcceptingAnswers } from "~/domain/survey/eligibility.server.ts";
import { cycleSchema } from "~/domain/survey/schemas.ts";

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

describe("opening a cycle", () => {
  const form = (closesOn: string) => ({
    opensOn: "2026-06-01",
    closesOn,
    privacyNotice: "We use your answers to plan supplier engagement.",
    dpiaReference: "DPIA-1",
    retentionMonths: "24",
  });
  const closingErrors = (closesOn: string) =>
    cycleSchema
      .safeParse(form(closesOn))
      .error?.issues.filter((i) => i.path.join(".") === "closesOn")
      .map((i) => i.message) ?? [];

  afterEach(() => {
    vi.useRealTimers();
  });

  it("refuses a closing date that has passed in London, and takes today's", () => {
    vi.useFakeTimers({ now: new Date("2026-07-01T23:30:00Z"), toFake: ["Date"] }); // 00:30 on 2 July in London
    expect(closingErrors("2026-07-01")).toEqual([
      "The closing date must be today or in the future, for example 27/03/2027",
    ]);
    expect(closingErrors("2026-07-02")).toEqual([]);
  });

  it("the same in winter, when London keeps UTC", () => {
    vi.useFakeTimers({ now: new Date("2026-12-31T23:59:00Z"), toFake: ["Date"] });
    expect(closingErrors("2026-12-31")).toEqual([]);
    vi.setSystemTime(new Date("2027-01-01T00:00:00Z"));
    expect(closingErrors("2026-12-31")).toEqual([
      "The closing date must be today or in the future, for example 27/03/2027",
    ]);
  });

  // the usual example is a day it refuses from 28/03/2027: the error gives one it takes, as the field's hint does
  it("gives as the example for a passed closing date a day the field takes", () => {
    vi.useFakeTimers({ now: new Date("2027-06-10T23:30:00Z"), toFake: ["Date"] }); // 00:30 on 11 June in London
    const [message] = closingErrors("2027-06-01");
    expect(message).toBe("The closing date must be today or in the future, for example 11/06/2027");
    const example = message.split("for example ")[1];
    expect(closingErrors(example)).toEqual([]);
    expect(closingErrors("10/06/2027")).toEqual([
      "The closing date must be today or in the future, for example 11/06/2027",
    ]);
  });
});

describe("dates typed without a date picker", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reads 27/03/2027 as people in the UK write it, and refuses what is not a date", () => {
    vi.useFakeTimers({ now: new Date("2026-05-01T12:00:00Z"), toFake: ["Date"] });
    const parsed = cycleSchema.safeParse({
      opensOn: "1/6/2026",
      closesOn: "31/07/2026",
      privacyNotice: "We use your answers to plan supplier engagement.",
      dpiaReference: "DPIA-1",
      retentionMonths: "24",
    });
    expect(parsed.success && [parsed.data.opensOn, parsed.data.closesOn]).toEqual([
      "2026-06-01",
      "2026-07-31",
    ]);
    const refused = cycleSchema.safeParse({
      opensOn: "31/02/2026",
      closesOn: "27 3 2027",
      privacyNotice: "We use your answers to plan supplier engagement.",
      dpiaReference: "DPIA-1",
      retentionMonths: "24",
    });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["opensOn", "Enter the date the survey opens as a real date, for example 27/03/2027"],
      ["closesOn", "Enter the date the survey closes as a real date, for example 27/03/2027"],
    ]);
  });
});
