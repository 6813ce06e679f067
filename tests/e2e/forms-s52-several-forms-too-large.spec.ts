// Text pasted too long to send, with JavaScript, in one of several forms that share the page's error summary, which
// sits outside all of them (a pledge's delivery report, the platform admin's councils page, an organisation to
// verify), or in a form on a page with no summary (the requests list's "Save this search"). The form's size check
// (app/ui/form-for.tsx) refused a form only where a summary inside it would say so, so these forms were sent and the
// server's 413 page took the page's place, losing what was typed. The page's summary now says so for any of its
// forms: nothing is sent, the summary says so and takes focus, its link leads to the field, the field says it too,
// and what was typed is still there.
import type { Locator, Page } from "@playwright/test";
import { expect, signIn, test } from "./helpers.ts";
import { expectRefusedInPage, pasteTooMuch, postsOf, summaryOf, TOO_MUCH_TEXT } from "./too-large.ts";

const message = TOO_MUCH_TEXT;

/** Refused in the page, among any errors the summary showed already, and the summary's link takes the user to the
 * field. */
async function expectRefusedAndLinked(page: Page, field: Locator, start: string, posted: string[]) {
  await expectRefusedInPage(page, { field, start, posted, summarySays: "among" });
  await page.evaluate(() => window.scrollTo(0, 0));
  await summaryOf(page).getByRole("link", { name: message }).click();
  await expect(field).toBeFocused();
}

test("a delivery note pasted too long to send is refused in the pledge's page and kept", async ({ page }) => {
  await signIn(page, "supplier@demo.test");
  await page.goto("/pledges?status=ACCEPTED");
  await page.getByRole("main").getByRole("table").getByRole("link").first().click();
  const note = page.getByLabel("What was delivered?");
  const start = "Six serviced bicycles with locks and lights.\n";
  await pasteTooMuch(note, start);
  const posted = postsOf(page);
  await page.getByRole("button", { name: "Report delivery" }).click();
  await expectRefusedAndLinked(page, note, start, posted);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/Too much text/);

  // sent again with the note cut down, the report is made: the refusal was only the page's
  await note.fill("Six serviced bicycles with locks and lights.");
  await page.getByRole("button", { name: "Report delivery" }).click();
  await expect(page.getByText("Delivery reported").first()).toBeVisible();
  await expect(summaryOf(page)).toHaveCount(0);
});

test("a partnership's name pasted too long to send, after another form's refusal, is refused in the page and kept", async ({
  page,
}) => {
  await signIn(page, "platform.admin@demo.test");
  await page.goto("/admin/councils");
  // the page's summary already shows what the server said of another of its forms
  await page.getByRole("button", { name: "Add council" }).click();
  await expect(summaryOf(page)).toBeFocused();
  const name = page.getByLabel("Partnership name");
  const start = "Southern Shires Partnership ";
  await pasteTooMuch(name, start);
  const posted = postsOf(page);
  await page.getByRole("button", { name: "Add partnership" }).click();
  await expectRefusedAndLinked(page, name, start, posted);
  // the council form's own field is not blamed for it
  await expect(page.getByLabel("Email of the council's first admin")).not.toHaveAccessibleDescription(
    new RegExp(message.replace(/\./g, "\\.")),
  );
});

test("a search's name pasted too long to save, on the requests list, is refused in the page and kept", async ({
  page,
}) => {
  await signIn(page, "supplier@demo.test");
  await page.goto("/requests?q=garden");
  const name = page.getByLabel("Save this search");
  const start = "Gardens near Guildford ";
  await pasteTooMuch(name, start);
  const posted = postsOf(page);
  await page.getByRole("button", { name: "Save search" }).click();
  await expectRefusedAndLinked(page, name, start, posted);
  await expect(page).toHaveURL(/\/requests\?q=garden$/);
});

test("a reason for rejecting an organisation pasted too long to send is refused in the page and kept", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await page.goto("/council/verification");
  await page.getByRole("main").getByRole("link", { name: "New Horizons Community Choir" }).click();
  const reason = page.getByLabel("Reason for rejecting");
  const start = "We could not find the choir's charity number.\n";
  await pasteTooMuch(reason, start);
  const posted = postsOf(page);
  await page.getByRole("button", { name: "Reject organisation" }).click();
  await expectRefusedAndLinked(page, reason, start, posted);
  // nothing was decided: the organisation can still be verified or rejected
  await expect(page.getByRole("button", { name: "Verify organisation" })).toBeVisible();
});
