// Found in review: what the "Open a survey" form says back about dates and lengths it cannot take.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cycleSchema } from "~/domain/survey/schemas.ts";

const form = (changes: Record<string, string>) => ({
  opensOn: "2027-04-01",
  closesOn: "2027-06-30",
  privacyNotice: "We use your answers to plan supplier engagement.",
  dpiaReference: "DPIA-1",
  retentionMonths: "24",
  ...changes,
});

const errors = (changes: Record<string, string>) =>
  cycleSchema.safeParse(form(changes)).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2027-03-01T12:00:00Z"), toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the dates of a survey", () => {
  it("refuses an opening date before 2020 (year 0 is not a date the database keeps: it was a server error)", () => {
    expect(errors({ opensOn: "0000-01-01" })).toEqual([
      ["opensOn", "The opening date must be in 2020 or later"],
    ]);
    expect(errors({ opensOn: "0001-01-01" })).toEqual([
      ["opensOn", "The opening date must be in 2020 or later"],
    ]);
    expect(errors({ opensOn: "2020-01-01" })).toEqual([]);
  });

  it("refuses a closing date after 2100", () => {
    expect(errors({ closesOn: "9999-12-31" })).toEqual([
      ["closesOn", "The closing date must be in 2100 or earlier"],
    ]);
    expect(errors({ closesOn: "2100-12-31" })).toEqual([]);
  });

  it("says only that a date is not a real one, not also that the closing date comes before it", () => {
    expect(errors({ opensOn: "2027-02-30" })).toEqual([
      ["opensOn", "Enter the date the survey opens as a real date, for example 27/03/2027"],
    ]);
    expect(errors({ closesOn: "2027-13-01" })).toEqual([
      ["closesOn", "Enter the date the survey closes as a real date, for example 27/03/2027"],
    ]);
    expect(errors({ opensOn: "2027-07-01" })).toEqual([
      ["closesOn", "The closing date must be on or after the opening date"],
    ]);
  });
});

describe("text that is too long", () => {
  it("is told it is too long, not asked to enter it", () => {
    expect(errors({ privacyNotice: "x".repeat(10_001) })).toEqual([
      ["privacyNotice", "Enter a privacy notice of 10,000 characters or fewer"],
    ]);
    expect(errors({ dpiaReference: "D".repeat(101) })).toEqual([
      ["dpiaReference", "Enter a reference of 100 characters or fewer"],
    ]);
    expect(errors({ dpiaReference: "   " })).toEqual([
      ["dpiaReference", "Enter the reference of the data protection impact assessment"],
    ]);
  });

  it("asks no year (it is the year the survey opens in), and ignores one a page from before still sends", () => {
    expect(errors({ year: "2101" })).toEqual([]);
    expect(cycleSchema.safeParse(form({ year: "2101" })).data).not.toHaveProperty("year");
  });
});
