// The migration adding SavedSearch.lastEmailedAt fills it, for searches emailed before it existed, from their
// latest digest still in the outbox: matched by the person's address and the search name ending the subject.
// Run against rows written as the schema stood before it, in a database of its own (as data-migrations.test.ts).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");
const MIGRATION = "20261208090000_saved_search_last_emailed";
const adminUrl = process.env.TEST_PG_ADMIN_URL!;
const database = `m_${crypto.randomUUID().replace(/-/g, "")}`;
const client = new pg.Client({ connectionString: adminUrl.replace(/\/postgres$/, `/${database}`) });
const names = fs
  .readdirSync(MIGRATIONS)
  .filter((n) => fs.existsSync(path.join(MIGRATIONS, n, "migration.sql")))
  .sort();

async function apply(from: number, until: number) {
  for (const name of names.slice(from, until))
    await client.query(fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  await client.connect();
  await apply(0, names.indexOf(MIGRATION));
});

afterAll(async () => {
  await client.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
});

describe(MIGRATION, () => {
  it("dates a search's last email from its latest digest in the outbox, and leaves the others empty", async () => {
    expect(names.indexOf(MIGRATION)).toBeGreaterThan(0);
    await client.query(
      `INSERT INTO "Organisation" (id, kind, name, "updatedAt") VALUES ('s', 'SUPPLIER', 's', now())`,
    );
    await client.query(
      `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u', 'a@example.test', 'A', now()),
       ('v', 'b@example.test', 'B', now())`,
    );
    const search = (id: string, userId: string, name: string, checked: boolean) =>
      client.query(
        `INSERT INTO "SavedSearch" (id, "userId", "organisationId", name, filters, "lastDigestAt")
         VALUES ($1, $2, 's', $3, '{}', $4)`,
        [id, userId, name, checked ? "2026-12-05T07:00:00Z" : null],
      );
    await search("laptops", "u", "Laptops", true);
    await search("quiet", "u", "Garden 50%", true);
    await search("never", "u", "Laptops again", false);
    await search("other", "v", "Laptops", true);
    const email = (to: string, subject: string, at: string, template = "marketplace.digest") =>
      client.query(
        `INSERT INTO "EmailOutbox" (id, "to", subject, html, text, template, "createdAt")
         VALUES ($1, $2, $3, '', '', $4, $5)`,
        [crypto.randomUUID(), to, subject, template, at],
      );
    await email("a@example.test", "2 new requests for “Laptops”", "2026-12-01T07:00:00Z");
    await email("a@example.test", "1 new request for “Laptops”", "2026-12-03T07:00:00Z");
    // another template, another search's name, another person's address: none of them this search's email
    await email(
      "a@example.test",
      "1 new request for “Laptops”",
      "2026-12-04T07:00:00Z",
      "marketplace.pledge",
    );
    await email("a@example.test", "1 new request for “Old Laptops”", "2026-12-04T07:00:00Z");
    await email("b@example.test", "3 new requests for “Laptops”", "2026-12-02T07:00:00Z");

    await apply(names.indexOf(MIGRATION), names.indexOf(MIGRATION) + 1);
    const rows = (
      await client.query<{ id: string; lastEmailedAt: Date | null }>(
        `SELECT id, "lastEmailedAt" FROM "SavedSearch" ORDER BY id`,
      )
    ).rows;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.lastEmailedAt?.toISOString() ?? null]))).toEqual({
      laptops: "2026-12-03T07:00:00.000Z",
      other: "2026-12-02T07:00:00.000Z",
      quiet: null,
      never: null,
    });
  });

  it("lets the migrations after it apply on top", async () => {
    await apply(names.indexOf(MIGRATION) + 1, names.length);
  });
});
