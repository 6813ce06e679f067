import crypto from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { SESSION_COOKIE, validateSessionToken } from "~/auth/session.server.ts";
import { db } from "~/db.server.ts";
import { hashToken } from "~/domain/accounts/tokens.server.ts";
import { action as accountAction } from "~/routes/account._index.tsx";
import { action as confirmEmailAction } from "~/routes/account.confirm-email.tsx";
import { loader as dataLoader } from "~/routes/account.data.tsx";
import { action as deleteAction } from "~/routes/account.delete.tsx";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { action as changeNameAction } from "~/routes/account.name.tsx";
import {
  action as changePasswordAction,
  loader as changePasswordLoader,
} from "~/routes/account.password.tsx";
import { action as forgotAction } from "~/routes/forgot-password.tsx";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.tsx";
import { action as signInAction } from "~/routes/sign-in.tsx";
import { action as signOutAction } from "~/routes/sign-out.tsx";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { action as verifyAction, loader as verifyLoader } from "~/routes/verify-email.tsx";
import {
  addMember,
  createCategory,
  createCouncil,
  createOrganisation,
  createRequest,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterEach(() => vi.useRealTimers());
afterAll(() => closeRateLimits());

const NEW_PASSWORD = "a much longer new passphrase";

async function latestEmail(to: string, subject: RegExp) {
  const emails = await db.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: "desc" } });
  const found = emails.find((e) => subject.test(e.subject));
  if (!found) throw new Error(`no email to ${to} matching ${subject}`);
  return found;
}

