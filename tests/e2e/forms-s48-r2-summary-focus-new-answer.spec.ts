// The error summary took focus whenever the page's address changed, not only when an answer came back: following
// the "Skip to main content" link (or any link to a place in the page) after a refusal sent with JavaScript made a new
// location, so focus was pulled from the main content back to the summary and it was announced again (WCAG 2.4.3).
// It now takes focus when an answer arrives, and a link within the page leaves focus where the link put it.
import { expect, signIn, test } from "./helpers.ts";

test("after a refusal, the skip link moves focus to the main content and the summary leaves it there", async ({
  page,
}) => {
  await signIn(page, "supplier.member@demo.test");
  await page.goto("/account/delete");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  const password = page.getByLabel("Enter your password to confirm");
  const refuse = async () => {
    await password.fill("not-the-password");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
  };
  await refuse();

  // the keyboard user goes back to the skip link and follows it
  const skip = page.getByRole("link", { name: "Skip to main content" });
  for (
    let presses = 0;
    presses < 30 && !(await skip.evaluate((link) => link === document.activeElement));
    presses++
  )
    await page.keyboard.press("Shift+Tab");
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);
  const main = page.locator("#main-content");
  await expect(main).toBeFocused();
  // still there once anything the new address set off has run (the summary took focus on its next render)
  await page.waitForTimeout(500);
  await expect(main).toBeFocused();
  await expect(summary).toBeVisible();

  // a further refusal is a new answer: focus goes to the summary again
  await refuse();
});
