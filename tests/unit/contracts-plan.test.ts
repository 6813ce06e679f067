import { describe, expect, it } from "vitest";
import { changesFrom, diffSnapshots } from "~/domain/contracts/history.ts";
import { checkCommitment, planIsRequired, quartersOutsideTerm } from "~/domain/contracts/plan.ts";
import {
  commitmentEditSchema,
  commitmentSchema,
  contractEditSchema,
  contractSchema,
  measureSchema,
} from "~/domain/contracts/schemas.ts";
import { parseAmount, parseDay } from "~/domain/contracts/values.ts";

const term = { startDate: new Date("2026-04-01Z"), endDate: new Date("2027-03-31Z") };
const q = (financialYear: number, quarter: number, quantity: string) => ({
  financialYear,
  quarter,
  quantity,
});

describe("checkCommitment: numeric measures", () => {
  it("accepts a plan that adds up to the target and drops empty quarters", () => {
    const result = checkCommitment(
      {
        unit: "HOURS",
        targetQuantity: "100.00",
        plan: [q(2026, 2, "40"), q(2026, 1, "60"), q(2026, 3, "0")],
      },
      term,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        targetQuantity: "100.00",
        qualitativeText: null,
        plan: [
          { financialYear: 2026, quarter: 1, quantity: "60.00" },
          { financialYear: 2026, quarter: 2, quantity: "40.00" },
        ],
      },
    });
  });

  it("adds decimals exactly", () => {
    const result = checkCommitment(
      { unit: "TONNES_CO2E", targetQuantity: "0.30", plan: [q(2026, 1, "0.1"), q(2026, 2, "0.2")] },
      term,
    );
    expect(result.ok).toBe(true);
  });

  it("rejects a plan that does not add up, saying both totals", () => {
    const result = checkCommitment(
      { unit: "PEOPLE", targetQuantity: "10", plan: [q(2026, 1, "4"), q(2026, 2, "5")] },
      term,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        plan: ["The quarterly plan adds up to 9 people but the target is 10 people: they must be equal"],
      },
    });
  });

  it("requires a plan for additive units (an empty plan only fits a zero target)", () => {
    expect(planIsRequired("GBP")).toBe(true);
    expect(checkCommitment({ unit: "GBP", targetQuantity: "5000", plan: [] }, term).ok).toBe(false);
    expect(checkCommitment({ unit: "GBP", targetQuantity: "0", plan: [] }, term).ok).toBe(true);
  });

  it("rejects quarters outside the contract term, around the year end", () => {
    const result = checkCommitment(
      { unit: "HOURS", targetQuantity: "20", plan: [q(2026, 4, "10"), q(2027, 1, "10")] },
      term,
    );
    expect(result).toEqual({ ok: false, errors: { plan: ["Q1 2027/28 is outside the contract term"] } });
    const before = checkCommitment({ unit: "HOURS", targetQuantity: "10", plan: [q(2025, 4, "10")] }, term);
    expect(before).toEqual({ ok: false, errors: { plan: ["Q4 2025/26 is outside the contract term"] } });
  });

  it("rejects a quarter given twice and a quarter that does not exist", () => {
    const twice = checkCommitment(
      { unit: "HOURS", targetQuantity: "20", plan: [q(2026, 1, "10"), q(2026, 1, "10")] },
      term,
    );
    expect(twice).toEqual({ ok: false, errors: { plan: ["Q1 2026/27 appears more than once in the plan"] } });
    const q5 = checkCommitment({ unit: "HOURS", targetQuantity: "10", plan: [q(2026, 5, "10")] }, term);
    expect(q5.ok).toBe(false);
  });

  it("needs a target and refuses words on a numeric measure", () => {
    const result = checkCommitment({ unit: "COUNT", qualitativeText: "Some words", plan: [] }, term);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.targetQuantity).toEqual(["Enter the target over the contract term"]);
      expect(result.errors.qualitativeText).toHaveLength(1);
    }
  });
});

describe("checkCommitment: percentages and qualitative measures", () => {
  it("a percentage has a target up to 100 and no plan", () => {
    expect(checkCommitment({ unit: "PERCENT", targetQuantity: "95", plan: [] }, term)).toEqual({
      ok: true,
      value: { targetQuantity: "95", qualitativeText: null, plan: [] },
    });
    expect(checkCommitment({ unit: "PERCENT", targetQuantity: "101", plan: [] }, term).ok).toBe(false);
    expect(
      checkCommitment({ unit: "PERCENT", targetQuantity: "95", plan: [q(2026, 1, "95")] }, term).ok,
    ).toBe(false);
  });

  it("a qualitative commitment needs words and takes no target or plan", () => {
    expect(
      checkCommitment({ unit: "QUALITATIVE", qualitativeText: "  Run careers fairs ", plan: [] }, term),
    ).toEqual({ ok: true, value: { targetQuantity: null, qualitativeText: "Run careers fairs", plan: [] } });
    const empty = checkCommitment({ unit: "QUALITATIVE", qualitativeText: " ", plan: [] }, term);
    expect(empty).toEqual({
      ok: false,
      errors: { qualitativeText: ["Describe what the supplier has committed to"] },
    });
    const withTarget = checkCommitment(
      { unit: "QUALITATIVE", qualitativeText: "x", targetQuantity: "3", plan: [q(2026, 1, "3")] },
      term,
    );
    expect(withTarget.ok).toBe(false);
    if (!withTarget.ok) expect(Object.keys(withTarget.errors).sort()).toEqual(["plan", "targetQuantity"]);
  });
});

