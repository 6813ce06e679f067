// The migrations that change data already stored, run against rows written as the schema stood before each: a
// council upgrading keeps every record and ends with what the migration's header promises. The migrations are
// applied in order from prisma/migrations, as `prisma migrate deploy` applies them, to a database of their own.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");
const adminUrl = process.env.TEST_PG_ADMIN_URL!;
const database = `m_${crypto.randomUUID().replace(/-/g, "")}`;
const client = new pg.Client({ connectionString: adminUrl.replace(/\/postgres$/, `/${database}`) });

const names = fs
  .readdirSync(MIGRATIONS)
  .filter((n) => fs.existsSync(path.join(MIGRATIONS, n, "migration.sql")))
  .sort();
let applied = 0;

/** Applies every migration not yet applied up to `name`, or up to the one before it when `before` is set. */
async function migrate(name: string, { before = false } = {}) {
  const last = names.indexOf(name);
  expect(last, `migration ${name} exists`).toBeGreaterThan(-1);
  const until = before ? last : last + 1;
  for (; applied < until; applied++)
    await client.query(fs.readFileSync(path.join(MIGRATIONS, names[applied]!, "migration.sql"), "utf8"));
}

async function rows<T>(sql: string, values: unknown[] = []) {
  return (await client.query(sql, values)).rows as T[];
}

async function organisation(id: string, kind: "COUNCIL" | "SUPPLIER") {
  await client.query(`INSERT INTO "Organisation" (id, kind, name, "updatedAt") VALUES ($1, $2, $1, now())`, [
    id,
    kind,
  ]);
}

