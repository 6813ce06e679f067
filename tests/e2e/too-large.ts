// Helpers for the specs of forms too large to send (refused in the page, app/ui/form-for.tsx).
import type { Locator, Page } from "@playwright/test";
import { MAX_BODY_BYTES } from "~/ui/body-limits.ts";
import { expect, expectAccessible } from "./helpers.ts";

/** The page's error summary. */
export const summaryOf = (page: Page) => page.getByRole("alert").filter({ hasText: "There is a problem" });

/** What the summary and the field say of text too long to send (the server's 413 page's words). */
export const TOO_MUCH_TEXT = "Too much text. A form can hold up to 11 MB of text.";

/** Puts more text in `field` than any form may send, as a paste would (fill types it, far too slowly). */
export async function pasteTooMuch(field: Locator, start: string) {
  await field.evaluate(
    (element: HTMLInputElement | HTMLTextAreaElement, [text, characters]) => {
      element.value = text + "x".repeat(characters);
    },
    [start, MAX_BODY_BYTES] as const,
  );
}

/** Every POST the page makes from now on. */
export function postsOf(page: Page) {
  const posted: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posted.push(request.url());
  });
  return posted;
}

/** Refused in the page: the summary says so (`only` the refusal, or among errors it showed already) and takes focus;
 * the field says it too; nothing was sent and what was pasted is still in the field; the page passes axe. */
export async function expectRefusedInPage(
  page: Page,
  {
    field,
    start,
    posted,
    summarySays,
  }: { field: Locator; start: string; posted: string[]; summarySays: "only" | "among" },
) {
  await expect(summaryOf(page)).toBeFocused();
  if (summarySays === "only") await expect(summaryOf(page).getByRole("link")).toHaveText([TOO_MUCH_TEXT]);
  else await expect(summaryOf(page).getByRole("link", { name: TOO_MUCH_TEXT })).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(
    new RegExp(`Error: ${TOO_MUCH_TEXT.replace(/\./g, "\\.")}`),
  );
  expect(posted).toEqual([]);
  const kept = await field.evaluate((element: HTMLInputElement | HTMLTextAreaElement) => ({
    start: element.value.slice(0, 40),
    length: element.value.length,
  }));
  expect(kept).toEqual({
    start: (start + "x".repeat(40)).slice(0, 40),
    length: start.length + MAX_BODY_BYTES,
  });
  await expectAccessible(page);
}
