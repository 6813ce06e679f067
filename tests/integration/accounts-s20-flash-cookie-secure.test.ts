// The one-off message cookie ("Request submitted for approval") is marked Secure whenever the session's is: forced
// on with SESSION_COOKIE_SECURE (the portal behind a proxy that ends TLS), the session went Secure and it did not.
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "~/env.server.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";

const before = process.env.SESSION_COOKIE_SECURE;

afterEach(() => {
  if (before === undefined) delete process.env.SESSION_COOKIE_SECURE;
  else process.env.SESSION_COOKIE_SECURE = before;
  resetEnvCache();
});

async function flashIsSecure(setting: "true" | "false") {
  process.env.SESSION_COOKIE_SECURE = setting;
  resetEnvCache();
  const response = await redirectWithFlash("/", { kind: "success", message: "Saved" });
  return /;\s*Secure/i.test(response.headers.get("set-cookie") ?? "");
}

describe("the flash cookie's Secure flag", () => {
  it("is on when the session cookie's is forced on", async () => {
    expect(await flashIsSecure("true")).toBe(true);
  });

  it("is off when the session cookie's is forced off", async () => {
    expect(await flashIsSecure("false")).toBe(false);
  });
});
