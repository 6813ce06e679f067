// Vitest global setup: one throwaway embedded PostgreSQL, a migrated template database, and the port
// handed to every test file (which copies the template into its own database, see setup-db.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../app/server/embedded-postgres.ts";
import { migrateDeploy } from "../../app/server/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgPort: number;
  }
}

export const TEMPLATE_DATABASE = "test_template";

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "svm-test-pg-"));
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), unsafeFast: true });
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await migrateDeploy(server.urlFor(TEMPLATE_DATABASE));
  await admin.query(`alter database ${TEMPLATE_DATABASE} with is_template true`);
  await admin.end();
  project.provide("pgPort", server.port);
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
