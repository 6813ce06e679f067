// Signing up, resetting a forgotten password, changing it and joining from an invitation all took "password1234":
// a new password was checked for its length only. One too easy to guess is now refused next to the field, with the
// form's other answers kept, and nothing is made or changed (decision 051). The account's own name and address are
// among the guesses where the form does not ask for them (the reset link's account, the person signed in).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { verifyPassword } from "~/auth/password.server.ts";
import { db } from "~/db.server.ts";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { action as resetAction } from "~/routes/reset-password.tsx";
import { createUser, createWorld, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { fieldError } from "../helpers/error-summary.ts";
import { fromIp } from "../helpers/client-address.ts";
import { inviteAsOwner } from "../helpers/invitations.ts";
import { callAction } from "../helpers/routes.ts";
import { decodeEntities, formOf, postPage, readableMainText } from "../helpers/render-page.ts";
import { resetLinkTo } from "../helpers/sign-up-journey.ts";
import { action as forgotAction } from "~/routes/forgot-password.tsx";

afterAll(() => closeRateLimits());

const TRY_INSTEAD = "Try three or four random words, like ‘purple kettle river bus’";
const COMMON = `This is a commonly used password with small changes, so it is too easy to guess. ${TRY_INSTEAD}`;
const OWN_WORDS = `This password has your name, your email address or words from this page in it, so it is too easy to guess. ${TRY_INSTEAD}`;

const valueOf = (html: string, name: string) =>
  decodeEntities(new RegExp(`<input[^>]*\\sname="${name}"[^>]*\\svalue="([^"]*)"`).exec(html)?.[1] ?? "");

// a reset link emailed to the account, as the forgot-password form sends it
async function resetLinkFor(email: string) {
  const sent = await callAction(forgotAction, {
    path: "/forgot-password",
    form: { email },
    headers: fromIp(),
  });
  expect(sent.status).toBe(302);
  const link = await resetLinkTo(email);
  return { page: `${link.pathname}${link.search}`, token: link.searchParams.get("token")! };
}

describe("signing up with a password too easy to guess", () => {
  it("is refused next to the field, keeping the name, address and choice, and makes no account", async () => {
    const email = `${unique("weak")}@example.test`;
    const response = await postPage(
      "/sign-up",
      formOf({ name: "Priya Weak", email, password: "password1234", organisationKind: "vcse" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "password")).toBe(`Error: ${COMMON}`);
    expect(readableMainText(html)).toContain(`There is a problem ${COMMON}`);
    expect(valueOf(html, "name")).toBe("Priya Weak");
    expect(valueOf(html, "email")).toBe(email);
    expect(html).toMatch(/<input[^>]*value="vcse"[^>]*checked=""|<input[^>]*checked=""[^>]*value="vcse"/);
    expect(html).not.toContain("password1234");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("made of the address typed on the form is refused", async () => {
    const email = `tamsin.okafor@${unique("d")}.example.test`;
    const response = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Tamsin Okafor", email, password: "tamsinokafor1" },
      headers: fromIp(),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: Record<string, string[]> }).error).toEqual({
      password: [OWN_WORDS],
    });
  });

  it("does not use up the address's sign-ups: a good password after four refusals is taken", async () => {
    const email = `${unique("retry")}@example.test`;
    const headers = fromIp();
    for (const password of ["password1234", "aaaaaaaaaaaa", "qwertyuiop12", "iloveyou1234"]) {
      const refused = await callAction(signUpAction, {
        path: "/sign-up",
        form: { name: "Rhys Retry", email, password },
        headers,
      });
      expect(refused.status).toBe(400);
    }
    const taken = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Rhys Retry", email, password: TEST_PASSWORD },
      headers,
    });
    expect(taken.status).toBe(302);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("from an invitation is refused, keeping the invitation, and joins no one", async () => {
    const world = await createWorld();
    const email = `${unique("invited")}@example.test`;
    const token = await inviteAsOwner(world.vcse.id, await sessionCookieFor(world.users.vcseOwner.id), email);
    const response = await postPage(
      `/sign-up?invitation=${token}`,
      formOf({ name: "Ines Invited", email, password: "password1234", invitation: token }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "password")).toBe(`Error: ${COMMON}`);
    expect(valueOf(html, "invitation")).toBe(token);
    expect(valueOf(html, "name")).toBe("Ines Invited");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("resetting a forgotten password to one too easy to guess", () => {
  it("is refused next to the field, keeping the link, and the password stays as it was", async () => {
    const user = await createUser();
    const { page, token } = await resetLinkFor(user.email);
    const response = await postPage(
      page,
      formOf({ token, password: "password1234", confirmPassword: "password1234" }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "password")).toBe(`Error: ${COMMON}`);
    expect(valueOf(html, "token")).toBe(token);
    expect(html).not.toContain("password1234");
    const now = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(now.passwordHash).toBe(user.passwordHash);
  });

  it("made of the link's account's name is refused, though the form does not ask for it", async () => {
    const user = await createUser({ name: "Kwame Quarshie" });
    const { token } = await resetLinkFor(user.email);
    const response = await callAction(resetAction, {
      path: "/reset-password",
      form: { token, password: "quarshie2024!", confirmPassword: "quarshie2024!" },
      headers: fromIp(),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: Record<string, string[]> }).error).toEqual({
      password: [OWN_WORDS],
    });
  });

  it("does not use up the account's resets: a good password after four refusals is taken", async () => {
    const user = await createUser();
    const { token } = await resetLinkFor(user.email);
    const headers = fromIp();
    const reset = (password: string) =>
      callAction(resetAction, {
        path: "/reset-password",
        form: { token, password, confirmPassword: password },
        headers,
      });
    for (const password of ["password1234", "aaaaaaaaaaaa", "qwertyuiop12", "iloveyou1234"])
      expect((await reset(password)).status).toBe(400);
    expect((await reset("a new passphrase chosen at last")).status).toBe(302);
    const now = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(now.passwordHash!, "a new passphrase chosen at last")).toBe(true);
  });
});

describe("changing a password to one too easy to guess", () => {
  it("is refused next to the field, and the password stays as it was", async () => {
    const user = await createUser();
    const response = await postPage(
      "/account/password",
      formOf({ currentPassword: TEST_PASSWORD, password: "password1234", confirmPassword: "password1234" }),
      await sessionCookieFor(user.id),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "password")).toBe(`Error: ${COMMON}`);
    expect(html).not.toContain("password1234");
    const now = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(now.passwordHash).toBe(user.passwordHash);
  });

  it("made of the signed-in account's address is refused, though the form does not ask for it", async () => {
    const user = await createUser({ email: `tamsin.okafor@${unique("d")}.example.test` });
    const response = await postPage(
      "/account/password",
      formOf({ currentPassword: TEST_PASSWORD, password: "tamsinokafor1", confirmPassword: "tamsinokafor1" }),
      await sessionCookieFor(user.id),
    );
    expect(response.status).toBe(400);
    expect(fieldError(await response.text(), "password")).toBe(`Error: ${OWN_WORDS}`);
  });
});
