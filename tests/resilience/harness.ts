// Process-level test harness: a throwaway PostgreSQL cluster that can be stopped and started again, and
// the built portal run as real processes (`node --import tsx app/server/start.ts`, as `npm start` runs it) that can be
// stopped or killed.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { disconnectDb } from "~/db.server.ts";
import { resetEnvCache } from "~/env.server.ts";
import {
  freePort,
  startEmbeddedPostgres,
  stopPostmasterOf,
  type EmbeddedPostgresHandle,
} from "~/server/embedded-postgres.ts";
import { migrateDeploy } from "~/server/migrate.ts";
import { commandLineOf } from "../helpers/processes.ts";

export function tempDir(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `svm-resilience-${prefix}-`));
  // PostgreSQL runs as the OS user `postgres` when we are root: it must be able to enter the folder
  fs.chmodSync(dir, 0o755);
  return dir;
}

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs = 60_000, intervalMs = 250 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError}` : ""}`);
}

// ---------------------------------------------------------------- PostgreSQL

export type Cluster = {
  port: number;
  adminUrl: string;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
};

export async function startCluster(): Promise<Cluster> {
  const dir = tempDir("pg");
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  let handle: EmbeddedPostgresHandle | undefined = await startEmbeddedPostgres({
    dataDir,
    port,
    unsafeFast: true,
  });
  const urlFor = (database: string) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    adminUrl: urlFor("postgres"),
    urlFor,
    async createDatabase(name) {
      const admin = new pg.Client({ connectionString: urlFor("postgres") });
      await admin.connect();
      try {
        await admin.query(`create database "${name}"`);
      } finally {
        await admin.end();
      }
      const url = urlFor(name);
      await migrateDeploy(url);
      return url;
    },
    async stop() {
      await handle?.stop();
      handle = undefined;
    },
    async start() {
      // same folder and port: to the app it is the same server coming back
      handle = await startEmbeddedPostgres({ dataDir, port, unsafeFast: true });
    },
    async destroy() {
      await handle?.stop().catch(() => undefined);
      handle = undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Points this test process (factories, domain calls, Prisma) at a database.
export async function useDatabase(url: string) {
  await disconnectDb();
  process.env.DATABASE_URL = url;
  resetEnvCache();
}

// ---------------------------------------------------------------- the portal as a process

export type AppProcess = {
  port: number;
  url: string;
  pid: number;
  output(): string;
  alive(): boolean;
  exitCode: Promise<number | null>;
  // SIGKILL the whole process group (the portal and any child of it still in its group)
  kill(): Promise<void>;
  // SIGTERM and wait for the graceful shutdown
  stop(): Promise<void>;
};

export type AppOptions = {
  // none: the portal starts its own embedded PostgreSQL under its DATA_DIR, as `npm start` does
  databaseUrl?: string;
  port?: number;
  appUrl?: string;
  resendUrl?: string;
  runJobs?: boolean;
  // evidence files; by default a folder of the process's own
  uploadDir?: string;
  logLevel?: string;
  env?: Record<string, string>;
};

const running = new Set<AppProcess>();
const groups = new Set<ChildProcess>();
// If the test worker itself dies, take the portals it started with it (they run in their own groups).
process.on("exit", () => {
  for (const child of groups) signalGroup(child, "SIGKILL");
});

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

// What `npm start` is given for a portal on `port` whose own files (and embedded PostgreSQL, without a
// databaseUrl) live under `dataDir`.
export function appEnv(port: number, dataDir: string, options: AppOptions): NodeJS.ProcessEnv {
  const url = `http://127.0.0.1:${port}`;
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    DATABASE_POOL_SIZE: "5",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: options.appUrl ?? url,
    SVM_BUILD_DIR: inject("resilienceBuildDir"),
    DATA_DIR: dataDir,
    UPLOAD_DIR: options.uploadDir ?? path.join(dataDir, "uploads"),
    SEED_DEMO_DATA: "false",
    RUN_JOBS: options.runJobs === false ? "false" : "true",
    RESEND_API_KEY: "re_test_resilience",
    ...(options.resendUrl ? { RESEND_BASE_URL: options.resendUrl } : {}),
    COOKIE_SECRET: "resilience-tests-cookie-secret",
    LOG_LEVEL: options.logLevel ?? "warn",
    CHECKPOINT_DISABLE: "1",
    // tsx's transform cache off, as on a fresh machine: each TypeScript file the portal loads is compiled by tsx's
    // esbuild process then, which a Ctrl-C (sent to the whole group) stops, so one loaded only when stopping failed
    // there and nowhere the cache was warm
    TSX_DISABLE_CACHE: "1",
    ...options.env,
  };
}

// The embedded PostgreSQL a portal started under its DATA_DIR (start.ts keeps it in <DATA_DIR>/postgres) runs in
// its own process group, so a SIGKILL of the portal's group leaves it running: it is stopped (and waited for)
// before its folder is deleted from under it.
export async function removeAppData(dataDir: string) {
  const postgresDir = path.join(dataDir, "postgres");
  if (!(await stopPostmasterOf(postgresDir))) throw new Error(`PostgreSQL on ${postgresDir} did not stop`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export async function startApp(options: AppOptions): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const dataDir = tempDir("app");
  // Node itself, not the tsx command: that command is a process in between that forwards a stop signal and, if the
  // portal has not acknowledged it within about 60 ms (a loaded machine), kills it with SIGKILL (decision 002)
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/start.ts"], {
    cwd: process.cwd(),
    detached: true, // its own process group, as a terminal runs it: a kill reaches whatever it has started there
    stdio: ["ignore", "pipe", "pipe"],
    env: appEnv(port, dataDir, options),
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 4_000_000) output = output.slice(-2_000_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited = false;
  groups.add(child);
  const exitCode = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      exited = true;
      resolve(code);
    }),
  );

  const app: AppProcess = {
    port,
    url,
    pid: child.pid!,
    output: () => output,
    alive: () => !exited,
    exitCode,
    async kill() {
      signalGroup(child, "SIGKILL");
      await exitCode;
      groups.delete(child);
      running.delete(app);
      await removeAppData(dataDir);
    },
    async stop() {
      if (!exited) {
        signalGroup(child, "SIGTERM");
        const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 25_000);
        await exitCode;
        clearTimeout(timer);
      }
      // the group may still hold a grandchild if the parent went first
      signalGroup(child, "SIGKILL");
      groups.delete(child);
      running.delete(app);
      await removeAppData(dataDir);
    },
  };
  running.add(app);

  try {
    await waitFor(
      `the portal on port ${port} to answer /healthz`,
      // an exit ends the wait at once (thrown here, waitFor would go on asking until its time ran out)
      async () => exited || (await fetch(`${url}/healthz`)).status === 200,
      { timeoutMs: 180_000, intervalMs: 300 },
    );
    if (exited) throw new Error(`the portal exited early:\n${output}`);
  } catch (error) {
    await app.stop();
    throw new Error(`${error instanceof Error ? error.message : error}\n--- portal output ---\n${output}`);
  }
  return app;
}

