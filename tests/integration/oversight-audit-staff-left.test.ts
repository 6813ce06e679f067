// A council's audit log keeps its former staff's account events (sign-ins, failed sign-ins) for the time they were
// on its staff. Before, the log read the council's staff from its current memberships only: an officer who left or
// was removed vanished from it with every sign-in they made as an officer, just when the council may need to see
// them (say, failed sign-ins at an officer's account in the weeks before they left). What they do after leaving is
// not the council's to read.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import { action as signInAction } from "~/routes/sign-in.tsx";
import { createMember, createWorld, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

type Entry = { action: string; ipAddress: string | null };

const signIn = (email: string, password: string, ip: string) =>
  callAction(signInAction, {
    path: "/sign-in",
    form: { email, password },
    headers: { "x-svm-client-ip": ip },
  });

async function councilLogOf(email: string) {
  const admin = await sessionCookieFor(world.users.councilAdmin.id);
  const { entries } = await jsonOf<{ entries: Entry[] }>(
    await callLoader(auditLoader, {
      path: `/council/audit?user=${encodeURIComponent(email)}`,
      cookie: admin,
    }),
  );
  return entries.map((e) => `${e.action} ${e.ipAddress ?? ""}`.trim()).sort();
}

describe("a council's former staff's account events", () => {
  it("an officer who left: their sign-ins as an officer stay in the log, those after leaving do not show", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    expect((await signIn(officer.email, "not the right password", "198.51.100.40")).status).toBe(400);
    expect((await signIn(officer.email, TEST_PASSWORD, "198.51.100.41")).status).toBe(302);

    const left = await callAction(organisationAction, {
      path: `/organisations/${world.councilA.id}`,
      params: { id: world.councilA.id },
      cookie: await sessionCookieFor(officer.id),
      form: { intent: "leave" },
    });
    expect(left.status).toBe(302);
    expect(await db.membership.count({ where: { userId: officer.id } })).toBe(0);
    expect((await signIn(officer.email, TEST_PASSWORD, "203.0.113.42")).status).toBe(302);

    expect(await councilLogOf(officer.email)).toEqual([
      "auth.sign_in 198.51.100.41",
      "auth.sign_in_failed 198.51.100.40",
      "membership.leave",
    ]);
  });

  it("an officer removed by an admin: the same", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    expect((await signIn(officer.email, TEST_PASSWORD, "198.51.100.50")).status).toBe(302);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: officer.id } });

    const removed = await callAction(organisationAction, {
      path: `/organisations/${world.councilA.id}`,
      params: { id: world.councilA.id },
      cookie: await sessionCookieFor(world.users.councilAdmin.id),
      form: { intent: "remove", membershipId: membership.id },
    });
    expect(removed.status).toBe(302);
    expect((await signIn(officer.email, TEST_PASSWORD, "203.0.113.51")).status).toBe(302);

    // (the removal itself is the admin's entry)
    expect(await councilLogOf(officer.email)).toEqual(["auth.sign_in 198.51.100.50"]);
  });

  it("another council does not see them", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    expect((await signIn(officer.email, TEST_PASSWORD, "198.51.100.60")).status).toBe(302);
    await callAction(organisationAction, {
      path: `/organisations/${world.councilA.id}`,
      params: { id: world.councilA.id },
      cookie: await sessionCookieFor(officer.id),
      form: { intent: "leave" },
    });
    const otherAdmin = await createMember(world.councilB.id, "ADMIN");
    const { entries } = await jsonOf<{ entries: Entry[] }>(
      await callLoader(auditLoader, {
        path: `/council/audit?user=${encodeURIComponent(officer.email)}`,
        cookie: await sessionCookieFor(otherAdmin.id),
      }),
    );
    expect(entries).toEqual([]);
  });
});
