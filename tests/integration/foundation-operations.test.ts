import { describe, expect, it } from "vitest";
import pg from "pg";
import { db, disconnectDb } from "~/db.server.ts";
import { deliverDueEmails } from "~/email/deliver.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { migrateDeploy } from "~/server/migrate.ts";
import { loader as healthz } from "~/routes/healthz.ts";
import { usingFakeResend } from "../helpers/using-fake-resend.ts";
import { callLoader } from "../helpers/routes.ts";

describe("/healthz", () => {
  it("answers 200 when the database answers", async () => {
    const response = await callLoader(healthz, { path: "/healthz" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database is unreachable, and recovers", async () => {
    const realUrl = process.env.DATABASE_URL!;
    await disconnectDb();
    process.env.DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:9/nowhere";
    try {
      const response = await callLoader(healthz, { path: "/healthz" });
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "error", database: "unreachable" });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = realUrl;
    }
    expect((await callLoader(healthz, { path: "/healthz" })).status).toBe(200);
  });
});

describe("any PostgreSQL through DATABASE_URL", () => {
  it("applies every migration to a second, empty database", async () => {
    const adminUrl = process.env.TEST_PG_ADMIN_URL!;
    const name = `second_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const url = adminUrl.replace(/\/postgres$/, `/${name}`);
      await migrateDeploy(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const tables = await client.query(
        `select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name in ('Request', 'Pledge', 'KpiReturn', 'SurveyProtectedAnswers', 'EmailOutbox')`,
      );
      const migrations = await client.query(
        `select count(*)::int as n from _prisma_migrations where finished_at is not null`,
      );
      await client.end();
      expect(tables.rows[0].n).toBe(5);
      expect(migrations.rows[0].n).toBeGreaterThan(0);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 60_000);
});

describe("email outbox delivery", () => {
  const resend = usingFakeResend();

  it("keeps every email through a provider outage and sends each exactly once when it returns", async () => {
    await db.$transaction(async (tx) => {
      for (const n of [1, 2, 3]) {
        await enqueueEmail(tx, {
          to: `person${n}@example.test`,
          subject: `Hello ${n}`,
          html: "<p>Hi</p>",
          text: "Hi",
          template: "test",
        });
      }
    });
    resend.server.setDown(true);
    const t0 = new Date();
    const down = await deliverDueEmails({ now: t0 });
    expect(down).toMatchObject({ claimed: 3, sent: 0, failed: 3 });
    expect(await db.emailOutbox.count({ where: { status: "PENDING", attempts: 1 } })).toBe(3);

    // Nothing is due again until the backoff has passed.
    expect((await deliverDueEmails({ now: new Date(t0.getTime() + 1000) })).claimed).toBe(0);

    resend.server.setDown(false);
    const later = new Date(t0.getTime() + 31_000);
    const back = await deliverDueEmails({ now: later });
    expect(back).toMatchObject({ claimed: 3, sent: 3, failed: 0 });
    expect(await deliverDueEmails({ now: new Date(later.getTime() + 3_600_000) })).toMatchObject({
      claimed: 0,
    });
    expect(resend.server.sent.map((e) => e.subject).sort()).toEqual(["Hello 1", "Hello 2", "Hello 3"]);
    const rows = await db.emailOutbox.findMany({ select: { status: true, providerId: true } });
    expect(rows.every((r) => r.status === "SENT" && r.providerId?.startsWith("fake_"))).toBe(true);
    // the provider saw the outbox row id as the idempotency key, so a retry after a crash cannot send twice
    expect(new Set(resend.server.sent.map((e) => e.idempotencyKey)).size).toBe(3);
  });

  it("does not lose an email written in a transaction that rolls back — nor send it", async () => {
    const before = await db.emailOutbox.count();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, {
          to: "x@example.test",
          subject: "Never",
          html: "",
          text: "",
          template: "test",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.emailOutbox.count()).toBe(before);
  });

  it("two workers never send the same email twice", async () => {
    await db.$transaction((tx) =>
      enqueueEmail(tx, { to: "race@example.test", subject: "Race", html: "", text: "", template: "test" }),
    );
    const sentBefore = resend.server.sent.length;
    const now = new Date(Date.now() + 10 * 3_600_000);
    const [a, b] = await Promise.all([deliverDueEmails({ now }), deliverDueEmails({ now })]);
    expect(a.sent + b.sent).toBe(1);
    expect(resend.server.sent.length - sentBefore).toBe(1);
  });
});
