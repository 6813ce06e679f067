import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test, waitForEmail, withoutJavaScript } from "./helpers.ts";

const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
// letters only, so full-text search treats it as one word
const token = () =>
  `qx${Math.random()
    .toString(36)
    .replace(/[^a-z]/g, "")
    .slice(0, 8)}`;

async function switchUser(page: Page, email: string) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, email);
}

type Check = () => Promise<void>;

async function flash(page: Page, message: string | RegExp, check: Check) {
  await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible();
  await check();
}

async function wholeFlow(page: Page, word: string, check: Check) {
  const visit = async (_page: Page, path: string) => {
    await page.goto(path);
    await check();
  };
  const title = `Bicycles for the refugee welcome project ${word}`;

  // a VCSE posts a request
  await signIn(page, "charity@demo.test");
  await visit(page, "/requests/new");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await check();
  await page.getByLabel("Title").fill(title);
  await page
    .getByLabel("What do you need, and why?")
    .fill("Refurbished bicycles so newly arrived families can get to school and work.");
  await page.getByLabel("Which council is it for?").selectOption({ label: "Northshire County Council" });
  await page
    .getByLabel("Category", { exact: true })
    .selectOption({ label: "Community spaces (Northshire County Council)" });
  await page.getByRole("radio", { name: /^Goods/ }).check();
  await page.getByLabel("How much do you need?").fill("6");
  await page.getByLabel("What are the items? (goods only)").fill("bicycles");
  await page
    .getByLabel("District", { exact: true })
    .selectOption({ label: "Guildford (Northshire County Council)" });
  await page.getByLabel("Needed by").fill(inDays(45));
  await page.getByLabel("How should a supplier contact you? (optional)").fill("Phone Chris on 01483 000000");
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await flash(page, "Request submitted for approval", check);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // the council officer approves it
  await switchUser(page, "officer@demo.test");
  await visit(page, "/council/moderation");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await check();
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await flash(page, `Approved: ${title}`, check);
  await waitForEmail("charity@demo.test", new RegExp(`Your request is now open: ${title}`));

  // a supplier finds it by search and pledges
  await switchUser(page, "supplier@demo.test");
  await visit(page, "/requests");
  await page.getByRole("textbox", { name: "Search", exact: true }).fill(word);
  await page.getByRole("button", { name: "Show requests" }).click();
  await expect(page.getByRole("heading", { level: 2, name: `1 request matching “${word}”` })).toBeVisible();
  await check();
  await page.getByRole("link", { name: title }).click();
  // the list's entry also says "Still needed: 6 bicycles, none pledged yet": wait for the request's own page
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Still needed: 6 bicycles, none pledged yet")).toBeVisible();
  await expect(page.getByText("01483 000000")).toHaveCount(0);
  await check();
  await page.getByRole("link", { name: "Pledge to this request" }).click();
  await page.getByLabel(/How much are you pledging/).fill("9");
  await page.getByLabel("When do you expect to deliver it?").fill(inDays(10));
  await page.getByRole("button", { name: "Send pledge" }).click();
  await expect(
    page.getByText("Enter 6 bicycles or less: that is what is still needed").first(),
  ).toBeVisible();
  await check();
  await page.getByLabel(/How much are you pledging/).fill("6");
  await page.getByRole("button", { name: "Send pledge" }).click();
  await flash(page, "Pledge sent", check);

  // the VCSE accepts
  await switchUser(page, "charity@demo.test");
  await waitForEmail("charity@demo.test", new RegExp(`New pledge: ${title}`));
  await visit(page, "/my-requests");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await check();
  await page.getByRole("link", { name: /Accept or decline/ }).click();
  await page.getByRole("button", { name: "Accept pledge" }).click();
  await flash(page, "Pledge accepted", check);
  // calling off the pledge now agreed is asked first, on a page of its own: the group looks, and keeps it
  await page.getByRole("link", { name: "Call off pledge" }).click();
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: /^Are you sure you want to call off the pledge of 6 bicycles from /,
    }),
  ).toBeVisible();
  await check();
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("link", { name: "Call off pledge" })).toBeVisible();

  // the supplier reports delivery
  await switchUser(page, "supplier@demo.test");
  await visit(page, "/pledges");
  await page.getByRole("link", { name: title }).click();
  // withdrawing the pledge is asked first, on a page of its own: the supplier looks, and keeps it
  await page.getByRole("link", { name: "Withdraw pledge" }).click();
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: `Are you sure you want to withdraw your pledge of 6 bicycles to ${title}?`,
    }),
  ).toBeVisible();
  await check();
  await page.getByRole("link", { name: "Cancel" }).click();
  await page.getByLabel("What was delivered?").fill("Six serviced bicycles with locks and lights");
  await page.getByRole("button", { name: "Report delivery" }).click();
  await flash(page, "Delivery reported", check);

  // the VCSE confirms
  await switchUser(page, "charity@demo.test");
  await waitForEmail("charity@demo.test", new RegExp(`Please confirm delivery: ${title}`));
  await visit(page, "/my-requests");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: /Confirm delivery/ }).click();
  await page.getByRole("radio", { name: "5" }).check();
  await page.getByLabel("Feedback for the supplier (optional)").fill("Thank you!");
  await page.getByRole("button", { name: "Confirm delivery" }).click();
  await flash(page, "Delivery confirmed", check);
  await page.getByRole("link", { name: "View the request" }).click();
  await expect(page.getByText("fulfilled").first()).toBeVisible();
  await check();
}

