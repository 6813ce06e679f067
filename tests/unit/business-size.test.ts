import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BALANCE_SHEET_BANDS,
  classifyBusinessSize,
  TURNOVER_BANDS,
  type BalanceSheetBand,
  type TurnoverBand,
} from "~/domain/accounts/business-size.ts";

const size = (staffHeadcount: number, turnoverBand: TurnoverBand, balanceSheetBand: BalanceSheetBand) =>
  classifyBusinessSize({ staffHeadcount, turnoverBand, balanceSheetBand });

describe("business size from the SME thresholds", () => {
  it.each([
    [0, "UP_TO_2M", "UP_TO_2M", "MICRO"],
    [9, "UP_TO_2M", "OVER_43M", "MICRO"], // turnover OR balance sheet within £2m
    [9, "OVER_50M", "UP_TO_2M", "MICRO"],
    [9, "2M_10M", "2M_10M", "SMALL"], // too much money for micro
    [10, "UP_TO_2M", "UP_TO_2M", "SMALL"], // too many staff for micro
    [49, "2M_10M", "OVER_43M", "SMALL"],
    [49, "10M_50M", "10M_43M", "MEDIUM"],
    [50, "UP_TO_2M", "UP_TO_2M", "MEDIUM"],
    [249, "10M_50M", "OVER_43M", "MEDIUM"],
    [249, "OVER_50M", "10M_43M", "MEDIUM"],
    [249, "OVER_50M", "OVER_43M", "LARGE"],
    [250, "UP_TO_2M", "UP_TO_2M", "LARGE"],
    [5000, "OVER_50M", "OVER_43M", "LARGE"],
  ] as const)("%i staff, turnover %s, balance sheet %s is %s", (staff, turnover, balance, expected) => {
    expect(size(staff, turnover, balance)).toBe(expected);
  });

  it("never gets smaller when the business grows", () => {
    const order = ["MICRO", "SMALL", "MEDIUM", "LARGE"];
    const turnovers = TURNOVER_BANDS.map((b) => b.value);
    const balances = BALANCE_SHEET_BANDS.map((b) => b.value);
    fc.assert(
      fc.property(
        fc.nat(2000),
        fc.nat(2000),
        fc.nat(3),
        fc.nat(3),
        fc.nat(3),
        fc.nat(3),
        (staffA, extraStaff, tA, extraT, bA, extraB) => {
          const small = size(staffA, turnovers[tA], balances[bA]);
          const big = size(
            staffA + extraStaff,
            turnovers[Math.min(3, tA + extraT)],
            balances[Math.min(3, bA + extraB)],
          );
          expect(order.indexOf(big)).toBeGreaterThanOrEqual(order.indexOf(small));
        },
      ),
    );
  });
});
