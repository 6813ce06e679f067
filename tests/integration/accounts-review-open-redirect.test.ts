// The page to go back to after signing in stays on the portal however its path is written: "/.//evil.example"
// passed every check (it starts with one slash, and the URL it makes is on our origin) but reads, once its dot
// segment is resolved, as "//evil.example", which a browser follows to another site. A link to the sign-in page
// so written sent a signed-in person straight there, and anyone else there after signing in.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { safeRedirect } from "~/auth/request-context.server.ts";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in.tsx";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

const DOT_SEGMENTS = [
  "/.//evil.example/steal",
  "/..//evil.example/steal",
  "/requests/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
];

const onPortal = (location: string | null) =>
  new URL(location ?? "", "https://portal.example").origin === "https://portal.example";

describe("a page to go back to written with dot segments", () => {
  it.each(DOT_SEGMENTS)("%s never leaves the portal", (to) => {
    expect(onPortal(safeRedirect(to))).toBe(true);
  });

  it("does not send a signed-in person to another site from the sign-in page", async () => {
    const cookie = await sessionCookieFor((await createUser()).id);
    for (const to of DOT_SEGMENTS) {
      const answer = await callLoader(signInLoader, {
        path: `/sign-in?redirectTo=${encodeURIComponent(to)}`,
        cookie,
      });
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toBe("/dashboard");
    }
  });

  it("does not send someone to another site after signing in", async () => {
    for (const to of DOT_SEGMENTS) {
      const user = await createUser();
      const answer = await callAction(signInAction, {
        path: "/sign-in",
        headers: fromIp(),
        form: { email: user.email, password: TEST_PASSWORD, redirectTo: to },
      });
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toBe("/dashboard");
    }
  });

  it("still goes back to a page of the portal written with dot segments", () => {
    expect(safeRedirect("/requests/./food/../abc")).toBe("/requests/abc");
  });
});
