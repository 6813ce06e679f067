// Session 47: a wide table scrolls sideways inside its own box on a narrow screen. On paper nothing scrolls, so the
// box clipped the table's right-hand columns when the page was printed: in print it now shows the whole table.
import { expect, test, visit } from "./helpers.ts";

const scrollBoxes = (page: import("@playwright/test").Page) =>
  page.locator('[role="region"][tabindex="0"]').evaluateAll((boxes) =>
    boxes.map((box) => {
      const style = getComputedStyle(box);
      return { overflowX: style.overflowX, maxHeight: style.maxHeight };
    }),
  );

test("a table's scroll box scrolls on screen and shows the whole table in print", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await visit(page, "/impact");
  const onScreen = await scrollBoxes(page);
  expect(onScreen.length).toBeGreaterThan(0);
  expect(onScreen.every((box) => box.overflowX === "auto")).toBe(true);
  await page.emulateMedia({ media: "print" });
  expect(await scrollBoxes(page)).toEqual(onScreen.map(() => ({ overflowX: "visible", maxHeight: "none" })));
});
