// Race tests play the first of two clashing saves by a transaction held open by hand: it makes its change and,
// before it commits, the second save is started (and shown to wait, see lock-waiters.ts).
import { expect, onTestFinished } from "vitest";
import { db, type Tx } from "~/db.server.ts";
import { untilWaitingForLocks } from "./lock-waiters.ts";

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

/** The second of two clashing saves: `second` is started while `first` is written and not committed, is shown to
 * wait for it (not to answer before it commits), and its answer is returned once `first` has committed. */
export async function secondWaitsForFirst<T>(
  first: (tx: Tx) => Promise<unknown>,
  second: () => Promise<T>,
): Promise<T> {
  let answered = false;
  let pending: Promise<T> | undefined;
  await whileOpen(first, async () => {
    pending = second();
    void pending.then(
      () => (answered = true),
      () => (answered = true),
    );
    await untilWaitingForLocks();
    expect(answered, "the second save waits for the first").toBe(false);
  });
  return pending!;
}

/** A transaction held open until `release` is called, for a test that starts other work meanwhile and decides itself
 * when to let go: `ready` resolves once `begin` has run in it (a row locked, a change written), `done` once it has
 * committed. Call it inside a test: when the test ends without letting go (it failed first), the transaction is let
 * go then, and ended before the next test starts, so that test does not wait on its locks until they time out. */
export function holdOpen(begin: (tx: Tx) => Promise<unknown>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let began!: () => void;
  const ready = new Promise<void>((resolve) => (began = resolve));
  const done = db.$transaction(
    async (tx) => {
      await begin(tx);
      began();
      await released;
    },
    { timeout: 40_000 },
  );
  onTestFinished(async () => {
    release();
    // how it ended is the test's to check (it awaits `done`); here it only has to have ended
    await done.catch(() => undefined);
  });
  return { ready, release, done };
}
