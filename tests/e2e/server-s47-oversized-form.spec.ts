// With JavaScript on, a form over the server's size limit was sent and refused with 413 (decision 008, addendum of
// session 47): the refusal became the route's error page in the form's place, and what the user had typed was lost.
// The shared Form now checks the size in the browser against the same limit (app/ui/body-limits.ts) and does not
// send such a form: its error summary says why, in the refusal page's words, and the text stays in the field.
import crypto from "node:crypto";
import { MAX_BODY_BYTES } from "~/ui/body-limits.ts";
import { expect, expectAccessible, signIn, test } from "./helpers.ts";

test("a guidance page with too much text pasted in is not sent, says why and keeps the text", async ({
  page,
}) => {
  await signIn(page, "council.admin@demo.test");
  await page.goto("/council/guidance/new");
  const title = `Pasted twice ${crypto.randomUUID().slice(0, 6)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Web address name").fill(`pasted-${crypto.randomUUID().slice(0, 8)}`);
  const content = page.getByLabel("Page content");
  await content.fill("A page pasted in whole, twice.");
  // a paste of a whole document, under the limit as characters but over it as sent (URL-encoded, a comma is three
  // bytes): the browser counts what it would send, as the server does
  const pasted = await content.evaluate((field: HTMLTextAreaElement, characters) => {
    field.value += "\n" + "Social value, ".repeat(Math.ceil(characters / 14));
    return field.value.length;
  }, MAX_BODY_BYTES * 0.95);
  expect(pasted).toBeLessThan(MAX_BODY_BYTES);

  const posted: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posted.push(request.url());
  });
  const address = page.url();
  await page.getByRole("button", { name: "Save page" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(
    summary.getByRole("link", { name: "Too much text. A form can hold up to 11 MB of text." }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  // nothing was sent, the page is where it was, and every field is as the user left it
  expect(posted).toEqual([]);
  expect(page.url()).toBe(address);
  await expect(page.getByLabel("Title")).toHaveValue(title);
  expect(await content.evaluate((field: HTMLTextAreaElement) => field.value.length)).toBe(pasted);
  await expectAccessible(page);

  // the summary's link leads to the field to shorten; a second try is refused the same way, focus back on the summary
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#bodyMarkdown");
  await content.focus();
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(summary).toBeFocused();
  expect(posted).toEqual([]);

  // shortened, the form is sent and saved
  await content.fill("A page pasted in whole, then cut down.");
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(page.getByRole("status").getByText("Guidance page saved")).toBeVisible();
  expect(posted).toHaveLength(1);
});
