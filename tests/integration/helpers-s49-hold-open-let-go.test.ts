// holdOpen lets go of its transaction when the test holding it ends, even if the test failed before letting go: the
// next test in the file finds the row free at once (it would otherwise wait on it until the hold timed out).
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createUser } from "../helpers/factories.ts";
import { holdOpen } from "../helpers/while-open.ts";

let userId: string;

beforeAll(async () => {
  userId = (await createUser()).id;
});

it.fails("(a test failing while it holds a row, before it lets go)", async () => {
  const holder = holdOpen((tx) => tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`);
  await holder.ready;
  expect("still held").toBe("let go");
});

it("finds the row that test held free once it has ended", async () => {
  // NOWAIT: a row still held is an error at once, not a wait
  const rows = await db.$transaction(
    (tx) => tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE NOWAIT`,
  );
  expect(rows).toEqual([{ id: userId }]);
});
