// One of something a requestor counted in a unit they typed reads as one: "1 laptop", not "1 laptops". Before,
// the typed unit was written after any quantity as it was typed.
import { describe, expect, it } from "vitest";
import { formatQuantity, singularUnit } from "~/domain/marketplace/help-types.ts";

describe("formatQuantity with a unit the requestor typed", () => {
  it("writes one of a typed plural in the singular", () => {
    expect(formatQuantity("GOODS", 1, "laptops")).toBe("1 laptop");
    expect(formatQuantity("GOODS", 1, "boxes of food")).toBe("1 box of food");
    expect(formatQuantity("GOODS", 1, "shelving units")).toBe("1 shelving unit");
    expect(formatQuantity("GOODS", 1, "batteries")).toBe("1 battery");
  });

  it("leaves any other quantity as typed", () => {
    expect(formatQuantity("GOODS", 2, "laptops")).toBe("2 laptops");
    expect(formatQuantity("GOODS", 0, "laptops")).toBe("0 laptops");
    expect(formatQuantity("GOODS", 1500, "boxes of food")).toBe("1,500 boxes of food");
  });

  it("still uses the help type's own units when none was typed", () => {
    expect(formatQuantity("GOODS", 1)).toBe("1 item");
    expect(formatQuantity("GOODS", 3, null)).toBe("3 items");
    expect(formatQuantity("VOLUNTEERING", 1, "")).toBe("1 hour");
    expect(formatQuantity("FUNDING", 1, "pounds")).toBe("£1");
  });
});

describe("singularUnit", () => {
  it("changes the noun before 'of', else the last word, in the regular English ways", () => {
    expect(singularUnit("bags of clothes")).toBe("bag of clothes");
    expect(singularUnit("pairs of school shoes")).toBe("pair of school shoes");
    expect(singularUnit("school uniforms")).toBe("school uniform");
    expect(singularUnit("food parcels")).toBe("food parcel");
    expect(singularUnit("benches")).toBe("bench");
    expect(singularUnit("dishes")).toBe("dish");
    expect(singularUnit("dresses")).toBe("dress");
    expect(singularUnit("nappies")).toBe("nappy");
    expect(singularUnit("houses")).toBe("house");
    expect(singularUnit("sets of 4")).toBe("set of 4");
  });

  it("knows the common irregular plurals and keeps the case typed", () => {
    expect(singularUnit("children's books")).toBe("children's book");
    expect(singularUnit("knives")).toBe("knife");
    expect(singularUnit("buses")).toBe("bus");
    expect(singularUnit("hoodies")).toBe("hoodie");
    expect(singularUnit("Laptops")).toBe("Laptop");
    expect(singularUnit("PCS")).toBe("PC");
    expect(singularUnit("BATTERIES")).toBe("BATTERY");
  });

  it("leaves alone what is already singular or has no singular", () => {
    for (const unit of ["laptop", "clothes", "kg", "furniture", "glasses", "bus", "tennis", "£", "A4"])
      expect(singularUnit(unit)).toBe(unit);
  });
});
