// A return's evidence file too large to send, with JavaScript: the page refuses it before sending (the server would
// answer with its 413 page, which would take the form's place and lose the figures typed), its error summary says so
// and takes focus, the file field says it too (marked invalid, described by the message), the summary's link focuses
// the field, and every figure and note typed is still there. The contracts import's file field does the same
// (forms-s48-field-says-too-large.spec.ts); the evidence field now draws through the same FileInput.
import type { Locator } from "@playwright/test";
import { MAX_EVIDENCE_POST_BYTES } from "~/ui/body-limits.ts";
import { expect, expectAccessible, signIn, test } from "./helpers.ts";
import { summaryOf } from "./too-large.ts";

/** The field says `message` next to it, as for the server's errors: marked invalid and described by it. */
async function expectSaidAtField(field: Locator, message: string) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(`Error: ${message.replace(/\./g, "\\.")}`));
  // a return's field ids are Conform's names, lines[0].evidence, which a #id selector cannot name
  const id = await field.getAttribute("id");
  await expect(field.page().locator(`[id="${id}-error"]`)).toHaveText(`Error: ${message}`);
}

test("an evidence file too large to send says so next to its field, and what was typed is kept", async ({
  page,
}) => {
  await signIn(page, "supplier@demo.test");
  await page.goto("/returns");
  await page.getByRole("table", { name: "Returns to complete" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /return$/ })).toBeVisible();

  // what the supplier typed before choosing the file, never saved
  const amount = page.getByLabel(/^Amount delivered this quarter/).first();
  const note = page.getByLabel(/^Note/).first();
  await amount.fill("7");
  await note.fill("Two sites, counted separately.");
  const file = page.getByLabel(/^Upload a file for/).first();
  await file.setInputFiles({
    name: "site-photos.pdf",
    mimeType: "application/pdf",
    // past the most a return's page reads, the 10 MB file included: the server would refuse it unread
    buffer: Buffer.alloc(MAX_EVIDENCE_POST_BYTES + 1, "a"),
  });
  const posted: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posted.push(request.url());
  });
  await page
    .getByRole("button", { name: /^Upload file/ })
    .first()
    .click();

  const message = "The file is too large. Files must be 10 MB or smaller.";
  await expect(summaryOf(page)).toBeFocused();
  await expect(summaryOf(page).getByRole("link")).toHaveText([message]);
  await expectSaidAtField(file, message);
  expect(posted).toEqual([]);
  await expect(amount).toHaveValue("7");
  await expect(note).toHaveValue("Two sites, counted separately.");
  await expectAccessible(page);

  // the summary's link focuses the file field, its label in view
  await page.evaluate(() => window.scrollTo(0, 0));
  await summaryOf(page).getByRole("link", { name: message }).click();
  await expect(file).toBeFocused();
  const id = await file.getAttribute("id");
  await expect(page.locator(`label[for="${id}"]`)).toBeInViewport();
});
