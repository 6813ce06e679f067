// `npm run db:migration -- <name>`: writes a migration for the change to schema.prisma since the last commit.
// `prisma migrate dev` cannot be used: the wasm schema engine panics on our check constraints
// (docs/decisions/001-prisma-wasm-engine.md). A datamodel-to-datamodel diff needs no database.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDatabase, startEmbeddedPostgres } from "../app/server/embedded-postgres.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(1);
}
const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "svm-schema-")), "schema.prisma");
fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
// The CLI insists on connecting even for a datamodel diff: give it a throwaway embedded database.
const server = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dataDir: ".data/migration-postgres", unsafeFast: true });
if (server) await ensureDatabase(server.urlFor("postgres"), "migration_diff");
const databaseUrl = process.env.DATABASE_URL ?? server!.urlFor("migration_diff");
const sql = execFileSync(
  process.execPath,
  [
    "node_modules/prisma/build/index.js",
    "migrate",
    "diff",
    "--from-schema-datamodel",
    previous,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { env: { ...process.env, CHECKPOINT_DISABLE: "1", DATABASE_URL: databaseUrl }, encoding: "utf8" },
);
// Migrations apply in name order: a new one must sort after every committed one, some of which are dated ahead.
const latest = fs
  .readdirSync("prisma/migrations")
  .map((entry) => entry.match(/^(\d{14})_/)?.[1])
  .filter((stamp): stamp is string => stamp !== undefined)
  .sort()
  .at(-1);
const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const stamp = latest && latest >= now ? String(BigInt(latest) + 1n) : now;
const dir = path.join("prisma/migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
await server?.stop();
console.log(`Wrote ${dir}/migration.sql — review it (add check constraints by hand) and commit it.`);
