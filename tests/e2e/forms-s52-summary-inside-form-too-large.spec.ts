// Text pasted too long to send, with JavaScript, on pages whose error summary sat outside their form: the form's size
// check (app/ui/form-for.tsx) refuses a form only where a summary inside it will say so, so these forms were sent and
// the server's 413 page took their place, losing what was typed. Each summary is now its form's first child (as on
// the return page, returns-s52-evidence-too-large.spec.ts): nothing is sent, the summary says so and takes focus,
// the field says it too, and what was typed is still there.
import type { Locator, Page } from "@playwright/test";
import { expect, signIn, test } from "./helpers.ts";
import { expectRefusedInPage, pasteTooMuch, postsOf, summaryOf } from "./too-large.ts";

/** Refused in the page, the summary saying only that, and the summary is below the page's heading, as it was
 * outside the form. */
async function expectRefusedBelowHeading(page: Page, field: Locator, start: string, posted: string[]) {
  await expectRefusedInPage(page, { field, start, posted, summarySays: "only" });
  const h1 = page.getByRole("heading", { level: 1 });
  const followsHeading = await h1.evaluate(
    (heading, summary) => heading.compareDocumentPosition(summary!) & Node.DOCUMENT_POSITION_FOLLOWING,
    await summaryOf(page).elementHandle(),
  );
  expect(followsHeading).toBeTruthy();
}

test("a comment on a request to approve, pasted too long to send, is refused in the page and kept", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await page.goto("/council/moderation");
  await page.getByRole("main").getByRole("table").getByRole("link").first().click();
  const comment = page.getByLabel("Comment for the requestor");
  const start = "Please say which schools will use the space.\n";
  await pasteTooMuch(comment, start);
  const posted = postsOf(page);
  await page.getByRole("button", { name: "Request changes" }).click();
  await expectRefusedBelowHeading(page, comment, start, posted);
  // the summary is still above the request it is about
  const summaryAbove = await summaryOf(page).evaluate(
    (summary, details) => summary.compareDocumentPosition(details!) & Node.DOCUMENT_POSITION_FOLLOWING,
    await page.getByText("Type of help").first().elementHandle(),
  );
  expect(summaryAbove).toBeTruthy();
});

test("a password pasted too long to send, deleting an account, is refused in the page and kept", async ({
  page,
}) => {
  await signIn(page, "supplier.member@demo.test");
  await page.goto("/account/delete");
  const password = page.getByLabel("Enter your password to confirm");
  const start = "not-the-password";
  await pasteTooMuch(password, start);
  const posted = postsOf(page);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expectRefusedBelowHeading(page, password, start, posted);
  // nothing was deleted: the account is still there
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
});

test("a saved search's name, pasted too long to send after a refusal, is refused in the page and kept", async ({
  page,
}) => {
  await signIn(page, "supplier@demo.test");
  // a search with something to save (the form to name it again comes back only for a search with filters)
  await page.goto("/requests?q=garden");
  // saved without a name: refused by the server, the form to name it comes back on the saved searches page
  await page.getByRole("button", { name: "Save search" }).click();
  await expect(summaryOf(page).getByRole("link")).toHaveText(["Enter a name for the search"]);
  const name = page.getByLabel("Name for the search");
  const start = "Gardens near Guildford ";
  await pasteTooMuch(name, start);
  const posted = postsOf(page);
  await page.getByRole("button", { name: "Save search" }).click();
  await expectRefusedBelowHeading(page, name, start, posted);
});
