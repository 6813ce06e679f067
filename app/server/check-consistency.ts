// `npm run check:consistency`: checks that the data still keeps the portal's rules, for example after a
// crash or a restore from backup. Read-only. Prints every problem found and exits 1 if there is any.
// (What the database's own constraints guarantee, such as never pledging more than is needed, is not
// checked again here.)
//
//   DATABASE_URL=postgresql://… UPLOAD_DIR=/srv/uploads npm run check:consistency
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { countOf } from "../domain/format.ts";
import { HOLDING_STATUSES, IN_FLIGHT_STATUSES } from "../domain/marketplace/pledge-lifecycle.ts";
import { LIVE_STATUSES, statusForPledged } from "../domain/marketplace/request-lifecycle.ts";

export type Violation = { rule: string; record: string; detail: string };

type Queryable = Pick<pg.ClientBase, "query">;

// Statuses a record starts in before anyone has changed it: no event row is needed yet.
const STARTING_STATUS = { Request: "DRAFT", KpiReturn: "NOT_STARTED" } as const;
const NOT_YET_PUBLISHED = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"];
const HANDED_IN = ["SUBMITTED", "ACCEPTED", "QUERIED"];

// What a pledge holds of its request (marketplace heldShare): a delivery confirmed short holds what was delivered.
const HELD = `case when p.status = 'CONFIRMED' then least(p.quantity, coalesce(p."deliveredQuantity", p.quantity)) else p.quantity end`;

async function pledgedQuantities(db: Queryable): Promise<Violation[]> {
  const { rows } = await db.query<{ id: string; pledged: number; held: number }>(
    `select r.id, r."pledgedQuantity" as pledged,
            coalesce(sum(${HELD}) filter (where p.status::text = any($1)), 0)::int as held
       from "Request" r left join "Pledge" p on p."requestId" = r.id
      group by r.id
     having r."pledgedQuantity" <> coalesce(sum(${HELD}) filter (where p.status::text = any($1)), 0)`,
    [HOLDING_STATUSES],
  );
  return rows.map((r) => ({
    rule: "pledged quantity",
    record: `Request ${r.id}`,
    detail: `pledgedQuantity is ${r.pledged} but its offered, accepted, delivered, confirmed and disputed pledges add up to ${r.held}`,
  }));
}

async function requestStatuses(db: Queryable): Promise<Violation[]> {
  const found: Violation[] = [];
  const live = await db.query<{ id: string; status: string; quantity: number; pledged: number }>(
    `select id, status::text as status, quantity, "pledgedQuantity" as pledged
       from "Request" where status::text = any($1)`,
    [LIVE_STATUSES],
  );
  for (const r of live.rows) {
    const expected = statusForPledged(r.quantity, r.pledged);
    if (expected !== r.status) {
      found.push({
        rule: "request status",
        record: `Request ${r.id}`,
        detail: `is ${r.status} with ${r.pledged} of ${r.quantity} pledged; it should be ${expected}`,
      });
    }
  }
  const unpublished = await db.query<{ id: string; status: string; pledges: number }>(
    `select r.id, r.status::text as status, count(p.id)::int as pledges
       from "Request" r join "Pledge" p on p."requestId" = r.id
      where r.status::text = any($1) group by r.id`,
    [NOT_YET_PUBLISHED],
  );
  for (const r of unpublished.rows) {
    found.push({
      rule: "request status",
      record: `Request ${r.id}`,
      detail: `is ${r.status} (never published) but has ${countOf(r.pledges, "pledge", "pledges")}`,
    });
  }
  return found;
}

