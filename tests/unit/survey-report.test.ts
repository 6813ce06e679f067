import { describe, expect, it } from "vitest";
import { buildReport, type ReportResponse } from "~/domain/survey/report.ts";

const response = (overrides: Partial<ReportResponse> = {}): ReportResponse => ({
  derivedSize: "SMALL",
  barriers: [],
  meetTheBuyerInterest: null,
  contactConsent: false,
  contactConsentAnswer: null,
  protectedAnswers: {},
  ...overrides,
});
const many = (count: number, make: (i: number) => Partial<ReportResponse>) =>
  Array.from({ length: count }, (_, i) => response(make(i)));

describe("buildReport", () => {
  it("ranks barriers by how many businesses chose them, hidden counts last", () => {
    const responses = many(20, (i) => ({
      barriers: [
        ...(i < 6 ? ["TOO_MUCH_PAPERWORK"] : []),
        ...(i < 15 ? ["NO_FEEDBACK"] : []),
        ...(i < 2 ? ["PAYMENT_TERMS"] : []),
      ],
    }));
    const barriers = buildReport(responses, null).find((t) => t.id === "barriers")!;
    expect(barriers.rows.slice(0, 2).map((r) => [r.key, r.current.count])).toEqual([
      ["NO_FEEDBACK", 15],
      ["TOO_MUCH_PAPERWORK", 6],
    ]);
    expect(barriers.rows.at(-1)!.key).toBe("PREFER_NOT_TO_SAY");
    expect(barriers.rows.find((r) => r.key === "PAYMENT_TERMS")!.current.suppressed).toBe("primary");
  });

  it("gives the change in percentage points only where both years are shown", () => {
    const answers = ["MAYBE", "MAYBE", "MAYBE", "MAYBE", "NO", "NO", "NO", "NO", "PREFER_NOT_TO_SAY", null];
    const now = many(20, (i) => ({ meetTheBuyerInterest: i < 10 ? "YES" : answers[i - 10] }));
    const before = many(10, (i) => ({ meetTheBuyerInterest: i < 5 ? "YES" : i < 8 ? "NO" : "MAYBE" }));
    const table = buildReport(now, before).find((t) => t.id === "meetTheBuyerInterest")!;
    const yes = table.rows.find((r) => r.key === "YES")!;
    expect(yes.current.percent).toBe(50);
    expect(yes.previous!.percent).toBe(50);
    expect(yes.change).toBe(0);
    const no = table.rows.find((r) => r.key === "NO")!;
    expect(no.current.suppressed).toBe("primary");
    expect(no.change).toBeNull();
  });

  it("counts unanswered questions so every table adds up to the respondents", () => {
    const report = buildReport(
      many(6, (i) => ({ protectedAnswers: i < 5 ? { sex: "FEMALE" } : ({} as Record<string, string>) })),
      null,
    );
    const sex = report.find((t) => t.id === "sex")!;
    expect(sex.total).toBe(6);
    expect(sex.rows.find((r) => r.key === "FEMALE")!.current.count).toBe(5);
    expect(sex.rows.find((r) => r.key === "NOT_ANSWERED")!.current.suppressed).toBe("primary");
  });

  it("withholds everything when fewer than 5 businesses answered", () => {
    const report = buildReport(
      many(4, () => ({ protectedAnswers: { sex: "MALE" } })),
      null,
    );
    expect(report.every((t) => t.hidden && t.rows.every((r) => r.current.count === null))).toBe(true);
  });

  it("reports ethnic group by broad group only", () => {
    const ids = buildReport([], null).map((t) => t.id);
    expect(ids).toContain("ethnicGroup");
    expect(ids).not.toContain("ethnicBackground");
  });
});
