// What the account code needs to know about the request: the client address and browser, and safe redirects.
import { clientIp } from "~/domain/audit/audit.server.ts";

export function requestContext(request: Request) {
  return { ip: clientIp(request), userAgent: request.headers.get("user-agent") };
}

// Only our own paths: "//evil.example" and "https://…" would send the user to another site.
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\"))
    return fallback;
  return to;
}

// Where a user lands after signing in: the role-based dashboard.
export const SIGNED_IN_LANDING = "/dashboard";

// The ?page= of a paginated list: 1 unless a whole number of at least 1 is given.
export function pageParam(request: Request) {
  return Math.max(1, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1);
}
