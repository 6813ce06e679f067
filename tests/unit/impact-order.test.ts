// The public impact page's tables: the rows come from the database in category order, and the district table
// built from them listed districts in the order their categories came (jumbled), not by name.
import { describe, expect, it } from "vitest";
import { NO_DISTRICT, summariseImpact } from "~/domain/reporting/impact.server.ts";
import type { ImpactRow } from "~/domain/reporting/impact-fields.ts";

const row = (category: string, district: string, helpType: ImpactRow["helpType"]): ImpactRow => ({
  councilId: "c1",
  council: "Northshire",
  category,
  district,
  helpType,
  unit: "hours",
  confirmedPledges: 1,
  quantity: 2,
});

describe("the impact page's tables", () => {
  it("list districts by name, no district last, and each one's help types in the usual order", () => {
    const [council] = summariseImpact([
      row("Arts", "Westfield", "VOLUNTEERING"),
      row("Arts", NO_DISTRICT, "GOODS"),
      row("Health", "Eastbrook", "GOODS"),
      row("Health", "Westfield", "GOODS"),
      row("Sport", "Eastbrook", "VOLUNTEERING"),
    ]);
    expect(council.byDistrict.map((d) => `${d.label} ${d.helpType}`)).toEqual([
      "Eastbrook VOLUNTEERING",
      "Eastbrook GOODS",
      "Westfield VOLUNTEERING",
      "Westfield GOODS",
      `${NO_DISTRICT} GOODS`,
    ]);
    expect(council.byDistrict.find((d) => d.label === "Eastbrook" && d.helpType === "GOODS")).toMatchObject({
      pledges: 1,
      quantity: 2,
    });
    expect(council.byCategory.map((c) => c.label)).toEqual(["Arts", "Arts", "Health", "Sport"]);
  });
});
