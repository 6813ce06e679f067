// A council's audit log shows its staff's account events (sign-ins, failed sign-ins, email changes) from the day
// each joined its staff: someone who worked at a supplier for years before joining the council brings no history
// with them (when and from where they signed in, the addresses they used) for the council to read.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import { action as signInAction } from "~/routes/sign-in.tsx";
import {
  addMember,
  createMember,
  createWorld,
  sessionCookieFor,
  TEST_PASSWORD,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const DAY_MS = 24 * 60 * 60 * 1000;

type Entry = { action: string; ipAddress: string | null; actor: { email: string } | null };

const signIn = (email: string, password: string, ip: string) =>
  callAction(signInAction, {
    path: "/sign-in",
    form: { email, password },
    headers: { "x-svm-client-ip": ip },
  });

describe("a council's staff's account events", () => {
  it("are shown from when each joined the council, not from their years at a supplier", async () => {
    // at the supplier: a failed and a good sign-in, and an email change, all months before joining the council
    const person = await createMember(world.supplier.id, "OWNER");
    expect((await signIn(person.email, "not the right password", "203.0.113.10")).status).toBe(400);
    expect((await signIn(person.email, TEST_PASSWORD, "203.0.113.11")).status).toBe(302);
    await writeAudit({
      actorUserId: person.id,
      actorOrganisationId: null,
      action: "account.email_changed",
      entityType: "User",
      entityId: person.id,
      details: { from: "old.address@supplier.example", to: person.email },
      ipAddress: "203.0.113.12",
    });
    await db.auditLog.updateMany({
      where: { actorUserId: person.id },
      data: { createdAt: new Date(Date.now() - 90 * DAY_MS) },
    });

    // joins council A's staff, then signs in as an officer
    await addMember(world.councilA.id, person.id, "OFFICER");
    expect((await signIn(person.email, TEST_PASSWORD, "198.51.100.20")).status).toBe(302);

    const admin = await sessionCookieFor(world.users.councilAdmin.id);
    const { entries, options } = await jsonOf<{ entries: Entry[]; options: { actions: string[] } }>(
      await callLoader(auditLoader, {
        path: `/council/audit?user=${encodeURIComponent(person.email)}`,
        cookie: admin,
      }),
    );
    expect(entries.map((e) => `${e.action} ${e.ipAddress}`)).toEqual(["auth.sign_in 198.51.100.20"]);
    // nor offered as a filter: no email change was made while on the council's staff
    expect(options.actions).not.toContain("account.email_changed");
  });

  it("still include everything the council's long-standing staff did with their accounts", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    expect((await signIn(officer.email, "not the right password", "198.51.100.30")).status).toBe(400);
    expect((await signIn(officer.email, TEST_PASSWORD, "198.51.100.31")).status).toBe(302);
    const admin = await sessionCookieFor(world.users.councilAdmin.id);
    const { entries } = await jsonOf<{ entries: Entry[] }>(
      await callLoader(auditLoader, {
        path: `/council/audit?user=${encodeURIComponent(officer.email)}`,
        cookie: admin,
      }),
    );
    expect(entries.map((e) => e.action).sort()).toEqual(["auth.sign_in", "auth.sign_in_failed"]);
  });
});