function tokenIn(text: string, path: string) {
  const match = text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

function sessionFrom(response: Response) {
  const header = response.headers.get("set-cookie") ?? "";
  const match = header.match(new RegExp(`${SESSION_COOKIE}=([^;]*)`));
  return match ? match[1] : null;
}

async function signIn(email: string, password: string, headers = fromIp()) {
  return callAction(signInAction, { path: "/sign-in", form: { email, password }, headers });
}

describe("sign up and email verification", () => {
  it("creates an unverified account, emails a link through the outbox, and the link confirms it once", async () => {
    const email = `${unique("new")}@example.test`;
    const response = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Nia New", email: email.toUpperCase(), password: TEST_PASSWORD },
      headers: fromIp(),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/sign-up/check-email");
    expect(sessionFrom(response)).toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);

    const message = await latestEmail(email, /Confirm your email address/);
    expect(message.html).toContain("<html");
    const token = tokenIn(message.text, "/verify-email");
    expect(await db.userToken.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored
    expect(await db.userToken.count({ where: { tokenHash: hashToken(token) } })).toBe(1);

    const confirmed = await callAction(verifyAction, {
      path: "/verify-email",
      form: { intent: "confirm", token },
      headers: fromIp(),
    });
    expect(confirmed.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.email_verified", actorUserId: user.id } })).toBe(
      1,
    );

    // pressed again (a double click, the form sent again): answered as the first press was, nothing done twice
    const again = await callAction(verifyAction, {
      path: "/verify-email",
      form: { intent: "confirm", token },
      headers: fromIp(),
    });
    expect(again.status).toBe(302);
    expect(await db.auditLog.count({ where: { action: "auth.email_verified", actorUserId: user.id } })).toBe(
      1,
    );
  });

  it("takes someone who signed up to register an organisation straight to its form once confirmed", async () => {
    const email = `${unique("charity")}@example.test`;
    const response = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Cal Charity", email, password: TEST_PASSWORD, organisationKind: "vcse" },
      headers: fromIp(),
    });
    expect(response.headers.get("location")).toBe("/sign-up/check-email?then=vcse");
    const text = (await latestEmail(email, /Confirm your email address/)).text;
    expect(text).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]+&then=vcse/);
    const page = await callLoader(verifyLoader, {
      path: `/verify-email?token=${tokenIn(text, "/verify-email")}&then=vcse`,
    });
    expect(await page.json()).toMatchObject({ then: "vcse" });
    const confirmed = await callAction(verifyAction, {
      path: "/verify-email",
      form: { intent: "confirm", token: tokenIn(text, "/verify-email"), then: "vcse" },
      headers: fromIp(),
    });
    expect(confirmed.headers.get("location")).toBe("/sign-in?redirectTo=%2Forganisations%2Fnew%2Fvcse");

    // Joining an existing organisation (or saying nothing) leads to the ordinary choice page.
    const joiner = `${unique("joiner")}@example.test`;
    const joined = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Jo Joiner", email: joiner, password: TEST_PASSWORD, organisationKind: "join" },
      headers: fromIp(),
    });
    expect(joined.headers.get("location")).toBe("/sign-up/check-email");
    expect((await latestEmail(joiner, /Confirm your email address/)).text).not.toContain("then=");
    const odd = await callAction(signUpAction, {
      path: "/sign-up",
      form: {
        name: "Od Odd",
        email: `${unique("odd")}@example.test`,
        password: TEST_PASSWORD,
        organisationKind: "council",
      },
      headers: fromIp(),
    });
    expect(odd.status).toBe(400);
    expect(JSON.stringify(await odd.json())).toContain("Select what you are signing up for");
  });

  it("refuses an expired verification link", async () => {
    const email = `${unique("late")}@example.test`;
    await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Lee Late", email, password: TEST_PASSWORD },
      headers: fromIp(),
    });
    const token = tokenIn((await latestEmail(email, /Confirm/)).text, "/verify-email");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 49 * 60 * 60 * 1000 });
    const response = await callAction(verifyAction, {
      path: "/verify-email",
      form: { intent: "confirm", token },
      headers: fromIp(),
    });
    expect(response.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
  });

  it("answers an existing address exactly like a new one, and tells the owner by email", async () => {
    const existing = await createUser({ name: "Ada Existing" });
    const fresh = `${unique("fresh")}@example.test`;
    const [forExisting, forFresh] = await Promise.all([
      callAction(signUpAction, {
        path: "/sign-up",
        form: { name: "Impostor", email: existing.email, password: TEST_PASSWORD },
        headers: fromIp(),
      }),
      callAction(signUpAction, {
        path: "/sign-up",
        form: { name: "Fresh", email: fresh, password: TEST_PASSWORD },
        headers: fromIp(),
      }),
    ]);
    expect(forExisting.status).toBe(forFresh.status);
    expect(forExisting.headers.get("location")).toBe(
      forFresh.headers
        .get("location")!
        .replace(encodeURIComponent(fresh), encodeURIComponent(existing.email)),
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).name).toBe("Ada Existing");
    await latestEmail(existing.email, /You already have an account/);
  });

  it("makes one account when the form is sent several times at once", async () => {
    const email = `${unique("double")}@example.test`;
    const send = () =>
      callAction(signUpAction, {
        path: "/sign-up",
        form: { name: "Double Click", email, password: TEST_PASSWORD },
        headers: fromIp(),
      });
    // three: the most one address may be sent in an hour
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([302, 302, 302]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("rejects short, over-long and easily guessed passwords, without composition rules", async () => {
    const tooShort = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Sam", email: `${unique("s")}@example.test`, password: "elevenchars" },
      headers: fromIp(),
    });
    expect(tooShort.status).toBe(400);
    const body = await tooShort.json();
    expect(JSON.stringify(body)).toContain("Password must be 12 characters or more");
    expect(JSON.stringify(body)).not.toContain("elevenchars"); // the password is never echoed back

    const tooLong = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Sam", email: `${unique("s")}@example.test`, password: "x".repeat(129) },
      headers: fromIp(),
    });
    expect(tooLong.status).toBe(400);

    // twelve characters are long enough, but one character twelve times is among the first guesses (decision 051)
    const repeated = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Sam", email: `${unique("s")}@example.test`, password: "aaaaaaaaaaaa" },
      headers: fromIp(),
    });
    expect(repeated.status).toBe(400);
    expect(((await repeated.json()) as { error: Record<string, string[]> }).error.password).toEqual([
      "This password repeats a character, like ‘aaa’, so it is too easy to guess. Try three or four random words, like ‘purple kettle river bus’",
    ]);

    // no capitals, digits or symbols asked for: plain words are taken
    const plain = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Sam", email: `${unique("s")}@example.test`, password: "plain lowercase words" },
      headers: fromIp(),
    });
    expect(plain.status).toBe(302);
  });

  it("shows field errors and keeps the input for a bad email", async () => {
    const response = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Kept Name", email: "not-an-email", password: TEST_PASSWORD },
      headers: fromIp(),
    });
    expect(response.status).toBe(400);
    const reply = (await response.json()) as {
      error: Record<string, string[]>;
      initialValue: Record<string, string>;
    };
    expect(reply.error.email[0]).toMatch(/correct format/);
    expect(reply.initialValue.name).toBe("Kept Name");
  });
});

