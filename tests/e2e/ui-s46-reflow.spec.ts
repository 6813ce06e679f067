// WCAG 1.4.10 (reflow): at 320 CSS pixels wide nothing may make the page scroll sideways. A name of one long word
// (a person may type up to 100 letters without a space) stretched the header's account link and every page with
// it to 734 px, and a heading of one long word ran off the screen: long words now break to fit.
import { expect, signIn, test, visit } from "./helpers.ts";

const LONG_NAME = "Maximilianbartholomewfitzgeraldmontgomeryhetherington";

test("pages reflow at 320 pixels with a name of one long word", async ({ page }) => {
  await signIn(page, "supplier.member@demo.test");
  await page.goto("/account/name");
  await page.getByLabel("Full name").fill(LONG_NAME);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText(LONG_NAME).first()).toBeVisible();
  try {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of ["/dashboard", "/account", "/requests"]) {
      await visit(page, path);
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: document.documentElement.clientWidth,
      }));
      expect(widths.page, `${path} is ${widths.page} px wide at 320`).toBeLessThanOrEqual(widths.screen);
    }
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/account/name");
    await page.getByLabel("Full name").fill("Mo Member");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("Mo Member").first()).toBeVisible();
  }
});
