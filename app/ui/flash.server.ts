// One-off messages shown after Post/Redirect/Get ("Request submitted for approval").
import { createCookie, redirect } from "@remix-run/node";
import { cookieIsSecure } from "~/auth/session.server.ts";
import { cookieSecret } from "~/env.server.ts";

export type Flash = { kind: "success" | "info" | "error"; message: string };

const FLASH_COOKIE = "svm_flash";

function flashCookie() {
  return createCookie(FLASH_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    // as the session's: SESSION_COOKIE_SECURE forces it either way (a portal behind a proxy that ends TLS)
    secure: cookieIsSecure(),
    secrets: [cookieSecret("svm-flash")],
    maxAge: 60,
  });
}

export async function redirectWithFlash(url: string, flash: Flash, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookie().serialize(flash));
  return redirect(url, { ...init, headers });
}

// Reads and clears the flash; the root loader returns the header with its data.
export async function readFlash(
  request: Request,
): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const cookie = flashCookie();
  const value = (await cookie.parse(request.headers.get("cookie"))) as Flash | null;
  if (!value || typeof value.message !== "string") return { flash: null, setCookie: null };
  return { flash: value, setCookie: await cookie.serialize("", { maxAge: 0 }) };
}

/** Whether a Set-Cookie header is the flash's (the one readFlash sends to clear it, or a new message). */
export function isFlashCookie(setCookie: string) {
  return setCookie.startsWith(`${FLASH_COOKIE}=`);
}