describe("sign in and sign out", () => {
  it("signs in with a hashed session and writes the audit log", async () => {
    const user = await createUser();
    const response = await signIn(user.email, TEST_PASSWORD);
    expect(response.status).toBe(302);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = sessionFrom(response)!;
    const [id, secret] = token.split(".");
    const stored = await db.session.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(stored.secretHash).toString("hex")).toBe(
      crypto.createHash("sha256").update(secret).digest("hex"),
    );
    expect(await db.auditLog.count({ where: { action: "auth.sign_in", actorUserId: user.id } })).toBe(1);
  });

  it("keeps the cookie for the session's whole bounded life, so the sliding expiry is the server's to end", async () => {
    const user = await createUser();
    const response = await signIn(user.email, TEST_PASSWORD);
    const expires = Date.parse(/Expires=([^;]+)/i.exec(response.headers.get("set-cookie")!)![1]);
    const stored = await db.session.findUniqueOrThrow({
      where: { id: sessionFrom(response)!.split(".")[0] },
    });
    const DAY = 24 * 60 * 60 * 1000;
    // the database gives 10 idle days (extended on use); the browser keeps the cookie for the 30-day cap
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(10 * DAY);
    expect(Math.abs(expires - (stored.createdAt.getTime() + 30 * DAY))).toBeLessThan(2000);
  });

  it("gives the same message for a wrong password and an unknown address, and audits the failure", async () => {
    const user = await createUser();
    const wrong = await signIn(user.email, "wrong password entirely");
    const unknown = await signIn(`${unique("nobody")}@example.test`, "wrong password entirely");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const a = (await wrong.json()) as { error: Record<string, string[]> };
    const b = (await unknown.json()) as { error: Record<string, string[]> };
    expect(a.error).toEqual(b.error);
    expect(a.error[""]).toEqual(["Incorrect email or password"]);
    // by whoever typed it, not the account's owner: no actor, the account as the record
    expect(
      await db.auditLog.count({
        where: { action: "auth.sign_in_failed", actorUserId: null, entityId: user.id },
      }),
    ).toBe(1);
  });

  it("ends the session on sign out", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const response = await callAction(signOutAction, { path: "/sign-out", cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("set-cookie")).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
    expect(await validateSessionToken(cookie.split("=")[1])).toBeNull();
  });

  it("signs out of every device", async () => {
    const user = await createUser();
    const here = await sessionCookieFor(user.id);
    const phone = await sessionCookieFor(user.id);
    const response = await callAction(accountAction, {
      path: "/account",
      cookie: here,
      form: { intent: "sign-out-everywhere" },
    });
    expect(response.status).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await validateSessionToken(phone.split("=")[1])).toBeNull();
    expect(
      await db.auditLog.count({ where: { action: "auth.sign_out_everywhere", actorUserId: user.id } }),
    ).toBe(1);
  });

  it("only redirects to the portal's own pages after sign-in", async () => {
    const user = await createUser();
    const response = await callAction(signInAction, {
      path: "/sign-in",
      form: { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/steal" },
      headers: fromIp(),
    });
    expect(response.headers.get("location")).toBe("/dashboard");
  });
});

