import { describe, expect, it } from "vitest";
import {
  checkHeader,
  normaliseHeader,
  parseImportRow,
  parsePlanText,
} from "~/domain/contracts/import-rows.ts";
import { importRecord } from "../helpers/contract-forms.ts";

const record = importRecord;

describe("the header", () => {
  it("accepts names as a procurement system writes them", () => {
    expect(["Contract Reference", " value-gbp ", "START_DATE"].map(normaliseHeader)).toEqual([
      "contract_reference",
      "value_gbp",
      "start_date",
    ]);
    expect(checkHeader(Object.keys(record()))).toEqual([]);
  });

  it("reports unknown, missing and repeated columns on line 1", () => {
    const errors = checkHeader(["contract_reference", "contract_reference", "colour", "department"]);
    expect(errors.map((e) => e.message)).toEqual([
      'Unknown column "colour"',
      'The file has no "contract_title" column',
      'The file has no "value_gbp" column',
      'The file has no "start_date" column',
      'The file has no "end_date" column',
      'The file needs a "supplier_company_number" or "supplier_name" column',
      'The column "contract_reference" appears twice',
    ]);
    expect(errors.every((e) => e.line === 1)).toBe(true);
  });
});

describe("the delivery plan column", () => {
  it("reads quarters the way councils write them", () => {
    expect(parsePlanText("Q1 2026/27=25; q2 2026/27 : 12.5;;  Q4 2099/00=1")).toEqual({
      ok: true,
      plan: [
        { financialYear: 2026, quarter: 1, quantity: "25.00" },
        { financialYear: 2026, quarter: 2, quantity: "12.50" },
        { financialYear: 2099, quarter: 4, quantity: "1.00" },
      ],
    });
    expect(parsePlanText("")).toEqual({ ok: true, plan: [] });
  });

  it.each(["Q5 2026/27=1", "Q1 2026/28=1", "Q1 2026=1", "Q1 2026/27=-1", "Q1 2026/27=lots", "2026Q1=3"])(
    "refuses %s",
    (text) => expect(parsePlanText(text).ok).toBe(false),
  );
});

describe("a row", () => {
  it("a valid row, with defaults for blank optional columns", () => {
    const result = parseImportRow(2, record({ status: "", measure_code: "soc-01", target_quantity: "10" }));
    expect(result.ok && result.row).toMatchObject({
      status: null,
      measure_code: "SOC-01",
      target_quantity: "10.00",
      value_gbp: "1000.00",
      awarded_on: null,
      delivery_plan: [],
    });
  });

  it("reports each bad column on the row's line", () => {
    const result = parseImportRow(
      7,
      record({
        contract_reference: " ",
        value_gbp: "£-1",
        contract_manager_email: "not an email",
        start_date: "2026-02-30",
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => `${e.line}:${e.column}`)).toEqual([
        "7:contract_reference",
        "7:contract_manager_email",
        "7:value_gbp",
        "7:start_date",
      ]);
  });

  it("says which years a date may fall in when it is real but out of range", () => {
    const result = parseImportRow(4, record({ start_date: "01/04/1026", end_date: "2026-02-30" }));
    expect(!result.ok && result.errors.map((e) => [e.column, e.message])).toEqual([
      ["start_date", "Enter a date between 1990 and 2100"],
      ["end_date", "Enter a real date as 2026-04-01 or 01/04/2026"],
    ]);
  });

  it("needs a supplier, dates in order and a measure for any commitment value", () => {
    const result = parseImportRow(
      3,
      record({ supplier_company_number: "", end_date: "2026-01-01", target_quantity: "5" }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => e.column)).toEqual([
        "supplier_company_number",
        "end_date",
        "measure_code",
      ]);
  });
});
