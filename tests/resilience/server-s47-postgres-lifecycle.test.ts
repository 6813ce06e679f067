// The embedded PostgreSQL `npm start` runs in a process group of its own (so Ctrl-C reaches only Node, which stops
// it in order): nothing else stops it, so every way the portal stops must, and a postmaster that is still running
// must never have its files taken from under it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterEach, expect, it } from "vitest";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "~/server/embedded-postgres.ts";
import { commandLineOf } from "../helpers/processes.ts";
import {
  noneLeftUnder,
  processesUnder,
  removeAppData,
  startApp,
  startPortal,
  tempDir,
  waitFor,
  type AppProcess,
} from "./harness.ts";

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const runPortal = (port: number, dataDir = tempDir("lifecycle"), options: { viaNpm?: boolean } = {}) =>
  startPortal(cleanups, port, dataDir, options);

// Nothing left of the portal's PostgreSQL: no process on its folder and no pid file (a postmaster removes its own
// as it stops; one left would be a postmaster still running, or one that was killed).
async function postgresStopped(dataDir: string) {
  await noneLeftUnder(dataDir);
  expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
}

it("stops its PostgreSQL when it cannot serve after starting it (the port taken)", async () => {
  const taken = net.createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => taken.close(resolve)));

  const portal = runPortal(port);
  const code = await portal.exitCode;
  const output = portal.output();

  // PostgreSQL had started: the migrations ran before the portal tried the port
  expect(output).toContain("database migrations applied");
  expect(output).toContain("EADDRINUSE");
  expect(code, output).toBe(1);
  await postgresStopped(portal.dataDir);
});

it("stops its PostgreSQL when a migration fails, and says it failed to start", async () => {
  const dataDir = tempDir("lifecycle");
  cleanups.push(() => removeAppData(dataDir));
  // a database that already holds a table the first migration creates, so `prisma migrate deploy` fails
  const handle = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), unsafeFast: true });
  try {
    await ensureDatabase(handle.urlFor("postgres"), "social_value");
    const client = new pg.Client({ connectionString: handle.urlFor("social_value") });
    await client.connect();
    await client.query('create table "User" (id text primary key)');
    await client.end();
  } finally {
    await handle.stop();
  }

  const portal = runPortal(await freePort(), dataDir);
  const code = await portal.exitCode;
  const output = portal.output();

  expect(output).toContain("prisma migrate deploy failed");
  expect(portal.messages()).toContain("failed to start");
  expect(output).not.toContain("database migrations applied");
  expect(output).not.toContain("stopped while starting");
  expect(code, output).toBe(1);
  await postgresStopped(portal.dataDir);
});

// (a loop, not it.each: it would cut the descriptions short in the tests' names)
for (const c of [
  {
    when: "Ctrl-C (SIGINT to its group) as soon as it says it is starting PostgreSQL",
    signal: "SIGINT" as const,
    exitCode: 130,
    after: "starting embedded PostgreSQL",
    toGroup: true,
  },
  {
    // the migrations run out of the terminal's group: they are not cut off, they finish first
    when: "Ctrl-C (SIGINT to its group) while the migrations run",
    signal: "SIGINT" as const,
    exitCode: 130,
    after: "applying database migrations",
    toGroup: true,
  },
  {
    // as a service manager stops the one process it runs: the migrations are not cut off, they finish first
    when: "SIGTERM to the portal's process alone while the migrations run",
    signal: "SIGTERM" as const,
    exitCode: 143,
    after: "applying database migrations",
    toGroup: false,
  },
]) {
  it(`stops while starting on ${c.when}: PostgreSQL stopped, exit ${c.exitCode}`, async () => {
    const portal = runPortal(await freePort());
    await waitFor(`"${c.after}"`, () => portal.output().includes(c.after), {
      timeoutMs: 180_000,
      intervalMs: 50,
    });
    if (c.toGroup) process.kill(-portal.pid, c.signal);
    else process.kill(portal.pid, c.signal);
    const code = await portal.exitCode;
    const output = portal.output();

    expect(code, output).toBe(c.exitCode);
    const messages = portal.messages();
    expect(messages.at(-1), output).toBe("stopped while starting");
    expect(messages, output).not.toContain("failed to start");
    expect(output).not.toContain("is running at");
    if (c.after === "applying database migrations")
      expect(messages, output).toContain("database migrations applied");
    await postgresStopped(portal.dataDir);
  });
}

// What `npm start` does on Ctrl-C, as a shell sees it: npm passes the signal on to the script's shell, which waits
// for the portal; the portal lets the migrations finish and stops PostgreSQL; then the shell, and npm after it, end
// by SIGINT, which a shell reports as exit status 130. Nothing is left running when npm has exited.
it("stops while starting on Ctrl-C through npm start: npm ends by SIGINT (status 130) after the portal has stopped", async () => {
  const portal = runPortal(await freePort(), tempDir("lifecycle"), { viaNpm: true });
  await waitFor(
    '"applying database migrations"',
    () => portal.output().includes("applying database migrations"),
    {
      timeoutMs: 180_000,
      intervalMs: 50,
    },
  );
  process.kill(-portal.pid, "SIGINT");
  const { code, signal, left } = await portal.exit;
  const output = portal.output();

  expect({ code, signal }, output).toEqual({ code: null, signal: "SIGINT" });
  expect(left, output).toEqual([]);
  expect(fs.existsSync(path.join(portal.dataDir, "postgres", "postmaster.pid"))).toBe(false);
  await waitFor('"stopped while starting"', () => portal.messages().at(-1) === "stopped while starting", {
    timeoutMs: 10_000,
  });
  expect(portal.messages(), output).toContain("database migrations applied");
  expect(portal.messages(), output).not.toContain("failed to start");
});

