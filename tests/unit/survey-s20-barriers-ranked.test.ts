// Found in review: "We have not met any barriers" was ranked as if it were the barrier most businesses met.
import { describe, expect, it } from "vitest";
import { buildReport, type ReportResponse } from "~/domain/survey/report.ts";

const response = (barriers: string[]): ReportResponse => ({
  derivedSize: "SMALL",
  barriers,
  meetTheBuyerInterest: null,
  contactConsent: false,
  contactConsentAnswer: null,
  protectedAnswers: {},
});

describe("barriers ranked", () => {
  it("lists the barriers businesses met by count, then 'We have not met any barriers', then 'Prefer not to say'", () => {
    const responses = [
      ...Array.from({ length: 12 }, () => response(["NO_BARRIERS"])),
      ...Array.from({ length: 6 }, () => response(["TOO_MUCH_PAPERWORK", "NO_FEEDBACK"])),
      ...Array.from({ length: 3 }, () => response(["NO_FEEDBACK"])),
      ...Array.from({ length: 7 }, () => response(["PREFER_NOT_TO_SAY"])),
    ];
    const rows = buildReport(responses, null).find((t) => t.id === "barriers")!.rows;
    expect(rows.slice(0, 2).map((r) => [r.key, r.current.count])).toEqual([
      ["NO_FEEDBACK", 9],
      ["TOO_MUCH_PAPERWORK", 6],
    ]);
    expect(rows.slice(-2).map((r) => [r.key, r.current.count])).toEqual([
      ["NO_BARRIERS", 12],
      ["PREFER_NOT_TO_SAY", 7],
    ]);
    // the barriers too few chose come before them, in the questionnaire's order
    expect(rows.slice(2, -2).every((r) => r.current.suppressed === "primary")).toBe(true);
  });
});