// A request is fulfilled, in the same transaction as the confirmation that completes it, once it is fully pledged
// and every pledge holding a share is confirmed: a fulfilled request with a pledge still under way (or short of
// its quantity) was closed too soon, and a fully pledged one with every pledge confirmed was never closed. (The
// status check above covers only requests still taking or holding pledges.)
async function fulfilment(db: Queryable): Promise<Violation[]> {
  const { rows } = await db.query<{
    id: string;
    status: string;
    quantity: number;
    pledged: number;
    unsettled: number;
    confirmed: number;
  }>(
    `select r.id, r.status::text as status, r.quantity, r."pledgedQuantity" as pledged,
            count(p.id) filter (where p.status::text = any($1))::int as unsettled,
            count(p.id) filter (where p.status = 'CONFIRMED')::int as confirmed
       from "Request" r left join "Pledge" p on p."requestId" = r.id
      where r.status in ('FULFILLED', 'FULLY_PLEDGED')
      group by r.id`,
    [IN_FLIGHT_STATUSES],
  );
  const found: Violation[] = [];
  for (const r of rows) {
    const violation = (detail: string) =>
      found.push({ rule: "request fulfilment", record: `Request ${r.id}`, detail });
    if (r.status === "FULFILLED" && r.unsettled > 0)
      violation(`is FULFILLED but ${r.unsettled} of its pledges are not confirmed yet`);
    else if (r.status === "FULFILLED" && r.pledged < r.quantity)
      violation(`is FULFILLED with only ${r.pledged} of ${r.quantity} pledged`);
    else if (r.status === "FULLY_PLEDGED" && r.unsettled === 0 && r.confirmed > 0)
      violation(`is FULLY_PLEDGED and every pledge is confirmed; it should be FULFILLED`);
  }
  return found;
}

// Every change of status writes an event row in the same transaction, so the newest event of a record
// names its current status. Events written in one transaction share a timestamp: any of them may match.
async function latestEvents(
  db: Queryable,
  table: "Request" | "Pledge" | "KpiReturn",
  eventTable: string,
  foreignKey: string,
): Promise<Violation[]> {
  const starting = table in STARTING_STATUS ? STARTING_STATUS[table as keyof typeof STARTING_STATUS] : null;
  const { rows } = await db.query<{ id: string; status: string; latest: string[] | null }>(
    `with latest as (
       select "${foreignKey}" as id, max("createdAt") as at from "${eventTable}" group by 1
     )
     select t.id, t.status::text as status,
            (select array_agg(e."toStatus"::text) from "${eventTable}" e
              where e."${foreignKey}" = t.id and e."createdAt" = l.at) as latest
       from "${table}" t left join latest l on l.id = t.id
      where (l.id is null and t.status::text is distinct from $1)
         or (l.id is not null and not exists (
               select 1 from "${eventTable}" e
                where e."${foreignKey}" = t.id and e."createdAt" = l.at and e."toStatus" = t.status))`,
    [starting],
  );
  return rows.map((r) => ({
    rule: "status history",
    record: `${table} ${r.id}`,
    detail: r.latest
      ? `is ${r.status} but its latest event says ${r.latest.join(" / ")}`
      : `is ${r.status} but has no event row recording how it got there`,
  }));
}

async function returnLines(db: Queryable): Promise<Violation[]> {
  const missing = await db.query<{ id: string; status: string; commitmentId: string }>(
    `select r.id, r.status::text as status, c.id as "commitmentId"
       from "KpiReturn" r
       join "Commitment" c on c."contractId" = r."contractId"
       left join "KpiReturnLine" l on l."returnId" = r.id and l."commitmentId" = c.id
      where r.status::text = any($1) and l.id is null
        and c."createdAt" <= coalesce(r."submittedAt", r."updatedAt")`,
    [HANDED_IN],
  );
  const undeclared = await db.query<{ id: string; status: string }>(
    `select id, status::text as status from "KpiReturn"
      where status::text = any($1) and ("submittedAt" is null or not "declarationAccepted")`,
    [HANDED_IN],
  );
  return [
    ...missing.rows.map((r) => ({
      rule: "return lines",
      record: `KpiReturn ${r.id}`,
      detail: `is ${r.status} but has no line for commitment ${r.commitmentId}`,
    })),
    ...undeclared.rows.map((r) => ({
      rule: "return declaration",
      record: `KpiReturn ${r.id}`,
      detail: `is ${r.status} without a submission date and accepted declaration`,
    })),
  ];
}

