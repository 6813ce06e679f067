// The cookie naming the organisation someone works for is marked Secure whenever the session's is: forced on with
// SESSION_COOKIE_SECURE (the portal behind a proxy that ends TLS), the session went Secure and it did not.
import { afterEach, describe, expect, it } from "vitest";
import { organisationCookie } from "~/auth/organisation-cookie.server.ts";
import { sessionCookie } from "~/auth/session.server.ts";
import { resetEnvCache } from "~/env.server.ts";

const before = process.env.SESSION_COOKIE_SECURE;

afterEach(() => {
  if (before === undefined) delete process.env.SESSION_COOKIE_SECURE;
  else process.env.SESSION_COOKIE_SECURE = before;
  resetEnvCache();
});

function secureWith(setting: "true" | "false") {
  process.env.SESSION_COOKIE_SECURE = setting;
  resetEnvCache();
  return {
    session: /;\s*Secure/i.test(sessionCookie("id.secret", new Date(Date.now() + 60_000))),
    organisation: /;\s*Secure/i.test(organisationCookie("org-1")),
  };
}

describe("the organisation cookie's Secure flag", () => {
  it("is on when the session cookie's is forced on", () => {
    expect(secureWith("true")).toEqual({ session: true, organisation: true });
  });

  it("is off when the session cookie's is forced off", () => {
    expect(secureWith("false")).toEqual({ session: false, organisation: false });
  });
});
