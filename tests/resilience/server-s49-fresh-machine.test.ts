// `npm start` on a fresh machine: binaries unpacked without their modes, a data folder that is a symbolic link or
// a mount point, a start that finds a cluster still being made (by another start, or by an initdb its portal left
// behind), and a second start on the data folder of a portal that is running.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { freePort, makeExecutable, startEmbeddedPostgres } from "~/server/embedded-postgres.ts";
import { commandLineOf } from "../helpers/processes.ts";
import { noneLeftUnder, processesUnder, removeAppData, startPortal, tempDir, waitFor } from "./harness.ts";

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

// A data folder that exists and is empty before the first start: a symbolic link to an empty folder elsewhere, or an
// empty folder, which is what a mount point (a Docker volume) is to the portal, save that it can be neither removed
// nor renamed over; the portal now does neither to any folder that exists, so a plain folder takes the mount
// point's way (a mount cannot be made without privileges in a test).
function existingDataFolder(kind: "link" | "folder") {
  const dataDir = tempDir("fresh");
  const postgresDir = path.join(dataDir, "postgres");
  // where the cluster's files end up
  const target = kind === "link" ? path.join(dataDir, "volume") : postgresDir;
  fs.mkdirSync(target);
  if (kind === "link") fs.symlinkSync(target, postgresDir);
  return { dataDir, postgresDir, target };
}

// Waits for a portal to serve; one that exits first ends the wait at once, with its output.
async function serving(portal: ReturnType<typeof startPortal>) {
  let exited = false;
  void portal.exit.then(() => (exited = true));
  await waitFor("the portal to serve", () => exited || portal.output().includes("is running at"), {
    timeoutMs: 180_000,
  });
  if (exited) throw new Error(`the portal exited:\n${portal.output()}`);
}

const makings = (dir: string) => fs.readdirSync(dir).filter((entry) => entry.includes(".initdb-"));

it.each(["link", "folder"] as const)(
  "makes its cluster in an existing empty data folder (%s), keeping the folder, and serves",
  async (kind) => {
    const { dataDir, postgresDir, target } = existingDataFolder(kind);
    // the same folder after the start, not one put in its place (a mount point cannot be replaced)
    const { dev, ino } = fs.statSync(target);
    const port = await freePort();
    const portal = startPortal(cleanups, port, dataDir);
    await serving(portal);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status, portal.output()).toBe(200);
    expect(fs.lstatSync(postgresDir).isSymbolicLink()).toBe(kind === "link");
    expect(fs.existsSync(path.join(target, "PG_VERSION"))).toBe(true);
    expect(fs.statSync(target)).toMatchObject({ dev, ino });
    expect(fs.statSync(target).mode & 0o777).toBe(0o700);
    expect([...makings(dataDir), ...makings(target)]).toEqual([]);
    process.kill(-portal.pid, "SIGINT");
    expect(await portal.exitCode, portal.output()).toBe(0);
    await noneLeftUnder(dataDir);
  },
);

it("makes the cluster again on the start after one cut off while initdb ran in a linked data folder", async () => {
  const { dataDir, postgresDir, target } = existingDataFolder("link");
  const first = startPortal(cleanups, await freePort(), dataDir);
  const initdb = await waitFor(
    "initdb to run",
    () => processesUnder(dataDir).find((pid) => commandLineOf(pid)?.includes("initdb")),
    { timeoutMs: 180_000, intervalMs: 20 },
  );
  process.kill(-first.pid, "SIGKILL");
  process.kill(initdb, "SIGKILL");
  await first.exitCode;
  await noneLeftUnder(dataDir);
  // cut off halfway: the link kept, a half-made cluster in the folder initdb wrote into, inside the data folder
  expect(fs.lstatSync(postgresDir).isSymbolicLink()).toBe(true);
  expect(makings(target)).toEqual([`.initdb-${first.pid}`]);

  const port = await freePort();
  const second = startPortal(cleanups, port, dataDir);
  await serving(second);
  expect(second.messages(), second.output()).toContain("database migrations applied");
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status, second.output()).toBe(200);
  expect(makings(target)).toEqual([]);
  expect(fs.lstatSync(postgresDir).isSymbolicLink()).toBe(true);
  process.kill(-second.pid, "SIGINT");
  expect(await second.exitCode, second.output()).toBe(0);
  await noneLeftUnder(dataDir);
});

// A start cut off while it moved initdb's files up into the data folder: some moved, PG_VERSION (moved last) not
// yet, or every file moved and only the emptied folder left.
const deadPid = () => spawnSync("true").pid;
it.each([
  { when: "before PG_VERSION was moved", moved: ["base", "global"], pgVersion: false },
  { when: "after every file was moved", moved: [], pgVersion: true },
])("starts on a data folder a start left $when", async ({ moved, pgVersion }) => {
  const { dataDir, postgresDir, target } = existingDataFolder("link");
  cleanups.push(() => removeAppData(dataDir));
  if (pgVersion) {
    // a whole cluster, then the emptied folder of the start that made it
    const handle = await startEmbeddedPostgres({ dataDir: postgresDir, unsafeFast: true });
    await handle.stop();
  }
  fs.mkdirSync(path.join(target, `.initdb-${deadPid()}`));
  for (const entry of moved) fs.mkdirSync(path.join(target, entry));
  const before = pgVersion ? fs.readFileSync(path.join(target, "PG_VERSION"), "utf8") : undefined;
  fs.writeFileSync(path.join(target, "global", "half-made"), "");

  const handle = await startEmbeddedPostgres({ dataDir: postgresDir, unsafeFast: true });
  await handle.stop();

  expect(makings(target)).toEqual([]);
  // the cluster kept (its files untouched), or made again (the half-made files gone)
  expect(fs.existsSync(path.join(target, "global", "half-made"))).toBe(pgVersion);
  if (before) expect(fs.readFileSync(path.join(target, "PG_VERSION"), "utf8")).toBe(before);
});

