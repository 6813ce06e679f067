// Evidence links stored with a user name and password before the return form refused them stayed in the database
// (a return's lines and the answers kept with each submission), in every backup, for any later code to show. The
// migration 20261211090000_evidence_links_without_credentials strips them as the pages show them
// (withoutCredentials), leaves every other link and answer as it was, and changes nothing run a second time.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { withoutCredentials } from "~/domain/reporting/evidence-link.ts";
import { createReturnsWorld, LINKS_WITH_AN_AT, LINKS_WITH_CREDENTIALS } from "./returns-world.ts";

const MIGRATION = path.resolve(
  import.meta.dirname,
  "../../prisma/migrations/20261211090000_evidence_links_without_credentials/migration.sql",
);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(() => client.connect());
afterAll(() => client.end());

/** The database as it stood before the migration: without the check it adds. */
async function asBefore() {
  await client.query(
    `ALTER TABLE "KpiReturnLine" DROP CONSTRAINT IF EXISTS "KpiReturnLine_evidenceUrl_without_credentials"`,
  );
}

/** Runs the migration's SQL as `prisma migrate deploy` does, but its two UPDATEs on one return's rows only: run as
 * written they count (and could change) the rows this file's other tests left too, so what a test saw depended on
 * the order its tests ran in (the database is this file's own, tests/helpers/setup-db.ts). Each UPDATE's WHERE is its
 * last clause, so one more condition keeps it as written (its shape checked, so a changed migration fails); the
 * check is added as written, and changes no row. Returns the rows each statement changed. */
async function migrate(returnId: string) {
  const statements = fs
    .readFileSync(MIGRATION, "utf8")
    .replace(/--.*$/gm, "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
  expect(statements).toHaveLength(3);
  const [lines, events, check] = statements;
  expect(lines).toMatch(
    /^WITH userinfo AS \([^;]+\)\nUPDATE "KpiReturnLine" l\nSET [^;]+\nFROM userinfo\nWHERE [^\n;]+$/,
  );
  expect(events).toMatch(
    /^WITH userinfo AS \([^;]+\)\nUPDATE "KpiReturnEvent" e\nSET [^;]+\nFROM userinfo\nWHERE [^;]+\n {2}\)$/,
  );
  expect(check).toMatch(/^ALTER TABLE "KpiReturnLine" ADD CONSTRAINT [^;]+$/);
  return [
    (await client.query(`${lines}\n  AND l."returnId" = $1`, [returnId])).rowCount,
    (await client.query(`${events}\n  AND e."returnId" = $1`, [returnId])).rowCount,
    (await client.query(check)).rowCount,
  ];
}

// each as stored, in the order a submission's answers are kept
const STORED = [...LINKS_WITH_CREDENTIALS.map(([stored]) => stored), ...LINKS_WITH_AN_AT, null];
const [HOURS_LINK, HOURS_LINK_SHOWN] = LINKS_WITH_CREDENTIALS[0];

async function snapshot(returnId: string) {
  const [lines, events] = await Promise.all([
    db.kpiReturnLine.findMany({
      where: { returnId },
      orderBy: { id: "asc" },
      select: { id: true, evidenceUrl: true, narrative: true, note: true, quantity: true, updatedAt: true },
    }),
    db.kpiReturnEvent.findMany({
      where: { returnId },
      orderBy: { id: "asc" },
      select: { id: true, submittedLines: true },
    }),
  ]);
  return { lines, events };
}

