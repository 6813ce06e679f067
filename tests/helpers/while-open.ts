// Race tests play the first of two clashing saves by a transaction held open by hand: it makes its change and,
// before it commits, the second save is started (and shown to wait, see lock-waiters.ts).
import { db, type Tx } from "~/db.server.ts";

/** Runs `during` inside a transaction that has done `first` and not yet committed; commits after it. */
export async function whileOpen(first: (tx: Tx) => Promise<unknown>, during: () => Promise<void>) {
  await db.$transaction(
    async (tx) => {
      await first(tx);
      await during();
    },
    { timeout: 20_000 },
  );
}
