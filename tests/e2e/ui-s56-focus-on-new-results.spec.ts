// With JavaScript on, a list's other page or filters came in the browser and the link or button pressed was gone
// or left behind: focus fell to <body>, a screen reader said nothing of the new results and the next Tab went to
// the footer. Only /requests moved focus to its results (marketplace.spec.ts); every paged or filtered list now
// does, to the heading over its results, which says how many there are. A filter refused is the error summary's.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test, visit } from "./helpers.ts";

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

test("paging and filtering the audit log in the browser moves focus to its results, a refused filter to the error summary", async ({
  page,
}) => {
  await signIn(page, "council.admin@demo.test");
  await visit(page, "/council/audit?page=999");
  const results = page.locator("#results-heading");
  await expect(results).toHaveText(/^(Page \d+ of \d+: )?[\d,]+ entr(y|ies)$/);
  // the first load leaves focus where the browser puts it
  expect(await focusedId(page)).not.toBe("results-heading");

  // an old link past the last page: its link to the last page brings that page, and focus to its results
  await page.getByRole("link", { name: /^Go to page \d+, the last page$/ }).click();
  await expect(page).not.toHaveURL(/[?&]page=999\b/);
  await expect(results).toBeFocused();
  expect(await focusedId(page)).toBe("results-heading");
  await expectAccessible(page);

  // a filter applied with the form
  await page.getByLabel("User (name or email)").fill("council.admin@demo.test");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]user=council\.admin%40demo\.test\b/);
  await expect(results).toBeFocused();
  expect(await focusedId(page)).toBe("results-heading");
  await expectAccessible(page);

  // a filter refused: the error summary takes focus and keeps it, as on every form
  await page.getByLabel("From").fill("2026-05-01");
  await page.getByLabel("To (inclusive)").fill("2026-04-01");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]to=2026-04-01\b/);
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(results).not.toBeFocused();
  await expectAccessible(page);
});

test("filtering the council's contracts in the browser moves focus to how many were found", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await visit(page, "/contracts");
  const results = page.locator("#results-heading");
  await expect(results).toHaveText(/(^|: )[\d,]+ contracts? found$/);
  expect(await focusedId(page)).not.toBe("results-heading");

  await page.getByLabel("Status").selectOption({ label: "Active" });
  await page.getByRole("button", { name: "Apply filters" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]status=ACTIVE\b/);
  await expect(results).toBeFocused();
  expect(await focusedId(page)).toBe("results-heading");
  await expectAccessible(page);

  // the next Tab goes on into the list, its scrolling table, not back to the top of the page or the footer
  await page.keyboard.press("Tab");
  await expect(page.getByRole("region", { name: "Contracts" })).toBeFocused();

  // clearing the filters is a link: focus goes to the results again
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(results).toBeFocused();
});

test("another of the supplier's pledge lists, picked by its link, moves focus to its results", async ({
  page,
}) => {
  await signIn(page, "supplier@demo.test");
  await visit(page, "/pledges");
  const results = page.locator("#results-heading");
  await expect(results).toHaveText(/^(Page \d+ of \d+: )?[\d,]+ pledges?$/);
  const states = page.getByRole("navigation", { name: "Pledges by state" }).getByRole("link");
  // the second link: a list of one state, not "All"
  await states.nth(1).click();
  await expect(page).toHaveURL(/[?&]status=/);
  await expect(results).toBeFocused();
  await expectAccessible(page);
});