async function contract(id: string, reference: string, fields: Record<string, string> = {}) {
  const row: Record<string, string> = {
    id,
    councilId: "council-1",
    reference,
    title: "Works",
    supplierOrganisationId: "supplier-1",
    department: "Highways",
    valueGbp: "1000",
    startDate: "2026-04-01",
    endDate: "2027-03-31",
    updatedAt: new Date().toISOString(),
    ...fields,
  };
  const columns = Object.keys(row);
  await client.query(
    `INSERT INTO "Contract" (${columns.map((c) => `"${c}"`).join(", ")})
     VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
    Object.values(row),
  );
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  await client.connect();
  await migrate("20261203120000_contract_terminated_on", { before: true });
  await organisation("council-1", "COUNCIL");
  await organisation("council-2", "COUNCIL");
  await organisation("supplier-1", "SUPPLIER");
});

afterAll(async () => {
  await client.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
});

describe("data migrations, in order", () => {
  it("20261203120000: a contract already terminated gets the London day it was last changed, within its term", async () => {
    await contract("t-in-term", "T-1", { status: "TERMINATED", updatedAt: "2026-09-30 23:30:00" });
    await contract("t-after-end", "T-2", { status: "TERMINATED", updatedAt: "2027-06-01 12:00:00" });
    await contract("active", "T-3");

    await migrate("20261203120000_contract_terminated_on");

    const ended = await rows<{ id: string; day: string | null }>(
      `SELECT id, to_char("terminatedOn", 'YYYY-MM-DD') AS day FROM "Contract" ORDER BY id`,
    );
    expect(ended).toEqual([
      { id: "active", day: null },
      // 23:30 UTC on 30 September is 00:30 on 1 October in London (BST)
      { id: "t-after-end", day: "2027-03-31" },
      { id: "t-in-term", day: "2026-10-01" },
    ]);
  });

  it("20261204100000: category and district names differing only in case are kept, the others renamed", async () => {
    await migrate("20261204100000_list_names_unique_in_any_case", { before: true });
    await client.query(`INSERT INTO "Category" (id, "councilId", name, slug) VALUES
      ('c1', 'council-1', 'Food', 'food'), ('c2', 'council-1', 'food', 'food-2'), ('c3', 'council-2', 'FOOD', 'food')`);
    await client.query(`INSERT INTO "District" (id, "councilId", name) VALUES
      ('d1', 'council-1', 'North Ward'), ('d2', 'council-1', 'north ward'), ('d3', 'council-1', 'South Ward')`);

    await migrate("20261204100000_list_names_unique_in_any_case");

    expect(await rows(`SELECT id, name FROM "Category" ORDER BY id`)).toEqual([
      { id: "c1", name: "Food" },
      { id: "c2", name: "food (c2)" },
      { id: "c3", name: "FOOD" },
    ]);
    expect(await rows(`SELECT id, name FROM "District" ORDER BY id`)).toEqual([
      { id: "d1", name: "North Ward" },
      { id: "d2", name: "north ward (d2)" },
      { id: "d3", name: "South Ward" },
    ]);
    await expect(
      client.query(`INSERT INTO "District" (id, "councilId", name) VALUES ('d4', 'council-1', 'SOUTH WARD')`),
    ).rejects.toThrow(/District_councilId_name_lower_key/);
  });

  it("20261204120000: only the default waste measure moves to tonnes; one a council made its own keeps its unit", async () => {
    await migrate("20261204120000_waste_measure_in_tonnes", { before: true });
    const waste = "Waste diverted from landfill (tonnes)";
    await client.query(
      `INSERT INTO "Measure" (id, "councilId", code, name, theme, unit, "updatedAt") VALUES
        ('m1', 'council-1', 'ENV-02', $1, 'ENVIRONMENT', 'TONNES_CO2E', now()),
        ('m2', 'council-2', 'ENV-02', 'Carbon saved by recycling', 'ENVIRONMENT', 'TONNES_CO2E', now()),
        ('m3', 'council-1', 'ENV-01', 'Carbon emissions saved', 'ENVIRONMENT', 'TONNES_CO2E', now())`,
      [waste],
    );

    await migrate("20261204120000_waste_measure_in_tonnes");

    expect(await rows(`SELECT id, unit FROM "Measure" ORDER BY id`)).toEqual([
      { id: "m1", unit: "TONNES" },
      { id: "m2", unit: "TONNES_CO2E" },
      { id: "m3", unit: "TONNES_CO2E" },
    ]);
  });

  it("20261205100000: contract references differing only in case are kept, the later ones renamed", async () => {
    await migrate("20261205100000_contract_references_unique_in_any_case", { before: true });
    await client.query(`UPDATE "Contract" SET "createdAt" = now() - interval '1 day' WHERE id = 'active'`);
    await contract("later", "t-3");
    await contract("other-council", "t-3", { councilId: "council-2" });

    await migrate("20261205100000_contract_references_unique_in_any_case");

    expect(
      await rows(`SELECT id, reference FROM "Contract" WHERE lower(reference) = 't-3' ORDER BY id`),
    ).toEqual([
      { id: "active", reference: "T-3" },
      { id: "other-council", reference: "t-3" },
    ]);
    expect(await rows(`SELECT reference FROM "Contract" WHERE id = 'later'`)).toEqual([
      { reference: "t-3 (later)" },
    ]);
    await expect(contract("clash", "t-1")).rejects.toThrow(/Contract_councilId_reference_lower_key/);
  });

  it("20261207090000: a failed sign-in loses the account as its actor; the person's own actions keep theirs", async () => {
    await migrate("20261207090000_failed_sign_ins_have_no_actor", { before: true });
    await client.query(
      `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u1', 'a@example.test', 'A', now()),
       ('u2', 'b@example.test', 'B', now())`,
    );
    const entry = (id: string, actor: string | null, action: string, entityType: string, entityId: string) =>
      client.query(
        `INSERT INTO "AuditLog" (id, "actorUserId", action, "entityType", "entityId", "ipAddress")
         VALUES ($1, $2, $3, $4, $5, '192.0.2.1')`,
        [id, actor, action, entityType, entityId],
      );
    await entry("failed", "u1", "auth.sign_in_failed", "User", "u1");
    await entry("failed-later", null, "auth.sign_in_failed", "User", "u1");
    await entry("signed-in", "u1", "auth.sign_in", "User", "u1");
    // not the account's own record: an admin acting on another account, and a failure filed under something else
    await entry("admin", "u2", "auth.sign_in_failed", "User", "u1");
    await entry("other-entity", "u1", "auth.sign_in_failed", "Session", "u1");

    await migrate("20261207090000_failed_sign_ins_have_no_actor");

    expect(await rows(`SELECT id, "actorUserId", "entityId" FROM "AuditLog" ORDER BY id`)).toEqual([
      { id: "admin", actorUserId: "u2", entityId: "u1" },
      { id: "failed", actorUserId: null, entityId: "u1" },
      { id: "failed-later", actorUserId: null, entityId: "u1" },
      { id: "other-entity", actorUserId: "u1", entityId: "u1" },
      { id: "signed-in", actorUserId: "u1", entityId: "u1" },
    ]);
  });

  it("20261215090002: each audit entry gets the council whose log it is, and keeps whom it was filed under", async () => {
    await migrate("20261215090002_audit_entry_council", { before: true });
    await client.query(
      `INSERT INTO "Organisation" (id, kind, name, "councilId", "updatedAt") VALUES ('group-1', 'VCSE', 'group-1', 'council-2', now())`,
    );
    const entry = (
      id: string,
      organisationId: string | null,
      action: string,
      entityType: string,
      entityId: string,
    ) =>
      client.query(
        `INSERT INTO "AuditLog" (id, "organisationId", action, "entityType", "entityId") VALUES ($1, $2, $3, $4, $5)`,
        [`s41-${id}`, organisationId, action, entityType, entityId],
      );
    await entry("on-council", "council-1", "category.create", "Category", "c1");
    await entry("on-group", "group-1", "membership.invite", "Invitation", "i1");
    await entry("account", null, "auth.sign_in", "User", "u1");
    // an organisation deleted before the migration: what is about it, and its deletion in its council's log
    await entry("about-gone", null, "organisation.register", "Organisation", "gone-1");
    await entry("gone-deleted", "council-2", "organisation.delete", "Organisation", "gone-1");
    // filed under the deleted organisation, about something else: nothing says whose it was
    await entry("under-gone", null, "membership.invite", "Invitation", "i2");

    await migrate("20261215090002_audit_entry_council");

    expect(
      await rows(`SELECT id, "councilId", "filedUnderId" FROM "AuditLog" WHERE id LIKE 's41-%' ORDER BY id`),
    ).toEqual([
      { id: "s41-about-gone", councilId: "council-2", filedUnderId: null },
      { id: "s41-account", councilId: null, filedUnderId: null },
      { id: "s41-gone-deleted", councilId: "council-2", filedUnderId: "council-2" },
      { id: "s41-on-council", councilId: "council-1", filedUnderId: "council-1" },
      { id: "s41-on-group", councilId: "council-2", filedUnderId: "group-1" },
      { id: "s41-under-gone", councilId: null, filedUnderId: null },
    ]);
  });

  it("20261215090003: a link sent to an address typed in and not yet followed gets the suppliers whose contact address it is; a bound link is left as it was", async () => {
    await migrate("20261215090003_survey_invitation_contact_of", { before: true });
    const business = (id: string, kind: "SUPPLIER" | "VCSE", contactEmail: string | null) =>
      client.query(
        `INSERT INTO "Organisation" (id, kind, name, "contactEmail", "updatedAt") VALUES ($1, $2, $1, $3, now())`,
        [id, kind, contactEmail],
      );
    // the contact address in another case than the one typed in; a group with the same address is no supplier
    await business("s41-supplier", "SUPPLIER", "Buyer@Bakery.example");
    await business("s41-other-supplier", "SUPPLIER", "someone@else.example");
    await business("s41-group", "VCSE", "buyer@bakery.example");
    await client.query(
      `INSERT INTO "SurveyCycle" (id, "councilId", year, "opensOn", "closesOn", "privacyNotice", "dpiaReference", status)
       VALUES ('s41-cycle', 'council-1', 2026, '2026-11-01', '2026-12-31', 'Privacy notice', 'DPIA-1', 'OPEN')`,
    );
    const invitation = (id: string, organisationId: string | null, email: string) =>
      client.query(
        `INSERT INTO "SurveyInvitation" (id, "cycleId", "organisationId", email, "tokenHash", "usedAt")
         VALUES ($1, 's41-cycle', $2, $3, $1, ${organisationId ? "now()" : "NULL"})`,
        [id, organisationId, email],
      );
    await invitation("s41-waiting", null, "buyer@bakery.example");
    await invitation("s41-nobody", null, "unknown@nowhere.example");
    // followed by the other supplier, though the address is now the first one's: it stays that supplier's only
    await invitation("s41-bound", "s41-other-supplier", "buyer@bakery.example");

    await migrate("20261215090003_survey_invitation_contact_of");

    expect(
      await rows(`SELECT id, "organisationId", "contactOfIds" FROM "SurveyInvitation" ORDER BY id`),
    ).toEqual([
      { id: "s41-bound", organisationId: "s41-other-supplier", contactOfIds: [] },
      { id: "s41-nobody", organisationId: null, contactOfIds: [] },
      { id: "s41-waiting", organisationId: null, contactOfIds: ["s41-supplier"] },
    ]);
  });

  it("20261218090055: gender identity answers are kept by meaning: YES to 'different from' is DIFFERENT, NO is SAME", async () => {
    await migrate("20261218090055_survey_gender_identity_by_meaning", { before: true });
    // last year's closed survey and this year's open one (of another council than the surveys above)
    await client.query(
      `INSERT INTO "SurveyCycle" (id, "councilId", year, "opensOn", "closesOn", "privacyNotice", "dpiaReference", status)
       VALUES ('s55-2025', 'council-2', 2025, '2025-04-01', '2025-06-30', 'Notice', 'DPIA-1', 'CLOSED'),
              ('s55-2026', 'council-2', 2026, '2026-04-01', '2026-06-30', 'Notice', 'DPIA-1', 'OPEN')`,
    );
    const answered = async (id: string, cycleId: string, answers: unknown) => {
      await client.query(
        `INSERT INTO "SurveyResponse" (id, "cycleId", status, "updatedAt") VALUES ($1, $2, 'SUBMITTED', now())`,
        [id, cycleId],
      );
      await client.query(
        `INSERT INTO "SurveyProtectedAnswers" ("responseId", answers, "updatedAt") VALUES ($1, $2, now())`,
        [id, JSON.stringify(answers)],
      );
    };
    await answered("s55-different", "s55-2025", { genderIdentity: "YES", sex: "FEMALE" });
    await answered("s55-same", "s55-2025", { genderIdentity: "NO", age: "35_49" });
    await answered("s55-prefer", "s55-2026", { genderIdentity: "PREFER_NOT_TO_SAY" });
    await answered("s55-unanswered", "s55-2026", { sex: "MALE", disability: "YES" });

    await migrate("20261218090055_survey_gender_identity_by_meaning");

    expect(
      await rows(`SELECT "responseId", answers FROM "SurveyProtectedAnswers" WHERE "responseId" LIKE 's55-%'
                  ORDER BY "responseId"`),
    ).toEqual([
      { responseId: "s55-different", answers: { genderIdentity: "DIFFERENT", sex: "FEMALE" } },
      { responseId: "s55-prefer", answers: { genderIdentity: "PREFER_NOT_TO_SAY" } },
      { responseId: "s55-same", answers: { genderIdentity: "SAME", age: "35_49" } },
      // another question's YES is left alone
      { responseId: "s55-unanswered", answers: { sex: "MALE", disability: "YES" } },
    ]);
  });

  it("the rest apply on top, as on a council's database", async () => {
    await migrate(names.at(-1)!);
    expect(applied).toBe(names.length);
  });
});
