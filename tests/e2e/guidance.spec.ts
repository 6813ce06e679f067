// A council admin deletes a guidance page through its own confirmation page (checked with axe here: the sweep's
// crawl does not reach it), with JavaScript and without, and is shown a colleague's change before anything goes.
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test, withoutJavaScript } from "./helpers.ts";

// a page of its own for each test, so no other spec's guidance goes
async function addPage(page: Page, title: string) {
  await page.goto("/council/guidance/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Web address name").fill(`delete-me-${crypto.randomUUID().slice(0, 8)}`);
  await page.getByLabel("Page content").fill("A page written to be deleted.");
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(page.getByRole("status").getByText("Guidance page saved")).toBeVisible();
  await page.getByRole("link", { name: `${title} (edit)` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit guidance page" })).toBeVisible();
}

test("a council admin deletes a guidance page, shown a colleague's change first", async ({ page }) => {
  const title = `Volunteering days ${crypto.randomUUID().slice(0, 4)}`;
  await signIn(page, "council.admin@demo.test");
  await addPage(page, title);
  const link = page.getByRole("link", { name: "Delete this page" });
  await expect(link).toHaveAccessibleDescription(
    /Changes you have made on this form and not saved will be lost/,
  );
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    `Are you sure you want to delete the guidance page “${title}”?`,
  );
  await expectAccessible(page);

  // a colleague (here the same admin in another window) changes the title meanwhile
  const colleague = await page.context().newPage();
  await colleague.goto(page.url().replace(/\/delete$/, ""));
  await colleague.getByLabel("Title").fill(`${title} (new)`);
  await colleague.getByRole("button", { name: "Save page" }).click();
  await expect(colleague.getByRole("status").getByText("Guidance page saved")).toBeVisible();
  await colleague.close();

  await page.getByRole("button", { name: `Yes, delete “${title}”` }).click();
  await expect(page.getByRole("heading", { name: "Someone else changed this page" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`“${title} (new)”`);
  await expectAccessible(page);
  await page.getByRole("button", { name: `Yes, delete “${title} (new)”` }).click();
  await expect(page.getByRole("status").getByText("Guidance page deleted")).toBeVisible();
  await expect(page.getByRole("link", { name: `${title} (new) (edit)` })).toHaveCount(0);
});

test(
  "without JavaScript a guidance page is kept or deleted from its confirmation page",
  withoutJavaScript(async (nojs, check) => {
    const title = `Meet the buyer ${crypto.randomUUID().slice(0, 4)}`;
    await signIn(nojs, "council.admin@demo.test");
    await addPage(nojs, title);
    await nojs.getByRole("link", { name: "Delete this page" }).click();
    await expect(nojs.getByRole("heading", { level: 1 })).toContainText(title);
    await check();
    await nojs.getByRole("link", { name: "No, keep it" }).click();
    await expect(nojs.getByRole("heading", { level: 1, name: "Edit guidance page" })).toBeVisible();
    await nojs.getByRole("link", { name: "Delete this page" }).click();
    await nojs.getByRole("button", { name: `Yes, delete “${title}”` }).click();
    await expect(nojs.getByRole("status").getByText("Guidance page deleted")).toBeVisible();
    await expect(nojs.getByRole("link", { name: `${title} (edit)` })).toHaveCount(0);
    await check();
  }),
);