describe("rate limits", () => {
  it("locks an account after five failed sign-ins, says how long to wait, and lets it in again later", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++) expect((await signIn(user.email, "not the password!")).status).toBe(400);
    const limited = await signIn(user.email, TEST_PASSWORD); // even the right password waits
    expect(limited.status).toBe(429);
    const reply = (await limited.json()) as { error: Record<string, string[]> };
    expect(reply.error[""][0]).toMatch(/Too many attempts\. Wait (1[45]|\d) minutes?, then try again\./);

    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 16 * 60 * 1000 });
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(302);
  });

  it("lets no more than five guesses through when many are sent at once", async () => {
    const user = await createUser();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(user.email, `wrong guess number ${i}`, fromIp())),
    );
    // every attempt is counted before its password is checked: the rest wait without being checked
    expect(answers.filter((a) => a.status === 400)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(15);
  });

  it("a successful sign-in resets the account's count", async () => {
    const user = await createUser();
    for (let i = 0; i < 4; i++) await signIn(user.email, "not the password!");
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(302);
    for (let i = 0; i < 4; i++) expect((await signIn(user.email, "not the password!")).status).toBe(400);
  });

  it("holds guesses at the current password (email, password, deletion) to the sign-in limits, audited", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const guess = (currentPassword: string, index: number) =>
      [
        () =>
          callAction(changePasswordAction, {
            path: "/account/password",
            cookie,
            form: { currentPassword, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
          }),
        () =>
          callAction(changeEmailAction, {
            path: "/account/email",
            cookie,
            form: { email: `${unique("new")}@example.test`, currentPassword },
          }),
        () => callAction(deleteAction, { path: "/account/delete", cookie, form: { currentPassword } }),
      ][index % 3]();
    for (let i = 0; i < 5; i++) {
      const answer = await guess(`wrong guess number ${i}`, i);
      expect(JSON.stringify(await answer.json())).toContain("Your current password is incorrect");
    }
    const held = await guess(TEST_PASSWORD, 0); // even the right password waits
    expect(held.status).toBe(400);
    expect(JSON.stringify(await held.json())).toMatch(/Too many attempts\. Wait/);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(429); // the same counter as signing in
    expect(
      await db.auditLog.count({ where: { action: "auth.current_password_failed", actorUserId: user.id } }),
    ).toBe(5);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toBeNull();
  });

  it("stops a flood of guessed verification links from one address, and lets the next address in", async () => {
    const headers = fromIp();
    const guess = (h: Record<string, string>) =>
      callAction(verifyAction, {
        path: "/verify-email",
        form: { intent: "confirm", token: crypto.randomBytes(32).toString("base64url") },
        headers: h,
      });
    for (let i = 0; i < 30; i++) expect((await guess(headers)).status).toBe(400);
    const flooded = await guess(headers);
    expect(flooded.status).toBe(429);
    expect(JSON.stringify(await flooded.json())).toMatch(/Too many attempts/);
    expect((await guess(fromIp())).status).toBe(400);
  });

  it("does not count successful sign-ins from a shared office address", async () => {
    const headers = fromIp();
    const users = await Promise.all(Array.from({ length: 8 }, () => createUser()));
    for (let round = 0; round < 7; round++)
      for (const user of users) expect((await signIn(user.email, TEST_PASSWORD, headers)).status).toBe(302);
  });

  it("limits one address trying many accounts", async () => {
    const headers = fromIp();
    let last: Response | undefined;
    for (let i = 0; i < 51; i++)
      last = await signIn(`${unique("spray")}@example.test`, "guess guess guess", headers);
    expect(last!.status).toBe(429);
  });

  it("limits sign-up and password reset requests", async () => {
    const email = `${unique("spam")}@example.test`;
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await callAction(forgotAction, { path: "/forgot-password", form: { email }, headers: fromIp() }))
          .status,
      );
    expect(statuses).toEqual([302, 302, 302, 429]);
    const signUps = [];
    for (let i = 0; i < 4; i++)
      signUps.push(
        (
          await callAction(signUpAction, {
            path: "/sign-up",
            form: { name: "Spam", email, password: TEST_PASSWORD },
            headers: fromIp(),
          })
        ).status,
      );
    expect(signUps).toEqual([302, 302, 302, 429]);
  });
});

describe("password reset", () => {
  it("resets by a single-use emailed link and ends every session", async () => {
    const user = await createUser();
    const oldSession = await sessionCookieFor(user.id);
    const unknown = `${unique("nobody")}@example.test`;
    const forUnknown = await callAction(forgotAction, {
      path: "/forgot-password",
      form: { email: unknown },
      headers: fromIp(),
    });
    const forUser = await callAction(forgotAction, {
      path: "/forgot-password",
      form: { email: user.email },
      headers: fromIp(),
    });
    expect(forUnknown.headers.get("location")).toBe(forUser.headers.get("location")); // no enumeration
    expect(await db.emailOutbox.count({ where: { to: unknown } })).toBe(0);

    const token = tokenIn((await latestEmail(user.email, /Reset your password/)).text, "/reset-password");
    const page = await callLoader(resetLoader, { path: `/reset-password?token=${token}` });
    expect(((await page.json()) as { token: string | null }).token).toBe(token);

    const mismatch = await callAction(resetAction, {
      path: "/reset-password",
      form: { token, password: NEW_PASSWORD, confirmPassword: "something else entirely" },
      headers: fromIp(),
    });
    expect(mismatch.status).toBe(400);

    const reset = await callAction(resetAction, {
      path: "/reset-password",
      form: { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      headers: fromIp(),
    });
    expect(reset.status).toBe(302);
    expect(await validateSessionToken(oldSession.split("=")[1])).toBeNull();
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(302);
    expect((await signIn(user.email, TEST_PASSWORD)).status).toBe(400);

    const reused = await callAction(resetAction, {
      path: "/reset-password",
      form: { token, password: "yet another passphrase", confirmPassword: "yet another passphrase" },
      headers: fromIp(),
    });
    expect(reused.status).toBe(400);
    expect(JSON.stringify(await reused.json())).toContain("already been used");
  });

  it("refuses a link older than an hour", async () => {
    const user = await createUser();
    await callAction(forgotAction, {
      path: "/forgot-password",
      form: { email: user.email },
      headers: fromIp(),
    });
    const token = tokenIn((await latestEmail(user.email, /Reset your password/)).text, "/reset-password");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61 * 60 * 1000 });
    const page = await callLoader(resetLoader, { path: `/reset-password?token=${token}` });
    expect(((await page.json()) as { token: string | null }).token).toBeNull();
    const response = await callAction(resetAction, {
      path: "/reset-password",
      form: { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      headers: fromIp(),
    });
    expect(response.status).toBe(400);
  });
});

