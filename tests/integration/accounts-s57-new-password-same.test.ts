// "Change password" took the current password as the new one and said "Your password has been changed. You have been
// signed out on other devices.": someone changing a password they feared was known believed it had changed. The
// same password is now refused next to the new password, not shown back, and nothing changes: no one is signed out.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createUser, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
import { fieldError } from "../helpers/error-summary.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

// the app is put together by the first page rendered, which takes a while on a busy machine
beforeAll(async () => {
  await renderPage("/");
});

const SAME = "Your new password must be different from your current password";

describe("changing a password to the one it already is", () => {
  it("is refused next to the new password, and the account stays as it was, signed in elsewhere", async () => {
    const user = await createUser();
    await sessionCookieFor(user.id); // another device
    const response = await postPage(
      "/account/password",
      formOf({ currentPassword: TEST_PASSWORD, password: TEST_PASSWORD, confirmPassword: TEST_PASSWORD }),
      await sessionCookieFor(user.id),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "password")).toBe(`Error: ${SAME}`);
    expect(readableMainText(html)).toContain(`There is a problem ${SAME}`);
    expect(html).not.toContain(TEST_PASSWORD);
    const now = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(now.passwordHash).toBe(user.passwordHash);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "auth.password_changed" } })).toBe(
      0,
    );
  });

  it("is told with the form's other problems at once", async () => {
    const user = await createUser();
    const response = await postPage(
      "/account/password",
      formOf({ currentPassword: TEST_PASSWORD, password: TEST_PASSWORD, confirmPassword: "something else" }),
      await sessionCookieFor(user.id),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "password")).toBe(`Error: ${SAME}`);
    expect(fieldError(html, "confirmPassword")).toBe("Error: Passwords do not match");
  });

  it("is not said of a new password too short: that is its one problem", async () => {
    const user = await createUser();
    const response = await postPage(
      "/account/password",
      formOf({ currentPassword: "short", password: "short", confirmPassword: "short" }),
      await sessionCookieFor(user.id),
    );
    expect(response.status).toBe(400);
    expect(fieldError(await response.text(), "password")).toMatch(
      /^Error: Password must be \d+ characters or more$/,
    );
  });

  it("a different new password is still taken", async () => {
    const user = await createUser();
    const other = "ochre lantern drifts south 42";
    const response = await postPage(
      "/account/password",
      formOf({ currentPassword: TEST_PASSWORD, password: other, confirmPassword: other }),
      await sessionCookieFor(user.id),
    );
    expect(response.status).toBe(302);
    const now = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(now.passwordHash).not.toBe(user.passwordHash);
  });
});
