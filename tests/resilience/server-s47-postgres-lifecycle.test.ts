// The embedded PostgreSQL `npm start` runs in a process group of its own (so Ctrl-C reaches only Node, which stops
// it in order): nothing else stops it, so every way the portal stops must, and a postmaster that is still running
// must never have its files taken from under it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "~/server/embedded-postgres.ts";
import { appEnv, removeAppData, startApp, tempDir, waitFor, type AppProcess } from "./harness.ts";

const TSX = path.resolve("node_modules/.bin/tsx");
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

it("stops its PostgreSQL when it cannot serve after starting it (the port taken)", async () => {
  const taken = net.createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => taken.close(resolve)));
  const dataDir = tempDir("taken");
  cleanups.push(() => removeAppData(dataDir));

  const child = spawn(TSX, ["app/server/start.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: appEnv(port, dataDir, { runJobs: false, logLevel: "info" }),
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));

  // PostgreSQL had started: the migrations ran before the portal tried the port
  expect(output).toContain("database migrations applied");
  expect(output).toContain("EADDRINUSE");
  expect(code, output).toBe(1);
  await noneLeftUnder(dataDir);
  expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
});

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
