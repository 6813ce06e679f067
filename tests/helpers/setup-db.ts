// Every test file gets its own database, copied from the migrated template (about 50 ms).
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "~/db.server.ts";
import { resetEnvCache } from "~/env.server.ts";

const port = inject("pgPort");
const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
const database = `t_${crypto.randomUUID().replace(/-/g, "")}`;

async function admin<T>(run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

await admin((c) => c.query(`create database ${database} template test_template strategy file_copy`));
// the app's connections go through the server's Unix socket, as under `npm start` (decision 018); the admin
// connection above stays on TCP, so both ways in are used by every run
process.env.DATABASE_URL = `postgresql://postgres:postgres@localhost:${port}/${database}?host=/tmp`;
process.env.TEST_PG_ADMIN_URL = adminUrl;
resetEnvCache();

afterAll(async () => {
  await disconnectDb();
  await admin((c) => c.query(`drop database if exists ${database} with (force)`));
});
