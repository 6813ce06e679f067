// Index tests ask PostgreSQL how it would run a query if a given index were the only way in. The test tables are too
// small for the planner to choose an index on its own, so within a transaction that is rolled back every other
// index on the table (but its primary key) is dropped and sequential scans are priced out: if the query can use the
// index, the plan names it.
import { db, Prisma } from "~/db.server.ts";

const ROLLBACK = new Error("rollback");

/** The plan of `query` (EXPLAIN, FORMAT JSON, as a string) with `index` the only index on `table` beside its primary
 * key. `bitmapScans: false` leaves the planner plain and index-only scans (a GIN index is only read through
 * bitmaps). */
export async function planWithOnlyIndex(
  query: Prisma.Sql,
  index: string,
  { bitmapScans = true, table = "Request" }: { bitmapScans?: boolean; table?: string } = {},
) {
  let plan = "";
  await db
    .$transaction(async (tx) => {
      const others = await tx.$queryRaw<{ name: string }[]>`
        SELECT indexname::text AS name FROM pg_indexes
        WHERE tablename = ${table} AND indexname NOT IN (${index}, ${`${table}_pkey`})`;
      for (const { name } of others) await tx.$executeRawUnsafe(`DROP INDEX "${name}"`);
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      if (!bitmapScans) await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
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
