// The privacy notice said "The councils of the partnership are the data controllers" whatever councils the
// marketplace has, one council or several in no partnership: it now names them as they are.
import { describe, expect, it } from "vitest";
import { dataControllers } from "~/ui/council-contacts.tsx";

describe("dataControllers", () => {
  it("names a marketplace's only council", () => {
    expect(dataControllers([{ name: "Northshire County Council" }])).toBe(
      "Northshire County Council is the data controller for the personal information held in the Social Value Marketplace.",
    );
  });

  it("points to the list of councils when there are several, without calling them a partnership", () => {
    const sentence = dataControllers([
      { name: "Northshire County Council" },
      { name: "Southvale District Council" },
    ]);
    expect(sentence).toBe(
      "The councils that use the Social Value Marketplace, listed under “Contact your council” below, are the data controllers for the personal information held in it.",
    );
  });
});
