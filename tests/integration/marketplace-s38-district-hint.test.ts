// The request form's District hint told a volunteer the request "is filed under the district that lists the area,
// and follows the area if you change it later": words from the code, not from the person filling the form in. It now
// says in plain words that one of district, postcode area or remote is needed, and what a postcode area alone does.
import { describe, expect, test } from "vitest";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";

describe("the request form's District hint is in plain words", () => {
  test("it says one of the three is needed and what a postcode area alone does", async () => {
    const w = await createReturnsWorld();
    const text = readableMainText(await (await renderPage("/requests/new", w.cookies.vcseOwner)).text());
    expect(text).toContain("you need at least one");
    expect(text).toContain(
      "If you enter only a postcode area, we put the request under the district that covers it.",
    );
    expect(text).not.toContain("filed under");
    expect(text).not.toContain("follows the area");
  });
});
