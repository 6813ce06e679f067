// Five failed sign-ins hold an account for 15 minutes, even its right password: anyone who knows the address can
// lock its owner out by guessing wrong. The rule stays (checking the password of a held account would let guesses
// sent from many addresses through); the person gets in at once by resetting the password, which ends the hold,
// and the sign-in page says so (decision 030).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { issueUserToken } from "~/domain/accounts/tokens.server.ts";
import { action as resetAction } from "~/routes/reset-password.tsx";
import { action as signInAction } from "~/routes/sign-in.tsx";
import { newClientIp } from "../helpers/client-address.ts";
import { createUser, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { postPage, readableText } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const NEW_PASSWORD = "a brand new password after the lockout";

const signIn = (email: string, password: string, ip = newClientIp()) =>
  callAction(signInAction, {
    path: "/sign-in",
    form: { email, password },
    headers: { "x-svm-client-ip": ip },
  });

async function lockedOutBySomeoneElse() {
  const user = await createUser();
  const attacker = newClientIp();
  for (let i = 0; i < 5; i++) expect((await signIn(user.email, `guess ${i}`, attacker)).status).toBe(400);
  return user;
}

describe("an account locked by someone else's guesses", () => {
  it("holds even the right password from the owner's own address, and says a reset gets them in now", async () => {
    const user = await lockedOutBySomeoneElse();
    const held = await signIn(user.email, TEST_PASSWORD);
    expect(held.status).toBe(429);
    const message = JSON.stringify(await held.json());
    expect(message).toMatch(/Too many attempts\. Wait \d+ minutes?, then try again\./);
    expect(message).toContain("you can sign in now by resetting your password");

    // as the browser shows it, next to the link it names
    const form = new FormData();
    form.append("email", user.email);
    form.append("password", TEST_PASSWORD);
    const page = await postPage("/sign-in", form);
    expect(page.status).toBe(429);
    const text = readableText(await page.text());
    expect(text).toContain("choose “I have forgotten my password”");
    expect(text).toContain("I have forgotten my password");
  });

  it("lets the owner in as soon as they reset the password by the emailed link", async () => {
    const user = await lockedOutBySomeoneElse();
    const token = await db.$transaction((tx) => issueUserToken(tx, user.id, "PASSWORD_RESET"));
    const reset = await callAction(resetAction, {
      path: "/reset-password",
      form: { token: token!, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      headers: { "x-svm-client-ip": newClientIp() },
    });
    expect(reset.status).toBe(302);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(302);
  });

  it("does not tell a client address held for trying many accounts that a reset would help", async () => {
    const ip = newClientIp();
    for (let i = 0; i < 50; i++) await signIn(`${unique("spray")}@example.test`, "guess guess guess", ip);
    const held = await signIn(`${unique("spray")}@example.test`, "guess guess guess", ip);
    expect(held.status).toBe(429);
    const message = JSON.stringify(await held.json());
    expect(message).toContain("Too many attempts");
    expect(message).not.toContain("resetting your password");
  });
});