// initdb (a first start) runs out of the terminal's group and into a folder of its own that becomes the data folder
// only once it has finished: a Ctrl-C lets it finish, and an initdb killed halfway leaves nothing that stops the
// next start from making the cluster again.
for (const c of [
  { when: "Ctrl-C (SIGINT to its group) while initdb runs", signal: "SIGINT" as const, exitCode: 130 },
  {
    when: "the portal and initdb killed (SIGKILL) while initdb runs",
    signal: "SIGKILL" as const,
    exitCode: null,
  },
]) {
  it(`comes up with a working database on the start after ${c.when} on its first start`, async () => {
    const dataDir = tempDir("lifecycle");
    const first = runPortal(await freePort(), dataDir);
    const initdb = await waitFor(
      "initdb to run",
      () => processesUnder(dataDir).find((pid) => commandLineOf(pid)?.includes("initdb")),
      { timeoutMs: 180_000, intervalMs: 20 },
    );
    process.kill(-first.pid, c.signal);
    if (c.signal === "SIGKILL") process.kill(initdb, "SIGKILL");
    const code = await first.exitCode;
    const output = first.output();
    expect(code, output).toBe(c.exitCode);
    const postgresDir = path.join(dataDir, "postgres");
    if (c.signal === "SIGINT") {
      // initdb finished, PostgreSQL started on the new cluster, then stopped
      expect(first.messages().at(-1), output).toBe("stopped while starting");
      expect(first.messages(), output).not.toContain("failed to start");
      expect(fs.existsSync(path.join(postgresDir, "PG_VERSION"))).toBe(true);
      await postgresStopped(dataDir);
    } else {
      // cut off halfway: nothing where the data folder goes, a half-made cluster beside it
      await noneLeftUnder(dataDir);
      expect(fs.existsSync(postgresDir)).toBe(false);
      expect(fs.readdirSync(dataDir).some((entry) => entry.startsWith("postgres.initdb-"))).toBe(true);
    }

    const port = await freePort();
    const second = runPortal(port, dataDir);
    await waitFor("the second start to serve", () => second.output().includes("is running at"), {
      timeoutMs: 180_000,
    });
    expect(second.messages(), second.output()).toContain("database migrations applied");
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status, second.output()).toBe(200);
    expect(fs.readdirSync(dataDir).filter((entry) => entry.startsWith("postgres.initdb-"))).toEqual([]);
    process.kill(-second.pid, "SIGINT");
    expect(await second.exitCode, second.output()).toBe(0);
    await postgresStopped(dataDir);
  });
}

let app: AppProcess | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

it("stops its PostgreSQL on SIGHUP (the terminal closed)", async () => {
  app = await startApp({ runJobs: false, logLevel: "info" });
  const dataDir = processesUnder("svm-resilience-app-")
    .map((pid) => /-D (\S+)\/postgres /.exec(commandLineOf(pid) ?? ""))
    .find((match) => match && app!.output().includes(match[1]!))?.[1];
  expect(dataDir).toBeDefined();
  expect(processesUnder(dataDir!).length).toBeGreaterThan(0);
  // what a terminal does when it closes: SIGHUP to its foreground group (the portal)
  process.kill(-app.pid, "SIGHUP");
  await waitFor("the portal to stop", () => app!.output().includes("stopped cleanly"), { timeoutMs: 30_000 });
  await noneLeftUnder(dataDir!);
});

it("refuses to start on a data folder whose postmaster is alive and will not stop, keeping its pid file", async () => {
  const dir = tempDir("alive");
  const dataDir = path.join(dir, "postgres");
  fs.mkdirSync(dataDir);
  cleanups.push(() => removeAppData(dir));
  // a process named like a postmaster on this folder that ignores the fast-shutdown request
  const stubborn = spawn(
    process.execPath,
    [
      "-e",
      "process.on('SIGINT', () => {}); console.log('ready'); setInterval(() => {}, 1000)",
      "--",
      "-D",
      dataDir,
    ],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  cleanups.push(() => stubborn.kill("SIGKILL"));
  await new Promise((resolve) => stubborn.stdout.once("data", resolve));
  const pidFile = path.join(dataDir, "postmaster.pid");
  fs.writeFileSync(pidFile, `${stubborn.pid}\n${dataDir}\n`);

  await expect(startEmbeddedPostgres({ dataDir, unsafeFast: true })).rejects.toThrow(
    `PostgreSQL (pid ${stubborn.pid}) is still running on ${dataDir} and did not stop when asked`,
  );
  expect(fs.readFileSync(pidFile, "utf8")).toContain(String(stubborn.pid));
  expect(stubborn.exitCode).toBeNull();
});

it("stops a postmaster left running before deleting its folder (a killed portal's data)", async () => {
  const dir = tempDir("killed");
  const dataDir = path.join(dir, "postgres");
  // as `npm start` runs it: in a group of its own, which a SIGKILL of the portal's group does not reach
  await startEmbeddedPostgres({ dataDir, unsafeFast: true, ownProcessGroup: true });
  const [postmaster] = processesUnder(dataDir);
  expect(postmaster).toBeDefined();

  await removeAppData(dir);
  expect(processesUnder(dataDir)).toEqual([]);
  expect(fs.existsSync(dir)).toBe(false);
});
