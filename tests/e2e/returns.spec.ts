// A quarterly return end to end, in the browser: the supplier drafts, uploads evidence and submits; the
// officer queries; the supplier amends and resubmits; the officer accepts; both see the progress.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test, visit, withoutJavaScript } from "./helpers.ts";

const SUPPLIER = "supplier@demo.test";
const OFFICER = "officer@demo.test";

async function switchTo(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

async function fillFigures(page: Page, amount: string) {
  const amounts = page.getByLabel(/^Amount delivered this quarter/);
  for (let i = 0; i < (await amounts.count()); i++) await amounts.nth(i).fill(amount);
  const narratives = page.getByLabel("What did you deliver this quarter?");
  for (let i = 0; i < (await narratives.count()); i++)
    await narratives.nth(i).fill("A careers fair with two local schools.");
}

/** The one-off message shown after a change (the page's status banner) saying `text`. */
function flash(page: Page, text: string) {
  return page.getByRole("status").filter({ hasText: text });
}

async function progressText(page: Page) {
  return (
    await page.getByRole("table", { name: "Delivered against commitments to date" }).innerText()
  ).trim();
}

test("a return from draft to accepted, with evidence, a query and progress on both sides", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, SUPPLIER);
  await visit(page, "/returns");
  const toDo = page.getByRole("table", { name: "Returns to complete" });
  await toDo.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /return$/ })).toBeVisible();
  await expectAccessible(page);
  const returnPath = new URL(page.url()).pathname;
  const progressBefore = await progressText(page);

  // a wrong figure is explained, and what was typed is kept
  await fillFigures(page, "-3");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expect(
    page
      .getByRole("alert")
      .getByRole("link", { name: /as 0 or more/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByLabel(/^Amount delivered this quarter/).first()).toHaveValue("-3");
  await expectAccessible(page);

  // save a draft and come back to it
  await fillFigures(page, "12");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved")).toBeVisible();
  // the draft as saved, as the page shows it without JavaScript too (an amount in pounds, with its pence)
  await expect(page.getByLabel(/^Amount delivered this quarter/).first()).toHaveValue("12.00");

  // a renamed file is refused; a real PDF is stored
  await page
    .getByLabel(/^Upload a file for/)
    .first()
    .setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("just some text") });
  await page
    .getByRole("button", { name: /^Upload file/ })
    .first()
    .click();
  await expect(
    page.getByRole("alert").getByText(/is not a real PDF: choose a PDF, PNG, JPEG, CSV or Excel/),
  ).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel(/^Upload a file for/)
    .first()
    .setInputFiles({
      name: "timesheets.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer\n%%EOF\n"),
    });
  await page
    .getByRole("button", { name: /^Upload file/ })
    .first()
    .click();
  await expect(page.getByText("timesheets.pdf uploaded")).toBeVisible();
  // focus goes to the message of what was done, not <body> (the Upload button pressed is drawn anew)
  await expect(flash(page, "timesheets.pdf uploaded")).toBeFocused();
  await expect(page.getByRole("link", { name: "timesheets.pdf" })).toBeVisible();
  await expectAccessible(page);

  // submit with the declaration
  await page.getByLabel("I confirm this return relates only to this contract and this period").check();
  await page.getByRole("button", { name: "Submit return" }).click();
  await expect(page.getByText("Return submitted")).toBeVisible();
  // the form is gone once submitted: focus goes to the message saying so
  await expect(flash(page, "Return submitted")).toBeFocused();
  await expect(page.getByText("Submitted", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  // the officer finds it in the queue and queries it
  await switchTo(page, OFFICER);
  await visit(page, "/returns?queue=review");
  await page.goto(`${returnPath}/review`);
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: "timesheets.pdf" })).toBeVisible();
  await page.getByRole("button", { name: "Query return" }).click();
  await expect(page.getByRole("alert").getByText(/Enter what the supplier needs to change/)).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel(/^Query about/)
    .first()
    .fill("Please split the hours by site.");
  await page.getByRole("button", { name: "Query return" }).click();
  await expect(page.getByText("Return queried")).toBeVisible();
  await expect(flash(page, "Return queried")).toBeFocused();

  // the supplier sees the query, amends and resubmits
  await switchTo(page, SUPPLIER);
  await visit(page, returnPath);
  await expect(page.getByText("The council has queried this return")).toBeVisible();
  await expect(page.getByText("Please split the hours by site.").first()).toBeVisible();
  // the query sits under its commitment's heading, and every field names its commitment
  await expect(page.getByRole("heading", { level: 3, name: /^Query from / })).toBeVisible();
  const labels = (
    await page.locator("form label").evaluateAll((all) => all.map((l) => l.textContent ?? ""))
  ).filter((l) => /^(Note|Link to evidence|Amount delivered|What did you deliver)/.test(l));
  expect(labels.filter((l) => l.startsWith("Note")).length).toBeGreaterThan(1);
  expect(new Set(labels).size).toBe(labels.length);
  await fillFigures(page, "14");
  await page.getByLabel("I confirm this return relates only to this contract and this period").check();
  await page.getByRole("button", { name: "Submit return" }).click();
  await expect(page.getByText("Return submitted")).toBeVisible();

  // the officer accepts; the figures now count
  await switchTo(page, OFFICER);
  await visit(page, `${returnPath}/review`);
  await page.getByRole("button", { name: "Accept return" }).click();
  await expect(page.getByText("Return accepted")).toBeVisible();
  await expect(flash(page, "Return accepted")).toBeFocused();
  await expectAccessible(page);
  const officerProgress = await progressText(page);
  expect(officerProgress).not.toEqual(progressBefore);
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("Resubmitted")).toBeVisible();
  await expect(history.getByText("Accepted")).toBeVisible();

  await switchTo(page, SUPPLIER);
  await visit(page, returnPath);
  await expect(page.getByText("Accepted", { exact: true }).first()).toBeVisible();
  expect(await progressText(page)).toEqual(officerProgress);
});

