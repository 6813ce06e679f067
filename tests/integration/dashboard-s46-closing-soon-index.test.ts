// The VCSE dashboard counts all of a group's requests closing within 14 days (hundreds for a large group) and
// lists ten. The count must stay answerable from Request_closing_soon_idx alone, which includes the status the
// expiry rule reads: a column the index lacks would make PostgreSQL fetch every counted request from the table
// (about 1,000 pages on the benchmark's largest group). The test tables are too small for the planner to choose
// an index on its own, so within a rolled-back transaction the other indexes are dropped and scans it could
// avoid are priced out: if the count can be read from the index, the plan says "Index Only Scan".
import { beforeAll, expect, it } from "vitest";
import { db, Prisma } from "~/db.server.ts";
import { closingSoonRanked } from "~/domain/reporting/dashboard-people.server.ts";
import { createWorld } from "../helpers/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  world = await createWorld();
});

const ROLLBACK = new Error("rollback");

async function planOf(query: Prisma.Sql) {
  let plan = "";
  await db
    .$transaction(async (tx) => {
      const others = await tx.$queryRaw<{ name: string }[]>`
        SELECT indexname::text AS name FROM pg_indexes
        WHERE tablename = 'Request' AND indexname NOT IN ('Request_closing_soon_idx', 'Request_pkey')`;
      for (const { name } of others) await tx.$executeRawUnsafe(`DROP INDEX "${name}"`);
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      const [row] = await tx.$queryRaw<{ "QUERY PLAN": unknown }[]>(
        Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`,
      );
      plan = JSON.stringify(row["QUERY PLAN"]);
      throw ROLLBACK;
    })
    .catch((error) => {
      if (error !== ROLLBACK) throw error;
    });
  return plan;
}

it("counts a group's requests closing soon from the index alone", async () => {
  const plan = await planOf(closingSoonRanked(world.vcse.id, new Date("2030-01-01")));
  const requestScans = [...plan.matchAll(/"Node Type":"([^"]+)"[^{}]*?"Relation Name":"Request"/g)].map(
    (m) => m[1],
  );
  expect(requestScans).toEqual(["Index Only Scan"]);
  expect(plan).toContain('"Index Name":"Request_closing_soon_idx"');
});
