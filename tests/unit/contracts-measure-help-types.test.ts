// A measure counts only marketplace help measured in its own unit: 20 items must never add £20.
import { describe, expect, it } from "vitest";
import { DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { HELP_TYPE_UNIT, helpTypeMismatch, helpTypesFor } from "~/domain/contracts/measure-help-types.ts";
import { measureSchema } from "~/domain/contracts/schemas.ts";
import { HELP_TYPES } from "~/domain/marketplace/help-types.ts";
import { HelpType, MeasureUnit } from "~/generated/prisma/enums.ts";

describe("which help fits which unit", () => {
  it("follows the unit the marketplace gives each help type", () => {
    const words: Record<string, MeasureUnit> = {
      hours: "HOURS",
      "£": "GBP",
      items: "COUNT",
      places: "PEOPLE",
    };
    for (const h of HELP_TYPES) expect(HELP_TYPE_UNIT[h.value]).toBe(words[h.unit]);
  });

  it("gives every unit its help types, and none to units no help is measured in", () => {
    expect(Object.fromEntries(Object.values(MeasureUnit).map((unit) => [unit, helpTypesFor(unit)]))).toEqual({
      PEOPLE: ["WORK_PLACEMENT"],
      HOURS: ["VOLUNTEERING", "EXPERTISE"],
      WEEKS: [],
      GBP: ["FUNDING"],
      PERCENT: [],
      COUNT: ["GOODS"],
      TONNES: [],
      TONNES_CO2E: [],
      QUALITATIVE: [],
    });
  });

  it("explains a mismatch, listing the help that fits", () => {
    expect(helpTypeMismatch("HOURS", ["VOLUNTEERING", "EXPERTISE"])).toBeNull();
    expect(helpTypeMismatch("GBP", ["FUNDING", "GOODS"])).toBe(
      "Only Funding (£) can count towards a measure in pounds (£). Untick Goods (items).",
    );
    expect(helpTypeMismatch("HOURS", ["GOODS", "FUNDING"])).toBe(
      "Only Volunteering (hours) or Professional expertise (hours) can count towards a measure in hours. Untick Goods (items) and Funding (£).",
    );
    expect(helpTypeMismatch("PERCENT", ["FUNDING"])).toBe(
      "No marketplace help can count towards a percentage measure. Untick Funding (£).",
    );
  });
});

describe("the measure form", () => {
  const form = (unit: MeasureUnit, contributingHelpTypes: HelpType[]) => ({
    code: "M-1",
    name: "A measure",
    theme: "SOCIAL",
    unit,
    contributingHelpTypes,
  });
  const errorsFor = (value: object) => {
    const result = measureSchema.safeParse(value);
    return result.success ? null : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
  };

  it("accepts help in the measure's unit", () => {
    for (const [unit, helpTypes] of [
      ["HOURS", ["VOLUNTEERING", "EXPERTISE"]],
      ["GBP", ["FUNDING"]],
      ["PEOPLE", ["WORK_PLACEMENT"]],
      ["COUNT", ["GOODS"]],
      ["PERCENT", []],
      ["QUALITATIVE", []],
    ] as const)
      expect(errorsFor(form(unit, [...helpTypes]))).toBeNull();
  });

  it("refuses help in another unit, on the help types field", () => {
    for (const [unit, helpTypes] of [
      ["GBP", ["FUNDING", "GOODS"]],
      ["HOURS", ["WORK_PLACEMENT"]],
      ["WEEKS", ["WORK_PLACEMENT"]],
      ["PERCENT", ["FUNDING"]],
      ["QUALITATIVE", ["VOLUNTEERING"]],
    ] as const)
      expect(errorsFor(form(unit, [...helpTypes]))).toEqual([
        { path: ["contributingHelpTypes"], message: helpTypeMismatch(unit, [...helpTypes]) },
      ]);
  });

  it("reports the mismatch with the form's other problems", () => {
    expect(
      errorsFor({ ...form("GBP", ["GOODS"]), code: "", theme: "NONSENSE" })!.map((e) => e.path[0]),
    ).toEqual(["code", "theme", "contributingHelpTypes"]);
  });

  it("the default library passes its own rule", () => {
    for (const measure of DEFAULT_MEASURES)
      expect({ code: measure.code, errors: errorsFor(measure) }).toEqual({
        code: measure.code,
        errors: null,
      });
    expect(DEFAULT_MEASURES.find((m) => m.code === "SOC-02")!.contributingHelpTypes).toEqual(["FUNDING"]);
  });
});

describe("weights that are not carbon", () => {
  it("the default waste measure is in tonnes, shown as tonnes, not tonnes CO2e", async () => {
    const { DEFAULT_MEASURES } = await import("~/domain/contracts/default-measures.ts");
    const { formatMeasureQuantity } = await import("~/domain/contracts/labels.ts");
    expect(DEFAULT_MEASURES.find((m) => m.code === "ENV-02")?.unit).toBe("TONNES");
    expect(formatMeasureQuantity("TONNES", 12)).toBe("12 tonnes");
    expect(formatMeasureQuantity("TONNES", 1)).toBe("1 tonne");
  });
});
