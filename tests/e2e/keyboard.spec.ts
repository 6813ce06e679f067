// Keyboard only: the main journeys without a mouse. Every control is reached with Tab and used with Enter.
import type { Locator, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, test } from "./helpers.ts";

// Presses Tab until the target has focus, proving it can be reached by keyboard in a sensible number of steps.
async function tabTo(page: Page, target: Locator, maxPresses = 80) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

test("a visitor finds a request by search and opens it using only the keyboard", async ({ page }) => {
  await page.goto("/");
  await tabTo(
    page,
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Find requests" }),
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/requests$/);
  await tabTo(page, page.getByRole("textbox", { name: "Search" }));
  await page.keyboard.type("garden");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=garden/);
  // the address changes before the results render, and the unfiltered list has garden links too
  await expect(page.getByRole("heading", { level: 2, name: /matching “garden”/ })).toBeVisible();
  const first = page
    .getByRole("main")
    .getByRole("link", { name: /garden/i })
    .first();
  await tabTo(page, first, 120);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /garden/i })).toBeVisible();
  await expectAccessible(page);
});

test("a supplier signs in and reaches its pledges using only the keyboard", async ({ page }) => {
  await page.goto("/");
  await tabTo(page, page.getByRole("link", { name: "Sign in" }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByLabel("Email address"));
  await page.keyboard.type("supplier@demo.test");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await tabTo(
    page,
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your pledges" }),
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/pledges$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your pledges" })).toBeVisible();
  await expectAccessible(page);
});
