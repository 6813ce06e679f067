// Signing in from a long address (a marketplace search with many filters) takes the person back to it: the page
// the sign-in form was shown for is a hidden field, and must never keep them from signing in.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in.tsx";
import { createUser, TEST_PASSWORD } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

async function signInFrom(back: string) {
  const user = await createUser();
  const page = await callLoader(signInLoader, { path: `/sign-in?redirectTo=${encodeURIComponent(back)}` });
  const { redirectTo } = await jsonOf<{ redirectTo: string }>(page);
  return callAction(signInAction, {
    path: "/sign-in",
    headers: fromIp(),
    form: { email: user.email, password: TEST_PASSWORD, redirectTo },
  });
}

const searchWith = (filters: number) =>
  "/requests?" +
  Array.from({ length: filters }, (_, i) => `category=cm4category${String(i).padStart(16, "0")}`).join("&");

describe("signing in from a long address", () => {
  it("signs in and goes back to a search with many filters", async () => {
    const back = searchWith(30);
    expect(back.length).toBeGreaterThan(1000);
    const answer = await signInFrom(back);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(back);
    expect(answer.headers.get("set-cookie")).toMatch(/^svm_session=/);
  });

  it("signs in, to the dashboard, from an address too long to go back to", async () => {
    const answer = await signInFrom(searchWith(300));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/dashboard");
    expect(answer.headers.get("set-cookie")).toMatch(/^svm_session=/);
  });
});
