// Race tests hold a row's lock in a transaction and start a second operation that must queue behind it. Waiting a
// fixed time for it to get there fails on a slow machine; this waits until PostgreSQL says it is there.
import { db } from "~/db.server.ts";

/** Resolves once `count` sessions on this test database wait for a lock, or once `settled` (the work that might wait)
 * has settled without waiting; throws after about 15 s. */
export async function untilWaitingForLocks(count = 1, settled?: Promise<unknown>) {
  let done = false;
  void settled?.then(
    () => (done = true),
    () => (done = true),
  );
  for (let tries = 0; tries < 750; tries++) {
    if (done) return;
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE wait_event_type = 'Lock' AND datname = current_database()`;
    if (row!.waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${count === 1 ? "nothing" : `fewer than ${count} sessions`} ever waited for the lock`);
}
