// With JavaScript on, a refused sign-in moves focus to the error summary, as GOV.UK's forms do, so a screen reader
// reads the problem out. It did on the first refusal only: the summary focused itself when its number of errors
// changed, and a second "Incorrect email or password" (one error, as before) left focus on the Sign in button.
import { expect, test } from "./helpers.ts";

test("each refused sign-in moves focus to the error summary", async ({ page }) => {
  await page.goto("/sign-in");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  for (const attempt of [1, 2, 3]) {
    await page.getByLabel("Email address").fill(`nobody-s37-${attempt}@example.test`);
    await page.getByLabel("Password", { exact: true }).fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email address")).toHaveValue(`nobody-s37-${attempt}@example.test`);
    await expect(summary).toContainText("Incorrect email or password");
    await expect(summary, `focus after refused attempt ${attempt}`).toBeFocused();
  }
});
