// The organisation a user with several memberships is acting for (read by actingMembership()).
import { serialize } from "cookie";
import { getEnv } from "~/env.server.ts";
import { ORGANISATION_COOKIE } from "./permissions.server.ts";

export function organisationCookie(organisationId: string) {
  const env = getEnv();
  return serialize(ORGANISATION_COOKIE, organisationId, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env.NODE_ENV === "production" && (env.APP_URL ?? "").startsWith("https://"),
    maxAge: 60 * 60 * 24 * 365,
  });
}
