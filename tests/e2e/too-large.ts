// Helpers for the specs of forms too large to send (refused in the page, app/ui/form-for.tsx).
import type { Locator, Page } from "@playwright/test";
import { MAX_BODY_BYTES } from "~/ui/body-limits.ts";

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