// Where a start makes its cluster: beside a data folder that does not exist yet, or inside one that does.
const makingIn = (dataDir: string, where: "beside" | "inside", pid: number) => {
  const postgresDir = path.join(dataDir, "postgres");
  if (where === "inside") fs.mkdirSync(postgresDir);
  const making =
    where === "inside" ? path.join(postgresDir, `.initdb-${pid}`) : `${postgresDir}.initdb-${pid}`;
  fs.mkdirSync(making);
  return { postgresDir, making };
};

// A process standing in for another, named by its command line; stopped (SIGKILL) after the test.
async function standIn(script: string, args: string[]) {
  const child = spawn(process.execPath, ["-e", `${script}; console.log("ready")`, "--", ...args], {
    detached: true,
    stdio: ["ignore", "pipe", "ignore"],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  await new Promise((resolve) => child.stdout.once("data", resolve));
  return child;
}

it.each(["beside", "inside"] as const)(
  "refuses to start while another start of the portal is making the cluster (%s the data folder), deleting nothing",
  async (where) => {
    const dataDir = tempDir("making");
    cleanups.push(() => removeAppData(dataDir));
    // the other start: a live Node process, whose pid names the folder its initdb writes into
    const other = await standIn("setInterval(() => {}, 1000)", ["app/server/start.ts"]);
    const { postgresDir, making } = makingIn(dataDir, where, other.pid!);
    fs.writeFileSync(path.join(making, "PG_VERSION"), "17\n");

    await expect(startEmbeddedPostgres({ dataDir: postgresDir, unsafeFast: true })).rejects.toThrow(
      `Another start of the portal (pid ${other.pid}) is making the database in ${postgresDir}`,
    );
    expect(fs.existsSync(path.join(making, "PG_VERSION"))).toBe(true);
    expect(other.exitCode).toBeNull();
  },
);

it.each(["beside", "inside"] as const)(
  "stops an initdb whose start has gone, and waits for it, before making the cluster again (%s the data folder)",
  async (where) => {
    const dataDir = tempDir("orphan");
    cleanups.push(() => removeAppData(dataDir));
    const { postgresDir, making } = makingIn(dataDir, where, deadPid());
    // an initdb left writing into the folder, in a group of its own; asked to stop, it writes once more first, so
    // a start that deleted the folder without waiting for it to go would find it made again
    const initdb = await standIn(
      `const fs = require("node:fs");
       process.on("SIGTERM", () => setTimeout(() => {
         fs.mkdirSync(${JSON.stringify(making)}, { recursive: true });
         fs.writeFileSync(${JSON.stringify(path.join(making, "late"))}, "");
         process.exit(0);
       }, 500));
       setInterval(() => {}, 1000)`,
      [`--pgdata=${making}`],
    );
    const exited = new Promise((resolve) => initdb.once("exit", resolve));

    const handle = await startEmbeddedPostgres({ dataDir: postgresDir, unsafeFast: true });
    await handle.stop();

    expect(await exited).toBe(0);
    expect(fs.existsSync(making)).toBe(false);
    expect(fs.existsSync(path.join(postgresDir, "PG_VERSION"))).toBe(true);
    expect([...makings(dataDir), ...makings(postgresDir)]).toEqual([]);
  },
);

it("refuses a second start on the data folder of a running portal, leaving that portal's PostgreSQL running", async () => {
  const dataDir = tempDir("second");
  const port = await freePort();
  const first = startPortal(cleanups, port, dataDir);
  await serving(first);
  const postgresDir = path.join(dataDir, "postgres");
  const pidFile = fs.readFileSync(path.join(postgresDir, "postmaster.pid"), "utf8");

  const second = startPortal(cleanups, await freePort(), dataDir);
  // it exits, or (taking the folder from the first) serves
  let exited = false;
  void second.exit.then(() => (exited = true));
  await waitFor("the second start to end", () => exited || second.output().includes("is running at"), {
    timeoutMs: 180_000,
  });

  expect(await Promise.race([second.exitCode, "serving"]), second.output()).toBe(1);
  expect(second.output()).toContain(
    `The portal is already running on ${postgresDir} (process ${first.pid}). ` +
      `Stop it first, or set DATA_DIR to use another data folder.`,
  );
  expect(second.output()).not.toContain("stopping an orphaned PostgreSQL");
  // the first portal's database untouched: the same postmaster, and a health check that reaches it
  expect(fs.readFileSync(path.join(postgresDir, "postmaster.pid"), "utf8")).toBe(pidFile);
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status, first.output()).toBe(200);
  expect(first.output()).not.toContain("terminating connection due to administrator command");
  process.kill(-first.pid, "SIGINT");
  expect(await first.exitCode, first.output()).toBe(0);
  await noneLeftUnder(dataDir);
});