test("post → approve → find by search and pledge → accept → report delivery → confirm", async ({ page }) => {
  test.setTimeout(240_000);
  await wholeFlow(page, token(), () => expectAccessible(page));
});

test(
  "the same flow works without JavaScript",
  withoutJavaScript(async (nojs, check) => {
    await wholeFlow(nojs, token(), check);
  }),
);

test("the public list keeps its filters in shareable URLs", async ({ page }) => {
  await page.goto("/requests?helpType=VOLUNTEERING&sort=closing");
  await expectAccessible(page);
  await expect(page.getByLabel("Type of help")).toHaveValue("VOLUNTEERING");
  await expect(page.getByLabel("Sort by")).toHaveValue("closing");
  await expect(page.getByRole("heading", { level: 2, name: /requests?$/ })).toBeVisible();
});

test("paging and filtering the public list in the browser moves focus to the new results", async ({
  page,
}) => {
  await page.goto("/requests");
  await expectAccessible(page);
  const results = page.locator("#results-heading");
  // the first load leaves focus where the browser puts it: the first Tab reaches "Skip to main content"
  await expect(results).not.toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();

  await page.getByRole("link", { name: "Next page" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(results).toBeFocused();
  await expect(page.getByRole("heading", { level: 2, name: /^Page 2 of \d+: / })).toBeVisible();
  await expectAccessible(page);
  // the next Tab goes on to the first request listed, not to the footer
  await page.keyboard.press("Tab");
  await expect(page.locator("#results-heading ~ ul a").first()).toBeFocused();

  await page.getByLabel("Sort by").selectOption("closing");
  await page.getByRole("button", { name: "Show requests" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]sort=closing\b/);
  await expect(results).toBeFocused();
  await expectAccessible(page);
});

test("an officer changes a district's postcode areas and a category's description", async ({ page }) => {
  await signIn(page, "officer@demo.test");
  await page.goto("/council/districts");
  await expectAccessible(page);
  const row = page.getByRole("row").nth(1);
  const name = (await row.getByRole("rowheader").textContent())!.trim();
  await row.getByRole("link", { name: `Change ${name}` }).click();
  await expect(page.getByRole("heading", { level: 2, name: `Change “${name}”` })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(name);
  await expectAccessible(page);
  await page.getByLabel("Postcode areas (optional)").fill("GU1, not a postcode");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "“not a postcode” is not a postcode area: list postcode areas like GU1, GU2",
  );
  await expect(page.getByLabel("Postcode areas (optional)")).toHaveValue("GU1, not a postcode");
  await expectAccessible(page);
  await page.getByLabel("Postcode areas (optional)").fill("GU1 GU2 GU3");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Districts updated" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("GU1, GU2, GU3");

  await page.goto("/council/categories");
  const category = page.getByRole("row").nth(1);
  const categoryName = (await category.getByRole("rowheader").textContent())!.trim();
  await category.getByRole("link", { name: `Change ${categoryName}` }).click();
  // The add form on the list has the same fields: wait for the change form before typing.
  await expect(page.getByRole("heading", { level: 2, name: `Change “${categoryName}”` })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(categoryName);
  await page.getByLabel("Description (optional)").fill("Help into work, training and apprenticeships");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Categories updated" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(categoryName) })).toContainText(
    "Help into work, training and apprenticeships",
  );
  await expectAccessible(page);
});

// A refused save keeps what was typed and the daily-email choice: fixing the name and saving again must not
// sign the supplier up for the email they turned off.
async function saveSearchAfterAnError(page: Page, word: string, check: Check) {
  await signIn(page, "supplier.member@demo.test");
  await page.goto(`/requests?q=${word}`);
  await check();
  await page.getByLabel("Save this search").fill("A");
  await page.getByLabel("Email me new matches every day").uncheck();
  await page.getByRole("button", { name: "Save search" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await check();
  await expect(page.getByLabel("Name for the search")).toHaveValue("A");
  await expect(page.getByLabel("Email me new matches every day")).not.toBeChecked();
  await page.getByLabel("Name for the search").fill(`Search ${word}`);
  await page.getByRole("button", { name: "Save search" }).click();
  await flash(page, `Search “Search ${word}” saved`, check);
  const row = page.getByRole("row").filter({ hasText: `Search ${word}` });
  await expect(row.getByRole("cell", { name: "Off", exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: /Turn on email/ })).toBeVisible();
}

test("a search saved after a refused name keeps the name typed and the daily email turned off", async ({
  page,
}) => {
  await saveSearchAfterAnError(page, token(), () => expectAccessible(page));
});

test(
  "without JavaScript, a search saved after a refused name keeps what was typed",
  withoutJavaScript(async (nojs, check) => {
    await saveSearchAfterAnError(nojs, token(), check);
  }),
);
