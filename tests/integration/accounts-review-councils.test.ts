// "Add council" sent twice (a double click, a slow network): one council, one invitation to its first admin.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as adminCouncilsAction } from "~/routes/admin.councils.tsx";
import { createUser, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const platformAdmin = await createUser({ isPlatformAdmin: true });
const cookie = await sessionCookieFor(platformAdmin.id);

const addCouncil = (name: string, adminEmail: string, as = cookie) =>
  callAction(adminCouncilsAction, {
    path: "/admin/councils",
    cookie: as,
    form: { intent: "create-council", name, adminEmail },
  });

describe("a council added twice", () => {
  it("makes one council and invites its admin once, answering both as done", async () => {
    const name = unique("Eastshire Council");
    const adminEmail = `${unique("first.admin")}@example.test`;
    const answers = await Promise.all([addCouncil(name, adminEmail), addCouncil(name, adminEmail)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await db.organisation.count({ where: { kind: "COUNCIL", name } })).toBe(1);
    expect(await db.invitation.count({ where: { email: adminEmail } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: adminEmail } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { action: "council.create", details: { equals: { name } } } }),
    ).toBe(1);
  });

  it("still refuses a council whose name is taken, by another admin or with another first admin", async () => {
    const name = unique("Northshire Council");
    expect((await addCouncil(name, `${unique("one")}@example.test`)).status).toBe(302);
    expect((await addCouncil(name, `${unique("two")}@example.test`)).status).toBe(400);
    const otherAdmin = await createUser({ isPlatformAdmin: true });
    const other = await sessionCookieFor(otherAdmin.id);
    const clash = await addCouncil(name.toUpperCase(), `${unique("three")}@example.test`, other);
    expect(clash.status).toBe(400);
    expect(JSON.stringify(await clash.json())).toContain("A council with this name already exists");
    expect(
      await db.organisation.count({
        where: { kind: "COUNCIL", name: { equals: name, mode: "insensitive" } },
      }),
    ).toBe(1);
  });
});
