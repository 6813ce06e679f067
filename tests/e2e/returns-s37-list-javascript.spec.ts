// The quarterly returns list threw in the browser as its JavaScript loaded ("Cannot convert undefined or null to
// object": its filters were built from a list only the server has), so the page never came alive and going to it
// from another page broke. Its JavaScript now runs, for a supplier and for an officer.
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./helpers.ts";

function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

for (const email of ["supplier@demo.test", "officer@demo.test"]) {
  test(`the returns list's JavaScript runs for ${email}`, async ({ page }) => {
    const errors = watchErrors(page);
    await signIn(page, email);
    await page.goto("/returns");
    await expect(page.getByRole("heading", { level: 1, name: "Quarterly returns" })).toBeVisible();
    // going there from another page, as a link in the header does once the app is running
    await page.goto("/contracts");
    await page.getByRole("link", { name: "Quarterly returns", exact: true }).first().click();
    await expect(page).toHaveURL(/\/returns$/);
    await expect(page.getByRole("heading", { level: 1, name: "Quarterly returns" })).toBeVisible();
    expect(errors).toEqual([]);
  });
}
