// The one-off message a redirect leaves for the next page (Post/Redirect/Get), read as that page's root loader
// reads it: from the flash cookie the response sets, sent back on the next request.
import { expect } from "vitest";
import { readFlash, type Flash } from "~/ui/flash.server.ts";

/** The flash cookie a response sets, as a `cookie` header sends it back ("" when it sets none). */
export function flashCookieOf(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("svm_flash=")) ?? "";
  return setCookie.split(";")[0]!;
}

/** The flash a response leaves for the next page, or null when it leaves none. */
export async function flashOf(response: Response): Promise<Flash | null> {
  const next = new Request("http://localhost:3000/", { headers: { cookie: flashCookieOf(response) } });
  return (await readFlash(next)).flash;
}

/** The words of the flash a response leaves, or undefined when it leaves none. */
export async function flashMessageOf(response: Response): Promise<string | undefined> {
  return (await flashOf(response))?.message;
}

/** The flash a response leaves, once it is checked to be a redirect (a page rendered instead shows none). */
export async function flashOfRedirect(response: Response): Promise<Flash | null> {
  expect(response.status).toBe(302);
  return flashOf(response);
}
