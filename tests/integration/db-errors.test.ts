// How the portal recognises PostgreSQL's refusals through Prisma's driver adapter: a lock not granted within
// lock_timeout (Change password answers "try again" instead of an error page).
import { expect, it } from "vitest";
import { db, isLockTimeout, isUniqueViolation } from "~/db.server.ts";

it("recognises a lock timeout, and nothing else as one", async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const holder = db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('db-errors-test', 0))`;
      locked();
      await held;
    },
    { timeout: 20_000 },
  );
  // the lock is held before the second transaction asks for it, however slow the machine
  await lockTaken;
  const refused = await db
    .$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL lock_timeout = '100ms'`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('db-errors-test', 0))`;
    })
    .catch((error: unknown) => error);
  release();
  await holder;
  expect(isLockTimeout(refused)).toBe(true);
  expect(isUniqueViolation(refused)).toBe(false);
  expect(isLockTimeout(new Error("canceling statement due to lock timeout"))).toBe(false);
  expect(isLockTimeout(null)).toBe(false);
});
