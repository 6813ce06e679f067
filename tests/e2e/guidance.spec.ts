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

  // the same admin changes the title in another window meanwhile (session 48: said to be them, not someone else)
  const colleague = await page.context().newPage();
  await colleague.goto(page.url().replace(/\/delete$/, ""));
  await colleague.getByLabel("Title").fill(`${title} (new)`);
  await colleague.getByRole("button", { name: "Save page" }).click();
  await expect(colleague.getByRole("status").getByText("Guidance page saved")).toBeVisible();
  await colleague.close();

  await page.getByRole("button", { name: `Yes, delete “${title}”` }).click();
  await expect(
    page.getByRole("heading", {
      name: "You changed this page in another tab or window after opening it here",
    }),
  ).toBeVisible();
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

// A link the portal refuses (javascript:, a bare "www." address, tel:) is its words as text, and what follows it
// stays as written: the server once closed the next tag wrongly after each, so in the browser a table after one
// sat inside a link, bold ran on, and an empty link (axe: link-name) appeared on the public page.
test("a visitor sees a guidance page with links the portal refuses as written, with no empty link", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const title = `Contact us ${crypto.randomUUID().slice(0, 4)}`;
  await signIn(page, "council.admin@demo.test");
  await page.goto("/council/guidance/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Web address name").fill(`refused-links-${crypto.randomUUID().slice(0, 8)}`);
  await page
    .getByLabel("Page content")
    .fill(
      "[click](javascript:alert(1)) and [ok](https://example.org) <img src=x onerror=alert(1)>\n\n" +
        "| Day | Hours |\n|---|---|\n| Monday | 9 to 5 |\n\n" +
        "Visit [our site](www.northshire.gov.uk) for **opening hours** and [email us](mailto:help@northshire.test).\n\n" +
        "[Call us](tel:01234567890)\n\n- Post\n- Email\n",
    );
  // a new page starts as a draft: published here, so a visitor can read it
  await page.getByLabel("Published (anyone can read it)").check();
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(page.getByRole("status").getByText("Guidance page saved")).toBeVisible();
  await page.getByRole("link", { name: `${title} (edit)` }).click();
  const address = await page.getByRole("link", { name: "its public address" }).getAttribute("href");

  const context = await browser.newContext({ baseURL });
  try {
    const visitor = await context.newPage();
    await visitor.goto(address!);
    await expect(visitor.getByRole("heading", { level: 1 })).toContainText(title);
    const body = visitor.locator("main");
    await expect(body.getByText("click and", { exact: false })).toBeVisible();
    for (const words of ["click", "our site", "Call us"])
      await expect(body.getByRole("link", { name: words, exact: true })).toHaveCount(0);
    await expect(body.getByRole("link", { name: "ok", exact: true })).toHaveAttribute(
      "href",
      "https://example.org",
    );
    await expect(body.getByText("<img src=x onerror=alert(1)>")).toBeVisible();
    // the table, the bold words and the list are each as written, none inside a link
    await expect(body.getByRole("table").getByRole("cell")).toHaveText(["Monday", "9 to 5"]);
    await expect(body.locator("a table, a strong, a ul")).toHaveCount(0);
    await expect(body.locator("strong")).toHaveText(["opening hours"]);
    await expect(body.getByRole("list").filter({ hasText: "Post" }).getByRole("listitem")).toHaveText([
      "Post",
      "Email",
    ]);
    // every link in the page's body has an address and words
    const links = await body
      .locator("a")
      .evaluateAll((as) => as.map((a) => `${a.getAttribute("href") ?? ""} ${a.textContent?.trim() ?? ""}`));
    for (const link of links) expect(link).toMatch(/^\S+ \S/);
    await expectAccessible(visitor);
  } finally {
    await context.close();
  }
});
