import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { computeProgress } from "~/domain/reporting/progress.ts";
import {
  formatDeliveredToDate,
  formatPlanToDate,
  formatProgressPercent,
  NO_FIGURE,
  NOT_REPORTED_YET,
} from "~/domain/reporting/progress-format.ts";
import { CommitmentProgressTable } from "~/routes/contracts.$id._index/commitment-progress.tsx";
import { ProgressTable } from "~/ui/returns.tsx";

const current = { financialYear: 2026, quarter: 4 };
const q = (quarter: number, quantity: string) => ({ financialYear: 2026, quarter, quantity });
// far over plan: 37.04 delivered of 3 planned is 1,234.7%
const over = computeProgress({
  kind: "numeric",
  plan: [q(1, "3")],
  acceptedReturns: [q(1, "37.04")],
  confirmedPledges: [],
  current,
});
// a third of plan: 33.3% to one decimal place
const third = computeProgress({
  kind: "numeric",
  plan: [q(1, "3")],
  acceptedReturns: [q(1, "1")],
  confirmedPledges: [],
  current,
});
const nothingPlanned = computeProgress({
  kind: "numeric",
  plan: [],
  acceptedReturns: [],
  confirmedPledges: [],
  current,
});
const words = computeProgress({ kind: "qualitative", reportedQuarters: [q(1, "0")], current });
// a level (a percentage) with a plan and no accepted figure yet
const levelNotReported = computeProgress({
  kind: "numeric",
  aggregation: "latest",
  target: 95,
  plan: [q(1, "95")],
  acceptedReturns: [],
  confirmedPledges: [],
  current,
});

describe("progress figures, as every page writes them", () => {
  it("a percentage to one decimal place with thousands separated", () => {
    expect(formatProgressPercent(third)).toBe("33.3%");
    expect(formatProgressPercent(over)).toBe("1,234.7%");
    expect(formatProgressPercent(nothingPlanned)).toBe(NO_FIGURE);
    expect(formatProgressPercent(words)).toBe(NO_FIGURE);
    expect(formatProgressPercent(levelNotReported)).toBe(NO_FIGURE);
    expect(formatProgressPercent(null)).toBe(NO_FIGURE);
  });

  it("quantities in the measure's unit, and an en dash where none applies", () => {
    expect(NO_FIGURE).toBe("–");
    expect(formatPlanToDate(third, "HOURS")).toBe("3 hours");
    expect(formatDeliveredToDate(third, "GBP")).toBe("£1.00");
    expect(formatPlanToDate(words, "QUALITATIVE")).toBe("–");
    expect(formatDeliveredToDate(words, "QUALITATIVE")).toBe("1 quarter reported");
    expect(formatDeliveredToDate(levelNotReported, "PERCENT")).toBe(NOT_REPORTED_YET);
    expect(NOT_REPORTED_YET).toBe("Not reported yet");
  });

  it("the returns page and the contract page show the same figures", () => {
    const returnsPage = renderToStaticMarkup(
      createElement(ProgressTable, {
        rows: [
          { commitmentId: "a", measureName: "Hours", unit: "HOURS", progress: third },
          { commitmentId: "b", measureName: "Careers fairs", unit: "QUALITATIVE", progress: words },
        ],
      }),
    );
    const contractPage = renderToStaticMarkup(
      createElement(CommitmentProgressTable, {
        caption: "Commitments",
        commitments: [
          {
            id: "a",
            measure: { code: "H", name: "Hours", unit: "HOURS" },
            targetQuantity: "3",
            qualitativeText: null,
            progress: third,
          },
          {
            id: "b",
            measure: { code: "W", name: "Careers fairs", unit: "QUALITATIVE" },
            targetQuantity: null,
            qualitativeText: "Two a year",
            progress: words,
          },
        ],
      }),
    );
    for (const page of [returnsPage, contractPage]) {
      expect(page).toContain(">33.3%<");
      expect(page).toContain(">–<");
      expect(page).toContain("1 quarter reported");
      expect(page).not.toContain("—");
    }
  });
});
