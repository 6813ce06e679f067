import { expect, expectAccessible, test } from "./helpers.ts";

test("the home page lists the newest open requests and is accessible", async ({ page }) => {
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 1, name: "Social value that gets delivered" }),
  ).toBeVisible();
  const newest = page.getByRole("region", { name: "Newest needs" });
  await expect(newest.getByRole("listitem").first()).toBeVisible();
  await expectAccessible(page);
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();
});

test("an unknown address shows the 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});
