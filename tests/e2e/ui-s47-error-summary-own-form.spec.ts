// The error summary took focus back after every submit of any form on the page while it was shown (the header's
// sign-out, a filter, another form handled in the page), not only its own: a keyboard or screen reader user who
// had moved on from the refused form was pulled back to its summary. It now answers only its own form's submits,
// and still takes focus after each refusal of that form made in the page (session 46).
import { expect, signIn, test, visit } from "./helpers.ts";

test("the error summary takes focus after its own form is refused, and not after another form's submit", async ({
  page,
}) => {
  await signIn(page, "council.admin@demo.test");
  await visit(page, "/council/settings");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  const colour = page.getByLabel("Brand colour");
  // refused by the form's own check in the page, twice: each time focus goes to the summary
  for (const refused of ["#ffdd00", "#ffee00"]) {
    await colour.fill(refused);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("link", { name: /too light for white text/ })).toBeVisible();
    await expect(summary, `focus after ${refused} was refused`).toBeFocused();
  }
  // the user moves on to another form of the page, one the page handles itself (as a filter or search box
  // might): its submit is none of the summary's business
  await colour.focus();
  await page.evaluate(() => {
    const other = document.createElement("form");
    other.setAttribute("aria-label", "Another form");
    other.innerHTML = '<input name="q" aria-label="Search"><button>Search</button>';
    other.addEventListener("submit", (event) => event.preventDefault());
    document.querySelector("header")!.append(other);
    other.requestSubmit();
  });
  // the summary would have taken focus on the next turn of the event loop, once its effect ran
  await page.waitForTimeout(500);
  await expect(colour).toBeFocused();
  await expect(summary).toBeVisible();
  // and its own form refused once more still brings focus back to it
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(summary).toBeFocused();
  // the page is left as the test found it (the check at the end runs axe on it): the added form removed
  await page.evaluate(() => document.querySelector('form[aria-label="Another form"]')?.remove());
});
