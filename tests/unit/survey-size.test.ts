import { describe, expect, it } from "vitest";
import {
  classifyBusinessSize,
  classifyFromBands,
  isSme,
  outwardCode,
  STAFF_BANDS,
  TURNOVER_BANDS,
  BALANCE_SHEET_BANDS,
} from "~/domain/survey/size.ts";

const m = 1_000_000;

describe("classifyBusinessSize: the thresholds table, row by row and at each boundary", () => {
  it.each([
    // staff, turnover, balance sheet, expected
    [0, 0, 0, "MICRO"],
    [9, 2 * m, 2 * m, "MICRO"], // every figure exactly on the micro limit
    [9, 2 * m + 1, 2 * m, "MICRO"], // turnover over, balance sheet within: "or"
    [9, 2 * m, 2 * m + 1, "MICRO"], // balance sheet over, turnover within
    [9, 2 * m + 1, 2 * m + 1, "SMALL"], // both over the micro limit
    [10, 1, 1, "SMALL"], // 10 staff is not fewer than 10
    [49, 10 * m, 10 * m, "SMALL"],
    [49, 10 * m + 1, 10 * m, "SMALL"],
    [49, 10 * m + 1, 10 * m + 1, "MEDIUM"],
    [50, 1, 1, "MEDIUM"],
    [249, 50 * m, 43 * m, "MEDIUM"],
    [249, 50 * m + 1, 43 * m, "MEDIUM"], // balance sheet within £43m
    [249, 50 * m, 43 * m + 1, "MEDIUM"], // turnover within £50m
    [249, 50 * m + 1, 43 * m + 1, "LARGE"],
    [250, 1, 1, "LARGE"], // 250 staff is large whatever the money
    [5000, 900 * m, 900 * m, "LARGE"],
  ] as const)("%i staff, turnover %i, balance sheet %i → %s", (staff, turnoverGbp, balanceSheetGbp, size) => {
    expect(classifyBusinessSize({ staff, turnoverGbp, balanceSheetGbp })).toBe(size);
  });

  it("cannot classify without the headcount", () => {
    expect(classifyBusinessSize({ staff: null, turnoverGbp: 1, balanceSheetGbp: 1 })).toBeNull();
  });

  it("classifies with one financial figure withheld when the other settles it", () => {
    expect(classifyBusinessSize({ staff: 5, turnoverGbp: m, balanceSheetGbp: null })).toBe("MICRO");
    expect(classifyBusinessSize({ staff: 5, turnoverGbp: null, balanceSheetGbp: m })).toBe("MICRO");
    expect(classifyBusinessSize({ staff: 300, turnoverGbp: null, balanceSheetGbp: null })).toBe("LARGE");
  });

  it("does not guess when the withheld figure could change the answer", () => {
    expect(classifyBusinessSize({ staff: 5, turnoverGbp: 3 * m, balanceSheetGbp: null })).toBeNull();
    expect(classifyBusinessSize({ staff: 5, turnoverGbp: null, balanceSheetGbp: null })).toBeNull();
  });
});

describe("classifyFromBands", () => {
  it("uses each band's upper bound, which is a threshold", () => {
    expect(
      classifyFromBands({ staffHeadcountBand: "0_9", turnoverBand: "UP_TO_2M", balanceSheetBand: "2M_10M" }),
    ).toBe("MICRO");
    expect(
      classifyFromBands({ staffHeadcountBand: "0_9", turnoverBand: "2M_10M", balanceSheetBand: "2M_10M" }),
    ).toBe("SMALL");
    expect(
      classifyFromBands({ staffHeadcountBand: "10_49", turnoverBand: "2M_10M", balanceSheetBand: "2M_10M" }),
    ).toBe("SMALL");
    expect(
      classifyFromBands({
        staffHeadcountBand: "50_249",
        turnoverBand: "OVER_50M",
        balanceSheetBand: "10M_43M",
      }),
    ).toBe("MEDIUM");
    expect(
      classifyFromBands({
        staffHeadcountBand: "50_249",
        turnoverBand: "OVER_50M",
        balanceSheetBand: "OVER_43M",
      }),
    ).toBe("LARGE");
    expect(classifyFromBands({ staffHeadcountBand: "250_PLUS" })).toBe("LARGE");
  });

  it("treats 'Prefer not to say' and unknown codes as not known", () => {
    expect(
      classifyFromBands({
        staffHeadcountBand: "PREFER_NOT_TO_SAY",
        turnoverBand: "UP_TO_2M",
        balanceSheetBand: "UP_TO_2M",
      }),
    ).toBeNull();
    expect(classifyFromBands({ staffHeadcountBand: "0_9", turnoverBand: "PREFER_NOT_TO_SAY" })).toBeNull();
    expect(classifyFromBands({ staffHeadcountBand: "toString" })).toBeNull();
  });

  it("agrees with the numeric rule for every combination of bands", () => {
    for (const [staffCode, staff] of Object.entries(STAFF_BANDS))
      for (const [turnoverCode, turnover] of Object.entries(TURNOVER_BANDS))
        for (const [balanceCode, balance] of Object.entries(BALANCE_SHEET_BANDS)) {
          const expected = classifyBusinessSize({
            staff: staff.max,
            turnoverGbp: turnover.max,
            balanceSheetGbp: balance.max,
          });
          expect(
            classifyFromBands({
              staffHeadcountBand: staffCode,
              turnoverBand: turnoverCode,
              balanceSheetBand: balanceCode,
            }),
          ).toBe(expected);
        }
  });
});

describe("isSme and outwardCode", () => {
  it("counts micro, small and medium as SMEs", () => {
    expect(["MICRO", "SMALL", "MEDIUM"].every((s) => isSme(s as "MICRO"))).toBe(true);
    expect(isSme("LARGE")).toBe(false);
    expect(isSme(null)).toBe(false);
  });

  it("takes the outward code of a postcode", () => {
    expect(outwardCode("GU1 3UW")).toBe("GU1");
    expect(outwardCode("gu13uw")).toBe("GU1");
    expect(outwardCode("SW1A 1AA")).toBe("SW1A");
    expect(outwardCode("RH1")).toBe("RH1");
    expect(outwardCode("")).toBeNull();
    expect(outwardCode(null)).toBeNull();
  });
});