// A file on disk younger than this may be an upload still under way (its record is written once it is stored).
const UNFINISHED_UPLOAD_MS = 60 * 60 * 1000;

async function evidenceFiles(db: Queryable, uploadDir: string, now: Date): Promise<Violation[]> {
  const found: Violation[] = [];
  const { rows } = await db.query<{ id: string; storageKey: string; sizeBytes: number }>(
    `select id, "storageKey", "sizeBytes" from "EvidenceFile"`,
  );
  // files nothing refers to (an upload cut off before its record was written, a crash mid-save): evidence,
  // perhaps personal, that no page shows and no deletion would ever remove
  const known = new Set(rows.map((file) => file.storageKey));
  const folders = await fs.readdir(uploadDir, { withFileTypes: true }).catch(() => []);
  const shards = folders.filter((entry) => entry.isDirectory() && /^[0-9a-f]{2}$/.test(entry.name));
  for (const folder of shards.sort((a, b) => a.name.localeCompare(b.name))) {
    for (const name of (await fs.readdir(path.join(uploadDir, folder.name))).sort()) {
      const key = `${folder.name}/${name}`;
      if (known.has(key)) continue;
      const stat = await fs.stat(path.join(uploadDir, key)).catch(() => null);
      if (!stat?.isFile() || now.getTime() - stat.mtime.getTime() < UNFINISHED_UPLOAD_MS) continue;
      found.push({
        rule: "evidence file",
        record: `file ${key}`,
        detail: `in ${uploadDir} has no EvidenceFile record (an upload that never finished): remove it`,
      });
    }
  }
  for (const file of rows) {
    const where = path.join(uploadDir, file.storageKey);
    const stat = await fs.stat(where).catch(() => null);
    if (!stat?.isFile()) {
      found.push({ rule: "evidence file", record: `EvidenceFile ${file.id}`, detail: `${where} is missing` });
    } else if (stat.size !== file.sizeBytes) {
      found.push({
        rule: "evidence file",
        record: `EvidenceFile ${file.id}`,
        detail: `${where} has ${stat.size} bytes, the record says ${file.sizeBytes}`,
      });
    }
  }
  return found;
}

async function outbox(db: Queryable): Promise<Violation[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from "EmailOutbox" where status = 'SENT' and ("providerId" is null or "sentAt" is null)`,
  );
  return rows.map((r) => ({
    rule: "email outbox",
    record: `EmailOutbox ${r.id}`,
    detail: "is marked sent without the provider's id or a sent time",
  }));
}

export async function checkConsistency(db: Queryable, options: { uploadDir: string; now?: Date }) {
  // one query at a time: a pg client runs them in turn anyway
  const groups: Violation[][] = [];
  groups.push(await pledgedQuantities(db));
  groups.push(await requestStatuses(db));
  groups.push(await fulfilment(db));
  groups.push(await latestEvents(db, "Request", "RequestEvent", "requestId"));
  groups.push(await latestEvents(db, "Pledge", "PledgeEvent", "pledgeId"));
  groups.push(await latestEvents(db, "KpiReturn", "KpiReturnEvent", "returnId"));
  groups.push(await returnLines(db));
  groups.push(await evidenceFiles(db, options.uploadDir, options.now ?? new Date()));
  groups.push(await outbox(db));
  return groups.flat();
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "Set DATABASE_URL to the portal's database, e.g. DATABASE_URL=postgresql://… npm run check:consistency",
    );
    process.exit(2);
  }
  const uploadDir = path.resolve(
    process.env.UPLOAD_DIR ?? path.join(process.env.DATA_DIR ?? ".data", "uploads"),
  );
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // one snapshot, so rows changing while we read cannot look inconsistent
    await client.query("begin transaction isolation level repeatable read read only");
    const violations = await checkConsistency(client, { uploadDir });
    await client.query("commit");
    for (const v of violations) console.log(`${v.rule}: ${v.record} ${v.detail}`);
    console.log(violations.length ? `${violations.length} problem(s) found.` : "No problems found.");
    process.exitCode = violations.length ? 1 : 0;
  } finally {
    await client.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(2);
  });
}
