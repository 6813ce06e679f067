// requiredName, the organisation's, council's and partnership's name fields: each answer is told one thing, the
// thing that is wrong with it, and spaces only are asked for as an empty field is.
import { describe, expect, it } from "vitest";
import { requiredName } from "~/domain/name-field.ts";

const councilName = requiredName({
  missing: "Enter the council name",
  label: "Council name",
  min: 3,
  max: 120,
});

const messagesOf = (value: unknown) => {
  const parsed = councilName.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe("a required name", () => {
  it.each([[""], ["   "], ["\t \n"], [undefined]])("asks for one when it is %j", (value) => {
    expect(messagesOf(value)).toEqual(["Enter the council name"]);
  });

  it("says how long it must be, and only that, when it is too short", () => {
    expect(messagesOf(" Ab ")).toEqual(["Council name must be 3 characters or more"]);
    expect(messagesOf("\u200B\u200B")).toEqual(["Council name must be 3 characters or more"]);
    expect(messagesOf("A".repeat(121))).toEqual(["Council name must be 120 characters or fewer"]);
  });

  it("refuses one that shows nothing, or is not drawn as typed", () => {
    expect(messagesOf("\u200B\u200B\u200B")).toEqual([
      "The council name must contain letters, numbers or other characters you can see",
    ]);
    expect(messagesOf("Kit \u202EetiK")).toEqual([
      "The council name must not contain characters that change the direction of the text (copy it again from where it is written)",
    ]);
  });

  it("keeps a name with words in it, trimmed", () => {
    expect(councilName.parse("  Northshire County Council ")).toBe("Northshire County Council");
    expect(councilName.parse("A".repeat(120))).toBe("A".repeat(120));
  });
});