describe("20261211090000_evidence_links_without_credentials", () => {
  // (a database with no returns at all is what every test run migrates: the template, tests/helpers/global-setup.ts)
  it("changes nothing for a return with no lines and no kept answers", async () => {
    await asBefore();
    const w = await createReturnsWorld();
    await db.kpiReturnEvent.create({
      data: { returnId: w.kpiReturn.id, fromStatus: "DRAFT", toStatus: "SUBMITTED", submittedLines: [] },
    });
    const before = await snapshot(w.kpiReturn.id);
    expect(await migrate(w.kpiReturn.id)).toEqual([0, 0, null]);
    expect(await snapshot(w.kpiReturn.id)).toEqual(before);
  });

  it("strips the user name and password from every stored link as the pages show it, once", async () => {
    await asBefore();
    const w = await createReturnsWorld();
    const hoursLine = await db.kpiReturnLine.create({
      data: {
        returnId: w.kpiReturn.id,
        commitmentId: w.hoursCommitment.id,
        quantity: 12,
        note: "Counted from timesheets: jo:Secret123@ is not a link",
        evidenceUrl: HOURS_LINK,
      },
    });
    const eventsLine = await db.kpiReturnLine.create({
      data: {
        returnId: w.kpiReturn.id,
        commitmentId: w.eventsCommitment.id,
        narrative: "A careers fair",
        evidenceUrl: "https://example.com/people/@jo/posts",
      },
    });
    const answer = (commitmentId: string, evidenceUrl: string | null) => ({
      commitmentId,
      quantity: "12.00",
      narrative: null,
      note: "https://jo:Secret123@example.com in a note is the supplier's words, not a link",
      evidenceUrl,
      evidence: [{ id: "file-1", name: "jo:Secret123@timesheet.pdf" }],
    });
    const submitted = await db.kpiReturnEvent.create({
      data: {
        returnId: w.kpiReturn.id,
        fromStatus: "DRAFT",
        toStatus: "SUBMITTED",
        submittedLines: STORED.map((link, index) => answer(`commitment-${index}`, link)),
      },
    });
    const unkept = await db.kpiReturnEvent.create({
      data: { returnId: w.kpiReturn.id, fromStatus: "QUERIED", toStatus: "SUBMITTED" },
    });
    const none = await db.kpiReturnEvent.create({
      data: { returnId: w.kpiReturn.id, fromStatus: "DRAFT", toStatus: "SUBMITTED", submittedLines: [] },
    });
    const before = await snapshot(w.kpiReturn.id);

    expect(await migrate(w.kpiReturn.id)).toEqual([1, 1, null]);
    const after = await snapshot(w.kpiReturn.id);
    const line = (id: string) => after.lines.find((l) => l.id === id)!;
    expect(line(hoursLine.id).evidenceUrl).toBe(HOURS_LINK_SHOWN);
    // the rest of the line as it was: its note (words, not a link) and when the supplier last changed it
    expect(line(hoursLine.id)).toEqual({
      ...before.lines.find((l) => l.id === hoursLine.id),
      evidenceUrl: HOURS_LINK_SHOWN,
    });
    expect(line(eventsLine.id)).toEqual(before.lines.find((l) => l.id === eventsLine.id));

    const kept = after.events.find((e) => e.id === submitted.id)!.submittedLines;
    // every answer in its place, its link as the pages show it, and nothing else of it changed
    expect(kept).toEqual(
      STORED.map((link, index) => answer(`commitment-${index}`, withoutCredentials(link))),
    );
    const links = (kept as { evidenceUrl: string | null }[]).map((a) => a.evidenceUrl).join(" ");
    expect(links).not.toContain("Secret1");
    expect(links).not.toContain("jo:");
    expect(after.events.find((e) => e.id === unkept.id)!.submittedLines).toBeNull();
    expect(after.events.find((e) => e.id === none.id)!.submittedLines).toEqual([]);

    // its statements run again (a backup taken before, restored and cleaned): nothing left to change
    await asBefore();
    expect(await migrate(w.kpiReturn.id)).toEqual([0, 0, null]);
    expect(await snapshot(w.kpiReturn.id)).toEqual(after);
  });

  it("has the database refuse a link with a user name or password from any code, and take every other", async () => {
    const w = await createReturnsWorld();
    const line = await db.kpiReturnLine.create({
      data: { returnId: w.kpiReturn.id, commitmentId: w.hoursCommitment.id, quantity: 1 },
    });
    const store = (evidenceUrl: string | null) =>
      db.kpiReturnLine.update({ where: { id: line.id }, data: { evidenceUrl } });
    for (const link of STORED.filter((l) => l !== null && withoutCredentials(l) !== l))
      await expect(store(link)).rejects.toThrow(/KpiReturnLine_evidenceUrl_without_credentials/);
    for (const link of STORED.map(withoutCredentials)) await expect(store(link)).resolves.toBeTruthy();
  });
});
