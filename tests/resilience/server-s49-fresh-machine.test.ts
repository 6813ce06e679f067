// `npm start` on a fresh machine: binaries unpacked without their modes, a data folder that is a symbolic link or
// a mount point, and a start that finds a cluster still being made (by another start, or by an initdb its portal
// left behind).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { makeExecutable } from "~/server/embedded-postgres.ts";
import { tempDir } from "./harness.ts";

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it("gives a PostgreSQL binary that lost its execute bits (initdb and postgres alike) its bits back before running it", async () => {
  const dir = tempDir("binary");
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    postgres: string;
  };
  // a copy, not the installed one other tests run (beside its libraries, which it finds at ../lib)
  fs.mkdirSync(path.join(dir, "bin"));
  fs.symlinkSync(path.resolve(path.dirname(binaries.postgres), "../lib"), path.join(dir, "lib"));
  const copy = path.join(dir, "bin", "postgres");
  fs.copyFileSync(binaries.postgres, copy);
  fs.chmodSync(copy, 0o644);
  expect(spawnSync(copy, ["--version"]).error).toMatchObject({ code: "EACCES" });

  makeExecutable(copy);

  expect(fs.statSync(copy).mode & 0o777).toBe(0o755);
  expect(spawnSync(copy, ["--version"], { encoding: "utf8" }).stdout).toContain("PostgreSQL");
});
