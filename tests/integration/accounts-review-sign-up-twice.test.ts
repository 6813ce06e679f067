// "Create account" sent twice (a double click, a slow network) emails one confirmation link and nothing else: the
// second send found the account the first had just made and emailed "Someone tried to create an account with this
// email address, but you already have one", so a person signing up for the first time was told someone else was
// using their address. Someone else signing up with the address (another password) still makes the owner hear of it.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

const signUp = (email: string, password: string) =>
  callAction(signUpAction, {
    path: "/sign-up",
    headers: fromIp(),
    form: { name: "Dee Double", email, password },
  });

const subjectsTo = async (to: string) =>
  (await db.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: "asc" } })).map((e) => e.subject);

describe("a sign-up sent twice", () => {
  it("makes one account and emails one confirmation link, and no 'you already have an account'", async () => {
    const email = `${unique("double")}@example.test`;
    const answers = await Promise.all([signUp(email, TEST_PASSWORD), signUp(email, TEST_PASSWORD)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(answers[0].headers.get("location")).toBe(answers[1].headers.get("location"));
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await subjectsTo(email)).toEqual(["Confirm your email address"]);
  });

  it("still tells the owner when someone signs up with their address and another password", async () => {
    const email = `${unique("taken")}@example.test`;
    expect((await signUp(email, TEST_PASSWORD)).status).toBe(302);
    expect((await signUp(email, "somebody else's password here")).status).toBe(302);
    expect(await subjectsTo(email)).toEqual(["Confirm your email address", "You already have an account"]);
  });
});
