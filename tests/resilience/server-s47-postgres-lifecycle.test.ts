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
import { appEnv, removeAppData, startApp, tempDir, waitFor, type AppProcess } from "./harness.ts";

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// The processes whose command line names a folder under `dir` (a postmaster is started with `-D <its folder>`).
function processesUnder(dir: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").includes(dir))
        found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

const noneLeftUnder = (dir: string) =>
  waitFor(`no process left under ${dir}`, () => processesUnder(dir).length === 0, { timeoutMs: 20_000 });

// What `npm start` runs (its script in package.json, without npm), in a group of its own as a terminal runs it,
// on its own DATA_DIR, until it exits by itself; the test's cleanup kills what is left and stops a PostgreSQL left
// on the folder.
const [command, ...args] = (
  JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } }
).scripts.start.split(" ");
function runPortal(port: number, dataDir = tempDir("lifecycle")) {
  cleanups.push(() => removeAppData(dataDir));
  const child = spawn(command === "node" ? process.execPath : command!, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: appEnv(port, dataDir, { runJobs: false, logLevel: "info" }),
  });
  cleanups.push(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone
    }
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return {
    dataDir,
    pid: child.pid!,
    output: () => output,
    exitCode,
    // the messages of its JSON log lines, in order
    messages: () =>
      output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => (JSON.parse(line) as { msg?: string }).msg ?? ""),
  };
}

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

let app: AppProcess | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

it("stops its PostgreSQL on SIGHUP (the terminal closed)", async () => {
  app = await startApp({ runJobs: false, logLevel: "info" });
  const dataDir = processesUnder("svm-resilience-app-")
    .map((pid) =>
      /-D (\S+)\/postgres /.exec(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ")),
    )
    .find((match) => match && app!.output().includes(match[1]!))?.[1];
  expect(dataDir).toBeDefined();
  expect(processesUnder(dataDir!).length).toBeGreaterThan(0);
  // what a terminal does when it closes: SIGHUP to its foreground group (tsx and the node process serving)
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