describe("quartersOutsideTerm", () => {
  it("finds plan quarters a shortened term would strand", () => {
    const plan = [
      { financialYear: 2026, quarter: 1 },
      { financialYear: 2026, quarter: 4 },
    ];
    expect(quartersOutsideTerm(plan, term)).toEqual([]);
    expect(
      quartersOutsideTerm(plan, { startDate: new Date("2026-04-01Z"), endDate: new Date("2026-12-31Z") }),
    ).toEqual([{ financialYear: 2026, quarter: 4 }]);
  });
});

describe("reading amounts and dates", () => {
  it.each([
    ["100", "100.00"],
    ["£1,250,000.5", "1250000.50"],
    [" 0.25 ", "0.25"],
    ["007", "7.00"],
  ])("amount %s is %s", (input, expected) => expect(parseAmount(input)).toBe(expected));

  // "1,5" and "12,50" are decimal commas, not thousands: read as 15 and 1,250 they recorded the wrong amount
  it.each(["-1", "1.234", "abc", "", "1e5", "£", "1,2.3.4", "1,5", "12,50", "1,2,3"])(
    "amount %s is rejected",
    (input) => expect(parseAmount(input)).toBeNull(),
  );

  it.each([
    ["2026-04-01", "2026-04-01"],
    ["1/4/2026", "2026-04-01"],
    ["29/02/2024", "2024-02-29"],
    ["2024-2-29", "2024-02-29"],
  ])("date %s is %s", (input, expected) => expect(parseDay(input)).toBe(expected));

  it.each(["29/02/2025", "2026-13-01", "31/04/2026", "2026/04/01", "tomorrow", "1800-01-01"])(
    "date %s is rejected",
    (input) => expect(parseDay(input)).toBeNull(),
  );
});

describe("form schemas", () => {
  const contract = {
    reference: "C1",
    title: "T",
    supplierOrganisationId: "s",
    department: "D",
    valueGbp: "10",
    startDate: "2026-04-01",
    endDate: "2027-03-31",
    status: "ACTIVE",
  };

  it("a contract whose end is before its start is refused on the end date", () => {
    const result = contractSchema.safeParse({ ...contract, endDate: "2026-03-31" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["endDate"]);
  });

  it("a date in a year no contract runs in is refused with the years allowed, not as unreadable", () => {
    const messages = (values: object) =>
      contractSchema.safeParse({ ...contract, ...values }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(messages({ startDate: "1989-12-31", endDate: "31/01/2101" })).toEqual([
      ["startDate", "Enter a date between 1990 and 2100"],
      ["endDate", "Enter a date between 1990 and 2100"],
    ]);
    expect(messages({ endDate: "2100-12-31" })).toBeUndefined();
    // a day that is on no calendar is unreadable, whatever its year
    for (const endDate of ["2027-02-30", "2206-02-30", "31/02/1026", "9999-99-99"])
      expect(messages({ endDate })).toEqual([["endDate", "Enter a real date, for example 27/03/2027"]]);
  });

  it("an edit needs the version it was read from, as a problem with the whole form; registering does not", () => {
    const version = "2026-05-01T09:30:00.123Z";
    const commitment = { measureId: "m", targetQuantity: "10" };
    expect(contractSchema.safeParse(contract).success).toBe(true);
    expect(commitmentSchema.safeParse(commitment).success).toBe(true);
    expect(contractEditSchema.parse({ ...contract, version }).version).toBe(version);
    expect(commitmentEditSchema.parse({ ...commitment, version }).version).toBe(version);
    for (const sent of [undefined, "", "2026-05-01", "2026-05-01T09:30:00Z", "soon", 42]) {
      for (const [schema, values] of [
        [contractEditSchema, contract],
        [commitmentEditSchema, commitment],
      ] as const) {
        const result = schema.safeParse({ ...values, version: sent });
        expect(result.error?.issues.map((i) => i.path)).toEqual([[]]);
      }
    }
  });

  it("measure codes are upper-cased and limited to letters, numbers and hyphens", () => {
    const base = { name: "N", theme: "SOCIAL", unit: "HOURS" };
    expect(measureSchema.parse({ ...base, code: "job-06" }).code).toBe("JOB-06");
    expect(measureSchema.safeParse({ ...base, code: "JOB 06" }).success).toBe(false);
  });
});

describe("history of changes", () => {
  it("lists each changed field once, with before and after, in label order", () => {
    const labels = { title: "Title", status: "Status", endDate: "End date" };
    const changes = diffSnapshots(
      { title: "Old", status: "ACTIVE", endDate: "2027-03-31" },
      { title: "New", status: "ACTIVE", endDate: null },
      labels,
    );
    expect(changes).toEqual([
      { field: "title", label: "Title", from: "Old", to: "New" },
      { field: "endDate", label: "End date", from: "2027-03-31", to: null },
    ]);
    expect(diffSnapshots({ title: "Same" }, { title: "Same" }, labels)).toEqual([]);
  });

  it("reads changes back from audit details and ignores junk", () => {
    expect(changesFrom({ changes: [{ field: "a", label: "A", from: null, to: "x" }, 5] })).toEqual([
      { field: "a", label: "A", from: null, to: "x" },
    ]);
    expect(changesFrom(null)).toEqual([]);
    expect(changesFrom({ changes: "nope" })).toEqual([]);
  });
});
