// One rule for which units' amounts add up (a commitment's quarterly plan, a £ proxy value, the dashboard's and the
// departmental report's totals): every unit but a percentage and words. It was written out in four places.
import { describe, expect, it } from "vitest";
import { planIsRequired } from "~/domain/contracts/plan.ts";
import { amountsAddUp } from "~/domain/contracts/quantities.ts";
import { hasProxyValue } from "~/domain/contracts/schemas.ts";
import { MeasureUnit } from "~/generated/prisma/enums.ts";

describe("which units' amounts add up", () => {
  it("is every unit but a percentage and words, and the plan and proxy value follow it", () => {
    const units = Object.values(MeasureUnit);
    expect(units.filter(amountsAddUp).sort()).toEqual(
      ["COUNT", "GBP", "HOURS", "PEOPLE", "TONNES", "TONNES_CO2E", "WEEKS"].sort(),
    );
    for (const unit of units) {
      expect(planIsRequired(unit), unit).toBe(amountsAddUp(unit));
      expect(hasProxyValue(unit), unit).toBe(amountsAddUp(unit));
    }
  });
});
