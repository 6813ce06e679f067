// "Check your email" after signing up names the address the email went to. It used to be carried in the web
// address (/sign-up/check-email?email=…), kept by browser history and server logs; it now comes in a short-lived
// cookie read only by that page, and the page still names it when reloaded.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { loader as checkEmailLoader } from "~/routes/sign-up.check-email.tsx";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { fromIp } from "../helpers/client-address.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

// the cookie the browser would send back, from a response's Set-Cookie
const cookieFrom = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0];

describe("the address a sign-up's email went to", () => {
  it("is not in the web address, yet the page names it, reloaded too", async () => {
    const email = `${unique("private")}@example.test`;
    const signedUp = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Pia Private", email, password: TEST_PASSWORD, organisationKind: "vcse" },
      headers: fromIp(),
    });
    expect(signedUp.status).toBe(302);
    const location = signedUp.headers.get("location") ?? "";
    expect(location).toBe("/sign-up/check-email?then=vcse");
    expect(decodeURIComponent(location)).not.toContain(email);
    const cookie = cookieFrom(signedUp);
    expect(cookie).toMatch(/^svm_sent_to=/);
    expect(signedUp.headers.get("set-cookie")).toContain("Path=/sign-up/check-email");

    for (let visit = 0; visit < 2; visit++) {
      const page = await callLoader(checkEmailLoader, { path: location, cookie });
      expect(await page.json()).toEqual({
        email,
        registering: expect.stringContaining("charity"),
        // on the way to nothing else: nothing to register first
        registeringFirst: null,
        // a new link asked for signed in leads on to the charity's form too
        newLink: `/verify-email?redirectTo=${encodeURIComponent("/organisations/new/vcse")}`,
      });
    }
  });

  it("names no address from the web address, nor without the cookie", async () => {
    const page = await callLoader(checkEmailLoader, {
      path: `/sign-up/check-email?email=${encodeURIComponent("someone@example.test")}`,
    });
    expect(await page.json()).toMatchObject({ email: null });
    const forged = await callLoader(checkEmailLoader, {
      path: "/sign-up/check-email",
      cookie: `svm_sent_to=${Buffer.from(JSON.stringify({ email: "x@example.test" })).toString("base64")}`,
    });
    expect(await forged.json()).toMatchObject({ email: null });
  });
});
