// Forgets every attempt the rate limits have counted (app/auth/rate-limit.server.ts keeps its counters in the
// rate_limits schema of the same database), for tests that send many valid forms far faster than anyone would.
import { db } from "~/db.server.ts";

export async function forgetAllAttempts() {
  // the limiter creates its table on first use: before then there is nothing to forget
  await db.$executeRawUnsafe(`
    DO $$ BEGIN
      IF to_regclass('rate_limits.counters') IS NOT NULL THEN DELETE FROM rate_limits.counters; END IF;
    END $$`);
}
