// What the account code needs to know about the request: the client address and browser, and safe redirects.
import { readPageNumber } from "~/domain/page-number.ts";

// The client address as the Express server saw it (X-Forwarded-For only when TRUST_PROXY is on, app/server/http.ts).
export function clientIp(request: Request): string | null {
  return request.headers.get("x-svm-client-ip");
}

export function requestContext(request: Request) {
  return { ip: clientIp(request), userAgent: request.headers.get("user-agent") };
}

const OWN_ORIGIN = "http://portal.invalid";

function hasControlOrBackslash(text: string) {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || char === "\\") return true;
  }
  return false;
}

// Only our own paths: "//evil.example", "https://…", "/\\evil.example" and "/<tab>/evil.example" (browsers
// drop tabs and newlines from URLs) would send the user to another site. The path is read as a browser reads
// it and must stay on our origin; control characters and backslashes are refused outright.
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard") {
  if (typeof to !== "string" || !to.startsWith("/") || hasControlOrBackslash(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN || to.startsWith("//")) return fallback;
  // dot segments resolved can leave two slashes ("/.//evil.example" reads "//evil.example"): another site again
  if (url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A page of this site someone was on their way to (a `redirectTo`), to lead them on to or keep in a link, or null:
 * never another site. */
export function pageOfThisSite(to: FormDataEntryValue | string | null | undefined): string | null {
  return safeRedirect(to, "") || null;
}

// Where a user lands after signing in: the role-based dashboard.
export const SIGNED_IN_LANDING = "/dashboard";

// The ?page= of a paginated list, read by the one rule every list uses (app/domain/page-number.ts).
export { MAX_PAGE } from "~/domain/page-number.ts";
export function pageParam(request: Request) {
  return readPageNumber(new URL(request.url).searchParams.get("page"));
}