test("another organisation's return is not found", async ({ page }) => {
  await signIn(page, SUPPLIER);
  await visit(page, "/returns");
  // any of the supplier's returns, whether still to do or already accepted
  const returnPath = await page
    .getByRole("main")
    .getByRole("link", { name: /return$/ })
    .first()
    .getAttribute("href");
  expect(returnPath).toMatch(/^\/returns\/\w+$/);
  await switchTo(page, "officer.eastvale@demo.test");
  const response = await page.goto(returnPath!);
  expect(response?.status()).toBe(404);
  await expectAccessible(page);
});

test(
  "without JavaScript: a supplier saves a draft, uploads evidence and submits",
  withoutJavaScript(async (nojs, check) => {
    await signIn(nojs, "sme@demo.test");
    await nojs.goto("/returns");
    await check();
    await nojs.getByRole("table", { name: "Returns to complete" }).getByRole("link").first().click();
    await expect(nojs.getByRole("heading", { level: 1, name: /return$/ })).toBeVisible();
    await fillFigures(nojs, "3");
    await nojs.getByRole("button", { name: "Save draft" }).click();
    await expect(nojs.getByText("Draft saved")).toBeVisible();
    await expect(nojs.getByLabel(/^Amount delivered this quarter/).first()).toHaveValue("3");

    // a figure changed just before uploading is saved with the file, not lost
    await fillFigures(nojs, "4");
    await nojs
      .getByLabel(/^Upload a file for/)
      .first()
      .setInputFiles({
        name: "hours.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("site,hours\nDepot,3.5\n"),
      });
    await nojs
      .getByRole("button", { name: /^Upload file/ })
      .first()
      .click();
    await expect(nojs.getByText("hours.csv uploaded")).toBeVisible();
    await expect(nojs.getByLabel(/^Amount delivered this quarter/).first()).toHaveValue("4");
    await check();

    await nojs.getByRole("button", { name: "Submit return" }).click();
    await expect(nojs.getByRole("alert").getByText(/Confirm that this return relates only/)).toBeVisible();
    await check();
    await nojs.getByLabel("I confirm this return relates only to this contract and this period").check();
    await nojs.getByRole("button", { name: "Submit return" }).click();
    await expect(nojs.getByText("Return submitted")).toBeVisible();
    await expect(nojs.getByRole("link", { name: "hours.csv" })).toBeVisible();
    await check();
  }),
);
