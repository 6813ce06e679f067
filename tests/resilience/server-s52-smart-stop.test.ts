// The portal stops its embedded PostgreSQL once its own pools are closed, but a pool's end() resolves before its
// connections' sockets have closed: a fast shutdown cut those connections off mid-goodbye, and the job runner
// logged "terminating connection due to administrator command" as an error on every stop (seen at the end of each
// end-to-end run). The stop is now a smart shutdown, which lets open sessions finish, and a fast one only for a
// session that does not end within a few seconds.
import path from "node:path";
import pg from "pg";
import { afterEach, expect, it } from "vitest";
import { ensureDatabase, startEmbeddedPostgres } from "~/server/embedded-postgres.ts";
import { tempDir } from "./harness.ts";

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startWithSession() {
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(tempDir("smart-stop"), "postgres"),
    unsafeFast: true,
    ownProcessGroup: true,
  });
  cleanups.push(() => postgres.stop());
  await ensureDatabase(postgres.urlFor("postgres"), "smart_stop");
  const session = new pg.Client({ connectionString: postgres.urlFor("smart_stop") });
  const errors: string[] = [];
  session.on("error", (error) => errors.push(error.message));
  await session.connect();
  return { postgres, session, errors };
}

it("lets a session still open when the stop starts finish before PostgreSQL stops", async () => {
  const { postgres, session, errors } = await startWithSession();
  let stopped = false;
  const stopping = postgres.stop().then(() => (stopped = true));
  await new Promise((resolve) => setTimeout(resolve, 300));

  expect(stopped).toBe(false);
  expect((await session.query("select 1 as still")).rows).toEqual([{ still: 1 }]);
  await session.end();
  await stopping;
  expect(errors).toEqual([]);
});

it("stops PostgreSQL all the same when a session does not end", async () => {
  const { postgres, errors } = await startWithSession();
  await postgres.stop();

  // the stop resolved (the test's time limit, not a timing of ours, catches one that never does) and the server is
  // gone: a new session is refused
  const late = new pg.Client({ connectionString: postgres.urlFor("smart_stop") });
  await expect(late.connect()).rejects.toThrow(/ECONNREFUSED|ENOENT/);
  // the session is cut off by the fast shutdown that follows the smart one
  expect(errors[0]).toContain("terminating connection due to administrator command");
});
