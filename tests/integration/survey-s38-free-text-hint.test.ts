// Found in the s38 survey QA: the two free-text boxes ("Anything else that makes it hard", "What could the council
// do") took up to 2,000 characters, but a business was told so only once a longer answer was refused. Each box now
// says how much it takes before anything is typed (GOV.UK's character count), its hint read with the box.
import { describe, expect, it } from "vitest";
import { respondentInArea } from "../helpers/survey-respondent.ts";

const HINT = "You can enter up to 2,000 characters.";

describe("a free-text question", () => {
  it.each([
    ["/questions/barriers", "barriersOther"],
    ["/questions/council-could-do", "councilCouldDo"],
  ])("on %s says how many characters it takes, and the box is described by it", async (path, name) => {
    const { page } = await respondentInArea("ZR9", { consented: true });
    const { html, text } = await page(path);
    expect(text).toContain(HINT);
    const box = html.match(new RegExp(`<textarea[^>]*name="${name}"[^>]*>`))?.[0] ?? "";
    const describedBy = box.match(/aria-describedby="([^"]+)"/)?.[1]?.split(" ") ?? [];
    const hintIds = describedBy.filter((id) =>
      new RegExp(`id="${id}"[^>]*>${HINT.replace(/[.]/g, "\\.")}<`).test(html),
    );
    expect(hintIds).toHaveLength(1);
  });
});
