// Session 47: a CSV refused to the person asking sends their browser to the page the file belongs to, which shows the
// portal's "Page not found" page. The portal's own links to the files carried the `download` attribute, and for
// such a link Chromium sends no Accept header, so a refused file clicked (here: the account changed in another tab
// after the page was shown) still ended as a silently failed download with the page left as it was. The links are
// now plain: a file the person may have still downloads (Content-Disposition: attachment) and the page stays, and
// a refused one shows the page in place.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test, visit } from "./helpers.ts";

const NOT_FOUND = "Page not found – Social Value Marketplace";

async function openSurveyReport(page: Page, year: string) {
  await visit(page, "/council/survey");
  await page.getByRole("link", { name: year, exact: true }).click();
  await page.getByRole("link", { name: "See the report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${year}: report`, exact: false })).toBeVisible();
}

// clicks the page's own link and gets the file, with the page left where it was
async function downloadsFromLink(page: Page, link: string, filename: RegExp, contains: string) {
  const shown = page.url();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link, exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(filename);
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  expect(text).toContain(contains);
  expect(page.url()).toBe(shown);
}

async function showsPageNotFound(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Page not found", exact: true })).toBeVisible();
  await expect(page).toHaveTitle(NOT_FOUND);
  expect(new URL(page.url()).pathname).not.toMatch(/\.csv$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectAccessible(page);
}

test("a council officer clicks the CSV links of the reports they may have and gets the files", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await visit(page, "/council/reports");
  await downloadsFromLink(
    page,
    "Download as CSV",
    /^social-value-\d{4}-q[1-4]-.+\.csv$/,
    "Contract reference",
  );
  await openSurveyReport(page, "2025");
  await downloadsFromLink(
    page,
    "Download this report (CSV)",
    /^supplier-survey-2025-aggregate\.csv$/,
    "Question,Answer,Count 2025",
  );
  await downloadsFromLink(
    page,
    "Download businesses that agreed to be contacted (CSV)",
    /^supplier-survey-2025-contacts\.csv$/,
    "Business,Contact name,Contact email,Barriers",
  );
});

test("a CSV link refused to whoever follows it shows the portal's Page not found page", async ({ page }) => {
  await signIn(page, "officer@demo.test");
  await visit(page, "/council/reports");
  const survey = await page.context().newPage();
  try {
    await openSurveyReport(survey, "2025");
    const contactsAddress = await survey
      .getByRole("link", { name: "Download businesses that agreed to be contacted (CSV)", exact: true })
      .getAttribute("href");

    // another tab signs out and in as an officer of another council, who may have none of Northshire's files
    const other = await page.context().newPage();
    await other.goto("/");
    await other.getByRole("button", { name: "Sign out" }).click();
    await signIn(other, "officer.eastvale@demo.test");
    await other.close();

    // the links of the pages already shown, clicked
    await page.getByRole("link", { name: "Download as CSV", exact: true }).click();
    await showsPageNotFound(page);
    await survey.getByRole("link", { name: "Download this report (CSV)", exact: true }).click();
    await showsPageNotFound(survey);

    // the address opened in the browser
    const response = await page.goto(contactsAddress!);
    expect(response?.status()).toBe(404);
    await showsPageNotFound(page);
  } finally {
    await survey.close();
  }
});
