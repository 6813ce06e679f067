// A form refused in the browser as too large to send (session 47) said so only in its error summary: the field to
// shorten, or the file to choose again, had no message next to it and was not marked invalid. And a link in any
// error summary scrolled to its field but left focus away from it, so a keyboard user still had to find the field.
// The field now says what the summary says, as it does the server's errors, and a summary's link focuses its field
// with its label in view (GOV.UK's error summary).
import crypto from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { MAX_BODY_BYTES } from "~/ui/body-limits.ts";
import { expect, expectAccessible, signIn, test } from "./helpers.ts";
import { summaryOf } from "./too-large.ts";

/** The field says `message` next to it, as for the server's errors: marked invalid and described by it. */
async function expectSaidAtField(field: Locator, message: string) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(`Error: ${message.replace(/\./g, "\\.")}`));
  const id = await field.getAttribute("id");
  await expect(field.page().locator(`#${id}-error`)).toHaveText(`Error: ${message}`);
}

/** Follows the summary's link named `message` and expects focus on `field`, its label or legend in view. */
async function followSummaryLink(page: Page, message: string, field: Locator, question: Locator) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await summaryOf(page).getByRole("link", { name: message }).click();
  await expect(field).toBeFocused();
  // still focused once anything the click set off has run (an answer to the address changing took focus back)
  await page.waitForTimeout(300);
  await expect(field).toBeFocused();
  await expect(question).toBeInViewport();
}

test("a guidance page too large to send says so next to its content, and the summary's link focuses it", async ({
  page,
}) => {
  await signIn(page, "council.admin@demo.test");
  await page.goto("/council/guidance/new");
  await page.getByLabel("Title").fill(`Pasted ${crypto.randomUUID().slice(0, 6)}`);
  await page.getByLabel("Web address name").fill(`pasted-${crypto.randomUUID().slice(0, 8)}`);
  const content = page.getByLabel("Page content");
  await content.evaluate((field: HTMLTextAreaElement, characters) => {
    field.value = "Pasted whole, twice.\n" + "x".repeat(characters);
  }, MAX_BODY_BYTES);
  await page.getByRole("button", { name: "Save page" }).click();

  const message = "Too much text. A form can hold up to 11 MB of text.";
  await expect(summaryOf(page)).toBeFocused();
  await expectSaidAtField(content, message);
  await expectAccessible(page);
  await followSummaryLink(page, message, content, page.getByText("Page content", { exact: true }));
});

test("a file too large to send says so next to the file field, and the summary's link focuses it", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await page.goto("/contracts/import");
  const file = page.getByLabel("CSV file");
  await file.setInputFiles({
    name: "contracts.csv",
    mimeType: "text/csv",
    buffer: Buffer.alloc(MAX_BODY_BYTES + 1, "a"),
  });
  const posted: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posted.push(request.url());
  });
  await page.getByRole("button", { name: "Check the file" }).click();

  const message = "The file is too large. Files must be 10 MB or smaller.";
  await expect(summaryOf(page)).toBeFocused();
  await expectSaidAtField(file, message);
  expect(posted).toEqual([]);
  await expectAccessible(page);
  await followSummaryLink(page, message, file, page.getByText("CSV file", { exact: true }));
});

test("a link in the error summary focuses its field, when the server refused the form and when the page did", async ({
  page,
}) => {
  await signIn(page, "council.admin@demo.test");
  const slug = `taken-${crypto.randomUUID().slice(0, 8)}`;
  const addPage = async (title: string) => {
    await page.goto("/council/guidance/new");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Web address name").fill(slug);
    await page.getByLabel("Page content").fill("A page whose web address name is taken next.");
    await page.getByRole("button", { name: "Save page" }).click();
  };
  await addPage(`First ${slug}`);
  await expect(page.getByRole("status").getByText("Guidance page saved")).toBeVisible();

  // refused by the server: another page has that web address name
  await addPage(`Second ${slug}`);
  await expect(summaryOf(page)).toBeFocused();
  const taken = "Another page already uses this web address name";
  await followSummaryLink(
    page,
    taken,
    page.getByLabel("Web address name"),
    page.getByText("Web address name", { exact: true }),
  );
  await expectAccessible(page);

  // refused in the page (Conform's check): no title
  await page.getByLabel("Title").fill("");
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(summaryOf(page)).toBeFocused();
  const noTitle = (await summaryOf(page).getByRole("link").first().textContent()) ?? "";
  await followSummaryLink(page, noTitle, page.getByLabel("Title"), page.getByText("Title", { exact: true }));
  await expectAccessible(page);
});
