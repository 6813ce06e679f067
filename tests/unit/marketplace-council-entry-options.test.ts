// A council's categories and districts as the request form and the public list's filters offer them: by name, with
// the council's name in brackets where the instance has several councils (council-entry-options.ts).
import { describe, expect, it } from "vitest";
import { councilEntryOptions, publicEntryName } from "~/domain/marketplace/council-entry-options.ts";

const councils = [
  { name: "Northshire", districts: [{ id: "d1", name: "Guildford", retired: false }] },
  {
    name: "Eastvale",
    districts: [
      { id: "d2", name: "Guildford", retired: false },
      { id: "d3", name: "Old Town", retired: true },
    ],
  },
];

describe("a council's entries as options", () => {
  it("name their council where there are several, so two councils' entries of one name can be told apart", () => {
    expect(councilEntryOptions(councils, (c) => c.districts, { withCouncil: true })).toEqual([
      { value: "d1", label: "Guildford (Northshire)" },
      { value: "d2", label: "Guildford (Eastvale)" },
      { value: "d3", label: "Old Town (Eastvale)" },
    ]);
  });

  it("are the entries' names alone where there is one council", () => {
    expect(councilEntryOptions(councils.slice(1), (c) => c.districts, { withCouncil: false })).toEqual([
      { value: "d2", label: "Guildford" },
      { value: "d3", label: "Old Town" },
    ]);
  });

  it("say an entry's own mark before its council's name", () => {
    const options = councilEntryOptions(councils, (c) => c.districts, {
      withCouncil: true,
      nameOf: publicEntryName,
    });
    expect(options).toContainEqual({ value: "d3", label: "Old Town (no longer used) (Eastvale)" });
  });
});
