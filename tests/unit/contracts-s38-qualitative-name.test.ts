// The commitment form's measure list named each measure with its unit in brackets, and the default library's
// qualitative measures already end "(qualitative)": "Community engagement (qualitative) (described in words)".
// A name that says it is qualitative is now left as it is.
import { describe, expect, it } from "vitest";
import { DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { nameWithUnit } from "~/domain/contracts/labels.ts";

describe("nameWithUnit", () => {
  it("leaves a qualitative measure's name that already says so", () => {
    expect(nameWithUnit("Community engagement (qualitative)", "QUALITATIVE")).toBe(
      "Community engagement (qualitative)",
    );
    expect(nameWithUnit("Community engagement (Qualitative) ", "QUALITATIVE")).toBe(
      "Community engagement (Qualitative) ",
    );
  });

  it("says once what every default measure is counted in", () => {
    const qualitative = DEFAULT_MEASURES.filter((m) => m.unit === "QUALITATIVE");
    expect(qualitative.length).toBeGreaterThan(0);
    for (const m of DEFAULT_MEASURES) expect(nameWithUnit(m.name, m.unit)).not.toContain(") (");
  });

  it("still adds the words to a qualitative name that does not say so, and a unit to others", () => {
    expect(nameWithUnit("Community engagement", "QUALITATIVE")).toBe(
      "Community engagement (described in words)",
    );
    expect(nameWithUnit("Volunteering", "HOURS")).toBe("Volunteering (hours)");
    expect(nameWithUnit("Local spend (£)", "GBP")).toBe("Local spend (£)");
    // "(qualitative)" names a qualitative measure only: on another unit the unit is still told
    expect(nameWithUnit("Hours (qualitative)", "HOURS")).toBe("Hours (qualitative) (hours)");
  });
});
