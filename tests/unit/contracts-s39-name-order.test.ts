// The contract pages list names as people read them, with one comparator (compareNames): before, the contract form's
// supplier list was in the database's order of text, so "Supplier 10" came before "Supplier 2", and letters in
// another case or with an accent were listed apart.
import { describe, expect, it } from "vitest";
import { compareNames } from "~/domain/contracts/labels.ts";

describe("compareNames", () => {
  it("puts numbers in order of their value", () => {
    expect(["Supplier 10", "Supplier 2", "Supplier 1"].sort(compareNames)).toEqual([
      "Supplier 1",
      "Supplier 2",
      "Supplier 10",
    ]);
  });

  it("sets case and accents aside", () => {
    expect(["Zeta Ltd", "émile ltd", "acme ltd", "Bravo Ltd"].sort(compareNames)).toEqual([
      "acme ltd",
      "Bravo Ltd",
      "émile ltd",
      "Zeta Ltd",
    ]);
    expect(compareNames("Acme Ltd", "acme ltd")).toBe(0);
    expect(compareNames("Émile", "Emile")).toBe(0);
  });
});