// The processes whose command line names a folder under `dir` (a postmaster is started with `-D <its folder>`,
// initdb with `--pgdata=<its folder>`).
export function processesUnder(dir: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    if (commandLineOf(Number(entry))?.includes(dir)) found.push(Number(entry));
  }
  return found;
}

export const noneLeftUnder = (dir: string) =>
  waitFor(`no process left under ${dir}`, () => processesUnder(dir).length === 0, { timeoutMs: 20_000 });

// What `npm start` runs (its script in package.json, without npm, or `npm start` itself), in a group of its own as
// a terminal runs it, on its own DATA_DIR, until it exits by itself; `cleanups` (run by the test file after each
// test) kill what is left and stop a PostgreSQL left on the folder.
const [startCommand, ...startArgs] = (
  JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } }
).scripts.start.split(" ");
export function startPortal(
  cleanups: (() => Promise<unknown> | unknown)[],
  port: number,
  dataDir: string,
  { viaNpm = false }: { viaNpm?: boolean } = {},
) {
  cleanups.push(() => removeAppData(dataDir));
  const child = spawn(
    viaNpm ? "npm" : startCommand === "node" ? process.execPath : startCommand!,
    viaNpm ? ["start"] : startArgs,
    {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: appEnv(port, dataDir, { runJobs: false, logLevel: "info" }),
    },
  );
  cleanups.push(() => signalGroup(child, "SIGKILL"));
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // the processes still running on its data folder as it exits (a postmaster, initdb)
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; left: number[] }>(
    (resolve) => child.on("exit", (code, signal) => resolve({ code, signal, left: processesUnder(dataDir) })),
  );
  return {
    dataDir,
    pid: child.pid!,
    output: () => output,
    exit,
    exitCode: exit.then(({ code }) => code),
    // the messages of its JSON log lines, in order
    messages: () =>
      output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => (JSON.parse(line) as { msg?: string }).msg ?? ""),
  };
}

// ---------------------------------------------------------------- HTTP as a browser without JavaScript

export async function postForm(
  baseUrl: string,
  pathname: string,
  fields: Record<string, string>,
  { cookie, origin = baseUrl }: { cookie?: string; origin?: string } = {},
) {
  return fetch(`${baseUrl}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}