describe("changing account details", () => {
  it("changes the password, ends other sessions and rotates this one", async () => {
    const user = await createUser();
    const here = await sessionCookieFor(user.id);
    const elsewhere = await sessionCookieFor(user.id);
    const wrong = await callAction(changePasswordAction, {
      path: "/account/password",
      cookie: here,
      form: { currentPassword: "not my password", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain("Your current password is incorrect");

    // last refreshed over an hour ago: its next use would extend it by ten days
    await db.session.update({
      where: { id: here.split("=")[1].split(".")[0] },
      data: { lastUsedAt: new Date(Date.now() - 2 * 60 * 60 * 1000) },
    });
    const response = await callAction(changePasswordAction, {
      path: "/account/password",
      cookie: here,
      form: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    expect(response.status).toBe(302);
    const rotated = sessionFrom(response)!;
    expect(rotated).not.toBe(here.split("=")[1]);
    expect(await validateSessionToken(elsewhere.split("=")[1])).toBeNull();
    expect((await validateSessionToken(rotated))?.user.id).toBe(user.id);
    // the session that made the change lapses within the minute (a form sent twice arrives with it), and using
    // it meanwhile does not extend it
    expect((await validateSessionToken(here.split("=")[1]))?.user.id).toBe(user.id);
    const changing = await db.session.findUniqueOrThrow({ where: { id: here.split("=")[1].split(".")[0] } });
    expect(changing.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(
      await db.auditLog.count({ where: { action: "auth.password_changed", actorUserId: user.id } }),
    ).toBe(1);
    await latestEmail(user.email, /Your password was changed/);
    await db.session.update({ where: { id: changing.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const page = await callLoader(changePasswordLoader, { path: "/account/password", cookie: here });
    expect(page.headers.get("location")).toMatch(/^\/sign-in/);
  });

  it("answers Change password sent twice as the first, changing, auditing and emailing once", async () => {
    const user = await createUser();
    const here = await sessionCookieFor(user.id);
    const change = (form: Record<string, string>) =>
      callAction(changePasswordAction, { path: "/account/password", cookie: here, form });
    const twice = { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    // at once, and once more after the first has finished, all with the session the first replaced
    const answers = [...(await Promise.all([change(twice), change(twice)])), await change(twice)];
    for (const answer of answers) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toBe("/account");
      expect((await validateSessionToken(sessionFrom(answer)!))?.user.id).toBe(user.id);
    }
    expect(
      await db.auditLog.count({ where: { action: "auth.password_changed", actorUserId: user.id } }),
    ).toBe(1);
    expect(
      await db.auditLog.count({ where: { action: "auth.current_password_failed", actorUserId: user.id } }),
    ).toBe(0);
    expect(
      await db.emailOutbox.count({ where: { to: user.email, template: "account.password_changed" } }),
    ).toBe(1);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(302);
    // a different new password with the old one is no repeat: the old password is wrong now
    const other = await change({
      ...twice,
      password: "yet another passphrase",
      confirmPassword: "yet another passphrase",
    });
    expect(other.status).toBe(400);
    expect(JSON.stringify(await other.json())).toContain("Your current password is incorrect");
  });

  it("changes the name", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const blank = await callAction(changeNameAction, { path: "/account/name", cookie, form: { name: "  " } });
    expect(blank.status).toBe(400);
    await callAction(changeNameAction, { path: "/account/name", cookie, form: { name: "Renamed Person" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Renamed Person");
  });

  it("changes the email only once the new address is confirmed", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const next = `${unique("moved")}@example.test`;
    const response = await callAction(changeEmailAction, {
      path: "/account/email",
      cookie,
      form: { email: next, currentPassword: TEST_PASSWORD },
    });
    expect(response.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const token = tokenIn((await latestEmail(next, /Confirm your new email/)).text, "/account/confirm-email");
    const confirmed = await callAction(confirmEmailAction, {
      path: "/account/confirm-email",
      form: { token },
      headers: fromIp(),
    });
    expect(confirmed.status).toBe(302);
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(updated.email).toBe(next);
    expect(updated.emailVerifiedAt).not.toBeNull();
    await latestEmail(user.email, /Your email address was changed/);
    // pressed again: answered as the first press was, nothing done twice
    const reused = await callAction(confirmEmailAction, {
      path: "/account/confirm-email",
      form: { token },
      headers: fromIp(),
    });
    expect(reused.status).toBe(302);
    expect(
      await db.auditLog.count({ where: { action: "account.email_changed", actorUserId: user.id } }),
    ).toBe(1);
  });

  it("does not reveal or take another account's address", async () => {
    const user = await createUser();
    const other = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const response = await callAction(changeEmailAction, {
      path: "/account/email",
      cookie,
      form: { email: other.email, currentPassword: TEST_PASSWORD },
    });
    expect(response.status).toBe(302);
    // answered, and shown as waiting on the account page, as any other address is: its link is sent nowhere
    // (accounts-s55-waiting-email-change.test.ts), and the address is told only that it has an account
    const waiting = await db.userToken.findMany({
      where: { userId: user.id, purpose: "EMAIL_CHANGE" },
      select: { newEmail: true },
    });
    expect(waiting).toEqual([{ newEmail: other.email }]);
    const toOther = await db.emailOutbox.findMany({ where: { to: other.email }, select: { template: true } });
    expect(toOther).toEqual([{ template: "account.address_in_use" }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });
});

describe("my data", () => {
  it("downloads the signed-in person's data as JSON, without secrets", async () => {
    const user = await createUser({ name: "Dana Data" });
    const cookie = await sessionCookieFor(user.id);
    const response = await callLoader(dataLoader, { path: "/account/data", cookie });
    expect(response.headers.get("content-disposition")).toMatch(/attachment/);
    const data = (await response.json()) as Record<string, unknown>;
    expect(data.email).toBe(user.email);
    expect(data.name).toBe("Dana Data");
    expect(JSON.stringify(data)).not.toContain("argon2");
    expect(JSON.stringify(data)).not.toContain("secretHash");
  });

  it("deletes the account but keeps what the person wrote, shown as a deleted user", async () => {
    const council = await createCouncil();
    const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const category = await createCategory(council.id);
    const owner = await createUser();
    const leaver = await createUser();
    await addMember(vcse.id, owner.id, "OWNER");
    await addMember(vcse.id, leaver.id, "MEMBER");
    const request = await createRequest({
      councilId: council.id,
      organisationId: vcse.id,
      categoryId: category.id,
      createdById: leaver.id,
    });
    const cookie = await sessionCookieFor(leaver.id);
    const wrong = await callAction(deleteAction, {
      path: "/account/delete",
      cookie,
      form: { currentPassword: "nope nope nope" },
    });
    expect(wrong.status).toBe(400);
    const response = await callAction(deleteAction, {
      path: "/account/delete",
      cookie,
      form: { currentPassword: TEST_PASSWORD },
    });
    expect(response.status).toBe(302);
    const gone = await db.user.findUniqueOrThrow({ where: { id: leaver.id } });
    expect(gone.name).toBe("Deleted user");
    expect(gone.email).not.toBe(leaver.email);
    expect(gone.passwordHash).toBeNull();
    expect(await db.membership.count({ where: { userId: leaver.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: leaver.id } })).toBe(0);
    const kept = await db.request.findUniqueOrThrow({
      where: { id: request.id },
      select: { createdBy: { select: { name: true } } },
    });
    expect(kept.createdBy?.name).toBe("Deleted user");
    expect((await signIn(leaver.email, TEST_PASSWORD)).status).toBe(400);
  });
  // owners, admins and the only member of an organisation: accounts-deletion.test.ts
});
