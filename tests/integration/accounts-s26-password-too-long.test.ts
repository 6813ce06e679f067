// A password longer than any account can have (over 512 characters: pasted by mistake, or a form sent by hand) was
// refused with "Enter your password" on the sign-in page, and "Enter your current password" (or "Enter your password
// to confirm") when changing the email address or password or deleting the account: the length check had no message
// of its own, so it took the one for a blank field, and the person was told to type what they had typed. It is now
// told as any wrong password is.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createUser, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

const TOO_LONG = "correct horse battery staple ".repeat(20);

beforeAll(async () => {
  await renderPage("/");
});

it("signing in with one says the email or password is incorrect", async () => {
  const user = await createUser();
  const response = await postPage("/sign-in", formOf({ email: user.email, password: TOO_LONG }));
  expect(response.status).toBe(400);
  expect(response.headers.get("set-cookie") ?? "").not.toContain("session");
  const text = readableMainText(await response.text());
  expect(text).toContain("There is a problem Incorrect email or password");
  expect(text).not.toContain("Enter your password");
});

describe("confirming a change with one as the current password", () => {
  it.each([
    ["/account/password", { password: "a new password for me", confirmPassword: "a new password for me" }],
    ["/account/email", { email: `${unique("new")}@example.test` }],
    ["/account/delete", {}],
  ])("on %s says the current password is incorrect, and changes nothing", async (path, fields) => {
    const user = await createUser();
    const response = await postPage(
      path,
      formOf({ currentPassword: TOO_LONG, ...fields }),
      await sessionCookieFor(user.id),
    );
    expect(response.status).toBe(400);
    const text = readableMainText(await response.text());
    expect(text).toContain("There is a problem Your current password is incorrect");
    expect(text).not.toMatch(/(problem|Error:) Enter your/);
    const now = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(now.deletedAt).toBeNull();
    expect(now.email).toBe(user.email);
    expect(now.passwordHash).toBe(user.passwordHash);
  });
});

it("the right password is still taken", async () => {
  const user = await createUser();
  const response = await postPage("/sign-in", formOf({ email: user.email, password: TEST_PASSWORD }));
  expect(response.status).toBe(302);
});
