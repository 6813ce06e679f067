// The organisation a user with several memberships is acting for (read by actingMembership()).
import { serialize } from "cookie";
import { ORGANISATION_COOKIE } from "./permissions.server.ts";
import { cookieIsSecure } from "./session.server.ts";

export function organisationCookie(organisationId: string) {
  return serialize(ORGANISATION_COOKIE, organisationId, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    // as the session's: SESSION_COOKIE_SECURE forces it (a portal behind a proxy that ends TLS) either way
    secure: cookieIsSecure(),
    maxAge: 60 * 60 * 24 * 365,
  });
}
