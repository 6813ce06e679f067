// The lookups every signed-in page makes (raw SQL since decision 010): the session with its user, the
// memberships, and the council brand in the header. Each rule the session guide sets is checked here.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { validateSessionToken } from "~/auth/session.server.ts";
import { db, Prisma, readRows } from "~/db.server.ts";
import { loader as rootLoader } from "~/root.tsx";
import { createUser, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

const DAY = 24 * 60 * 60 * 1000;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

async function session() {
  const user = await createUser({ name: "Sam Session" });
  const token = (await sessionCookieFor(user.id)).split("=")[1];
  return { user, token, id: token.split(".")[0] };
}

describe("a session token", () => {
  it("gives the user (never a deleted one), and only with the right secret", async () => {
    const { user, token, id } = await session();
    expect(await validateSessionToken(token)).toEqual({
      sessionId: id,
      user: {
        id: user.id,
        email: user.email,
        name: "Sam Session",
        isPlatformAdmin: false,
        emailVerifiedAt: expect.any(Date),
      },
    });
    expect(await validateSessionToken(`${id}.wrong-secret`)).toBeNull();
    expect(await validateSessionToken(`${id}`)).toBeNull();

    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await db.session.count({ where: { id } })).toBe(0);
  });

  it("ends after ten days unused and after thirty days in all", async () => {
    const idle = await session();
    await db.session.update({ where: { id: idle.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await validateSessionToken(idle.token)).toBeNull();

    const old = await session();
    await db.session.update({
      where: { id: old.id },
      data: { createdAt: new Date(Date.now() - 31 * DAY), lastUsedAt: new Date() },
    });
    expect(await validateSessionToken(old.token)).toBeNull();
    expect(await db.session.count({ where: { id: { in: [idle.id, old.id] } } })).toBe(0);
  });

  it("slides on use (at most hourly), never past thirty days from sign-in", async () => {
    const { token, id } = await session();
    const createdAt = new Date(Date.now() - 25 * DAY);
    await db.session.update({
      where: { id },
      data: {
        createdAt,
        lastUsedAt: new Date(Date.now() - 2 * 60 * 60 * 1000),
        expiresAt: new Date(Date.now() + DAY),
      },
    });
    expect(await validateSessionToken(token)).not.toBeNull();
    const after = await db.session.findUniqueOrThrow({ where: { id } });
    expect(Date.now() - after.lastUsedAt.getTime()).toBeLessThan(60_000);
    expect(after.expiresAt.getTime()).toBe(createdAt.getTime() + 30 * DAY);
  });
});

describe("the page shell for a signed-in user", () => {
  const shell = async (cookie?: string) =>
    jsonOf<{
      user: { name: string; kinds: string[]; isCouncilAdmin: boolean } | null;
      branding: { councilName: string; brandColour: string } | null;
    }>(await callLoader(rootLoader, { path: "/", cookie }));

  it("shows the council's name and brand colour to its officers and to the organisations that work with it", async () => {
    await db.councilSettings.update({
      where: { organisationId: world.councilA.id },
      data: { brandColour: "#005a30" },
    });
    const brandA = { councilName: world.councilA.name, brandColour: "#005a30" };
    for (const role of ["officerA", "councilAdmin", "supplierOwner", "vcseMember"] as const)
      expect({
        role,
        branding: (await shell(await sessionCookieFor(world.users[role].id))).branding,
      }).toEqual({
        role,
        branding: brandA,
      });
    const officerB = await shell(await sessionCookieFor(world.users.officerB.id));
    expect(officerB.branding?.councilName).toBe(world.councilB.name);
    expect(officerB.user).toMatchObject({ kinds: ["COUNCIL"], isCouncilAdmin: false });
    expect((await shell(await sessionCookieFor(world.users.councilAdmin.id))).user?.isCouncilAdmin).toBe(
      true,
    );
    expect(await shell()).toMatchObject({ user: null, branding: null });
  });
});

describe("readRows, the pool-level read the hot paths use", () => {
  it("returns what $queryRaw returns, whatever the server's time zone", async () => {
    const before = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      const when = new Date("2026-07-01T00:30:00.000Z");
      const query = Prisma.sql`
        SELECT ${when}::timestamp(3) AS "at", ${when}::date AS "day", count(*) AS "count",
               1.25::numeric AS "amount", ${["a", "b"]}::text[] AS "list", ${"x\u0000y"}::text AS "text",
               u."createdAt", u.email
        FROM "User" u WHERE u.email = ${world.users.officerA.email} GROUP BY u.id`;
      const [viaPool] = await readRows<Record<string, unknown>[]>(query);
      const [viaPrisma] = await db.$queryRaw<Record<string, unknown>[]>(query);
      expect(viaPool).toEqual(viaPrisma);
      expect(viaPool.at).toEqual(when);
      expect(viaPool.day).toEqual(new Date("2026-07-01T00:00:00.000Z"));
      expect(viaPool.count).toBe(1n);
      expect(String(viaPool.amount)).toBe("1.25");
      expect(viaPool.text).toBe("xy");
    } finally {
      process.env.TZ = before;
    }
  });

  // decision 013: the hot-path queries are prepared statements, parsed and planned once per connection
  it("runs each query text as a prepared statement, and plans a { prepare: false } query every time", async () => {
    const prepared = Prisma.sql`SELECT u.email FROM "User" u WHERE u.id = ${world.users.officerA.id} /* svm-prepared */`;
    const unprepared = Prisma.sql`SELECT u.email FROM "User" u WHERE u.id = ${world.users.officerA.id} /* svm-unprepared */`;
    for (const id of [world.users.officerA.id, world.users.officerB.id, world.users.officerA.id]) {
      const [row] = await readRows<{ email: string }[]>(
        Prisma.sql`SELECT u.email FROM "User" u WHERE u.id = ${id} /* svm-prepared */`,
      );
      expect(row.email).toBe(
        id === world.users.officerA.id ? world.users.officerA.email : world.users.officerB.email,
      );
    }
    await readRows(prepared);
    await readRows(unprepared, { prepare: false });
    // statements belong to a connection: ask every connection the pool holds, by holding them all at once
    const statements = await Promise.all(
      Array.from({ length: 10 }, () =>
        readRows<{ statement: string }[]>(
          Prisma.sql`SELECT statement FROM pg_prepared_statements, pg_sleep(0.05) WHERE statement LIKE '%svm-%'`,
          { prepare: false },
        ),
      ),
    );
    const texts = statements.flat().map((s) => s.statement);
    expect(texts.some((t) => t.includes("svm-prepared"))).toBe(true);
    expect(texts.some((t) => t.includes("svm-unprepared"))).toBe(false);
  });

  it("names statements once per process, even when the module is loaded twice (the server and its build)", async () => {
    const again = async () => {
      vi.resetModules();
      return (await import("~/db.server.ts")).readRows;
    };
    const [first, second] = [await again(), await again()];
    // two copies, one pool: each asks for a statement the other has not named yet, on the same connection
    // (the pool hands back the connection it was last given)
    const one = await first<{ n: number }[]>(Prisma.sql`SELECT 1 AS n /* svm-twice-one */`);
    const two = await second<{ n: number }[]>(Prisma.sql`SELECT 2 AS n /* svm-twice-two */`);
    expect([one, two]).toEqual([[{ n: 1 }], [{ n: 2 }]]);
  });

  it("recovers, without a restart, when a migration changes what a prepared statement returns", async () => {
    await db.$executeRawUnsafe(`CREATE TABLE "StalePlanProbe" (a int)`);
    try {
      await db.$executeRawUnsafe(`INSERT INTO "StalePlanProbe" VALUES (1)`);
      const read = () => readRows<Record<string, unknown>[]>(Prisma.sql`SELECT * FROM "StalePlanProbe"`);
      // prepare it on every connection the pool holds
      await Promise.all(Array.from({ length: 10 }, read));
      await db.$executeRawUnsafe(`ALTER TABLE "StalePlanProbe" ADD COLUMN b int DEFAULT 2`);
      const after = await Promise.all(Array.from({ length: 10 }, read));
      expect(after).toEqual(Array.from({ length: 10 }, () => [{ a: 1, b: 2 }]));
      // and again, once the stale connections are gone
      expect(await read()).toEqual([{ a: 1, b: 2 }]);
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE "StalePlanProbe"`);
    }
  });
});
