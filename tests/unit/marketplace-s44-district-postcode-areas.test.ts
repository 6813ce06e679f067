// A council could list a district with a postcode area of the right shape that is no UK postcode area ("ZZ99",
// "QQ1"), though a request given that area is refused (inUkPostcodeArea): the district's postcode areas are now
// checked the same way, each such entry named in one error by the field.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { districtSchema, requestFormSchema } from "~/domain/marketplace/schemas.ts";

function districtErrors(postcodeAreas: string) {
  const form = new FormData();
  form.set("intent", "add");
  form.set("name", "Newtown");
  form.set("postcodeAreas", postcodeAreas);
  const result = parseWithZod(form, { schema: districtSchema });
  return result.status === "success" ? undefined : result.error?.postcodeAreas;
}

function requestPostcodeErrors(postcodeArea: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries({
    intent: "draft",
    title: "Litter pick on the riverside",
    description: "Volunteers to help clear litter from the riverside path on Saturday.",
    councilId: "council-1",
    categoryId: "category-1",
    helpType: "VOLUNTEERING",
    quantity: "12",
    postcodeArea,
    neededBy: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  }))
    form.set(name, value);
  const result = parseWithZod(form, { schema: requestFormSchema });
  return result.status === "success" ? undefined : result.error?.postcodeArea;
}

describe("a district's postcode areas", () => {
  it.each(["ZZ99", "QQ1", "zz9"])("refuses %s, which is no UK postcode area, as a request does", (area) => {
    expect(districtErrors(area)).toEqual([
      `“${area}” is not in a UK postcode area: list postcode areas like GU1, GU2`,
    ]);
    expect(requestPostcodeErrors(area)).toEqual([
      `${area.toUpperCase()} is not in a UK postcode area: enter the first half of a postcode, like GU1`,
    ]);
  });

  it("names every entry outside the UK's postcode areas, one with several areas included", () => {
    expect(districtErrors("GU1, ZZ99, QQ1 GU2, KT1")).toEqual([
      "“ZZ99” and “QQ1 GU2” are not in UK postcode areas: list postcode areas like GU1, GU2",
    ]);
  });

  it("tells a full postcode outside the UK's areas that, not to enter its first part", () => {
    expect(districtErrors("ZZ9 9ZZ")).toEqual([
      "“ZZ9 9ZZ” is not in a UK postcode area: list postcode areas like GU1, GU2",
    ]);
    expect(districtErrors("GU1 1AA")).toEqual([
      "“GU1 1AA” is a full postcode: enter only its first part, GU1",
    ]);
  });

  it("keeps its other errors, each once", () => {
    expect(districtErrors("ZZ99, !!, GU1 1AA")).toEqual([
      "“!!” is not a postcode area: list postcode areas like GU1, GU2",
      "“ZZ99” is not in a UK postcode area: list postcode areas like GU1, GU2",
      "“GU1 1AA” is a full postcode: enter only its first part, GU1",
    ]);
  });

  it("takes the UK's postcode areas, one-letter areas and London's sub-districts included", () => {
    expect(districtErrors("GU1, gu2 GU3, B1, E1W, SW1A, BT9, JE2, IM1, ZE1")).toBeUndefined();
    expect(districtErrors("")).toBeUndefined();
  });
});
