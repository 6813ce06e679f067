// A failed sign-in is done by whoever typed the password, not (as far as anyone knows) by the account's owner.
// It was recorded with the account as its actor, so it showed in the person's "download my data" among what they
// did, and in the council's audit log as their action. Now it has no actor and names the account as its record:
// "download my data" lists the attempts apart, and the council's log shows them as by someone not signed in,
// still among its staff's account events and still found by the officer's address.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { loader as dataLoader } from "~/routes/account.data.tsx";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import { action as signInAction } from "~/routes/sign-in.tsx";
import {
  createMember,
  createUser,
  createWorld,
  sessionCookieFor,
  TEST_PASSWORD,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

const signIn = (email: string, password: string, ip: string) =>
  callAction(signInAction, {
    path: "/sign-in",
    form: { email, password },
    headers: { "x-svm-client-ip": ip },
  });

type MyData = {
  auditEntries: { action: string }[];
  failedSignInsOnYourAccount: { createdAt: string; ipAddress: string | null }[];
};

describe("a failed sign-in", () => {
  it("has no actor, and names the account it was tried on", async () => {
    const user = await createUser();
    expect((await signIn(user.email, "not the right password", "198.51.100.60")).status).toBe(400);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "auth.sign_in_failed", entityId: user.id },
    });
    expect(entry).toMatchObject({ actorUserId: null, entityType: "User", ipAddress: "198.51.100.60" });
  });

  it("is not among what the person did in their data, but listed apart as an attempt on their account", async () => {
    const user = await createUser();
    expect((await signIn(user.email, "not the right password", "198.51.100.61")).status).toBe(400);
    expect((await signIn(user.email, TEST_PASSWORD, "198.51.100.62")).status).toBe(302);
    const data = await jsonOf<MyData>(
      await callLoader(dataLoader, { path: "/account/data", cookie: await sessionCookieFor(user.id) }),
    );
    expect(data.auditEntries.map((e) => e.action)).toEqual(["auth.sign_in"]);
    expect(data.failedSignInsOnYourAccount).toEqual([
      { createdAt: expect.any(String), ipAddress: "198.51.100.61" },
    ]);
  });

  it("at someone else's account is not in my data", async () => {
    const user = await createUser();
    const other = await createUser();
    expect((await signIn(other.email, "not the right password", "198.51.100.63")).status).toBe(400);
    const data = await jsonOf<MyData>(
      await callLoader(dataLoader, { path: "/account/data", cookie: await sessionCookieFor(user.id) }),
    );
    expect(data.failedSignInsOnYourAccount).toEqual([]);
  });

  it("at an officer's account shows in the council's log as by someone not signed in, found by their address", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    const outsider = await createUser();
    expect((await signIn(officer.email, "not the right password", "198.51.100.64")).status).toBe(400);
    expect((await signIn(outsider.email, "not the right password", "198.51.100.65")).status).toBe(400);
    const admin = await sessionCookieFor(world.users.councilAdmin.id);

    const { entries } = await jsonOf<{
      entries: { action: string; entityId: string | null; actor: unknown; ipAddress: string | null }[];
    }>(
      await callLoader(auditLoader, {
        path: `/council/audit?user=${encodeURIComponent(officer.email)}`,
        cookie: admin,
      }),
    );
    expect(entries.map((e) => [e.action, e.entityId, e.actor, e.ipAddress])).toEqual([
      ["auth.sign_in_failed", officer.id, null, "198.51.100.64"],
    ]);
    // a failed sign-in at the account of someone not on the council's staff is not the council's to see
    const all = await callLoader(auditLoader, {
      path: "/council/audit?action=auth.sign_in_failed",
      cookie: admin,
    });
    expect(await all.text()).not.toContain("198.51.100.65");

    const text = readableText(
      await (await renderPage(`/council/audit?user=${encodeURIComponent(officer.email)}`, admin)).text(),
    );
    expect(text).toContain("Someone not signed in");
    expect(text).not.toContain("System");
  });
});
