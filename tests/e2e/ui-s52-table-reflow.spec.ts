// WCAG 1.4.10 (reflow): a wide table scrolls sideways inside its own box at 320 CSS pixels, and nothing in it may
// widen the page. The words a screen reader hears in a table ("sr-only": absolutely positioned, 1 pixel wide) were
// placed against the page, not the box, so those in a table's right-hand columns stuck out past it and made every
// page with a wide table scroll sideways (the council's returns queue was 727 pixels wide). The box is now the
// containing block of what is positioned inside it, so they scroll with the table and are clipped by the box.
import type { Page } from "@playwright/test";
import { expect, signIn, test, visit } from "./helpers.ts";

async function expectNoSidewaysScroll(page: Page, path: string) {
  await visit(page, path);
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
  }));
  expect(widths.page, `${path} is ${widths.page} px wide at ${widths.screen}`).toBeLessThanOrEqual(
    widths.screen,
  );
}

test.use({ viewport: { width: 320, height: 800 } });

test("the public impact page's tables scroll in their boxes at 320 pixels", async ({ page }) => {
  await expectNoSidewaysScroll(page, "/impact");
});

test("a council's wide tables scroll in their boxes at 320 pixels", async ({ page }) => {
  await signIn(page, "council.admin@demo.test");
  for (const path of ["/returns", "/council/measures", "/organisations"])
    await expectNoSidewaysScroll(page, path);
  await visit(page, "/contracts");
  await page.locator("main table a[href^='/contracts/']").first().click();
  await expectNoSidewaysScroll(page, new URL(page.url()).pathname);
});

test("a requestor's tables scroll in their boxes at 320 pixels", async ({ page }) => {
  await signIn(page, "charity@demo.test");
  await expectNoSidewaysScroll(page, "/my-requests");
});
