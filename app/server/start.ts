// `npm start`: build if needed, start (or connect to) PostgreSQL, migrate, seed once, serve. With
// WEB_CONCURRENCY above 1 this process forks that many workers that serve on the same port (Node's cluster
// module shares it out), and only starts them, replaces one that dies and stops them (decision 026).
import { spawn } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
// Loaded now, not when stopping: under `node --import tsx` a TypeScript file is compiled on its first load by tsx's
// esbuild process, which is in the terminal's group, so a Ctrl-C stops it too (with a cold tsx cache, as on a
// fresh machine, an import made while stopping then failed and the stop ended in a crash)
import { disconnectDb } from "../db.server.ts";
import { appUrl, getEnv, type Env } from "../env.server.ts";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from "./embedded-postgres.ts";
import { createApp } from "./http.ts";
import { logger } from "./logger.ts";
import { migrateDeploy } from "./migrate.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const buildDir = process.env.SVM_BUILD_DIR ? path.resolve(root, process.env.SVM_BUILD_DIR) : undefined;
const buildFile = buildDir ? path.join(buildDir, "index.js") : path.join(root, "build/index.js");
const assetsDir = buildDir ? path.join(buildDir, "assets") : path.join(root, "public/build");

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

// The build runs out of the terminal's process group, as the migrations and PostgreSQL do: a Ctrl-C while it runs
// reaches only this process, which lets it finish and then stops (see stopWhileStarting). Its output is passed on
// through this process (a process outside the terminal's foreground group must not read the terminal, and may be
// stopped for writing to it).
async function buildIfNeeded() {
  const stale =
    !fs.existsSync(buildFile) || fs.statSync(buildFile).mtimeMs < newestSourceTime(path.join(root, "app"));
  if (!stale) return;
  logger.info("building the portal (first start or changed sources)");
  const child = spawn("npm", ["run", "build"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(process.stdout, { end: false });
  child.stderr.pipe(process.stderr, { end: false });
  // an exit that runs Node's exit handlers before the build has finished stops it too
  const stopOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGTERM");
  };
  process.on("exit", stopOnExit);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  }).finally(() => process.removeListener("exit", stopOnExit));
  if (code !== 0) throw new Error("npm run build failed");
}

// The embedded PostgreSQL once started, so a start-up that fails after it (a migration, the port taken) stops it
// too. It runs in a process group of its own (startInOwnGroup), so no signal sent to this process or its group
// reaches it: this process stops it when it stops in order (a stop signal, a failure), and asks it to stop on
// any exit that runs Node's exit handlers (see startInOwnGroup for which exits those are, and what the next start
// does about one that did not).
let embedded: EmbeddedPostgresHandle | undefined;

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

// A stop signal while starting (Ctrl-C during the migrations) is only noted: the step under way is let finish
// (a migration cut off halfway, or a PostgreSQL not yet ready, is worse to come back to; the build, initdb, the
// postmaster and the migrations run out of the terminal's group, so a Ctrl-C reaches none), then main sees the note
// and stops instead of going on, PostgreSQL with it. The process then exits 128 + the signal's number (130 for
// Ctrl-C, 143 for SIGTERM), as a shell reports a program a signal stopped: it did not start, and not because of
// a failure (that exits 1).
let stopAsked: NodeJS.Signals | undefined;

class StoppedWhileStarting extends Error {}

const stopWhileStarting = (signal: NodeJS.Signals) => {
  if (stopAsked) return;
  stopAsked = signal;
  logger.info({ signal }, "asked to stop while starting: stopping once the step under way has finished");
};

function stopIfAsked() {
  if (stopAsked) throw new StoppedWhileStarting(`stopped by ${stopAsked} while starting`);
}

function onStopSignals(handler: (signal: NodeJS.Signals) => void) {
  for (const signal of STOP_SIGNALS) process.removeListener(signal, stopWhileStarting);
  for (const signal of STOP_SIGNALS) process.on(signal, () => handler(signal));
}

// Stops the embedded PostgreSQL if this process started it; gives up waiting after 15 s (the exit hook then asks
// it once more as the process leaves).
async function stopEmbedded() {
  const handle = embedded;
  embedded = undefined;
  if (!handle) return;
  await Promise.race([
    handle.stop().catch((error: unknown) => logger.error({ err: error }, "stopping PostgreSQL failed")),
    new Promise((resolve) => setTimeout(resolve, 15_000).unref()),
  ]);
}

async function main() {
  process.env.NODE_ENV ??= "production";
  const env = getEnv();
  // a worker: the primary has built, migrated and seeded, and passed on DATABASE_URL
  if (cluster.isWorker) return serve(env, { worker: true });
  for (const signal of STOP_SIGNALS) process.on(signal, stopWhileStarting);
  await buildIfNeeded();
  stopIfAsked();

  if (!env.DATABASE_URL) {
    const dataDir = path.resolve(root, env.DATA_DIR, "postgres");
    logger.info({ dataDir }, "starting embedded PostgreSQL");
    embedded = await startEmbeddedPostgres({
      dataDir,
      ownProcessGroup: true,
      log: (m) => logger.debug({ postgres: m }),
    });
    stopIfAsked();
    await ensureDatabase(embedded.urlFor("postgres"), "social_value");
    process.env.DATABASE_URL = embedded.urlFor("social_value");
  }
  stopIfAsked();
  const databaseUrl = process.env.DATABASE_URL as string;
  logger.info("applying database migrations");
  await migrateDeploy(databaseUrl);
  logger.info("database migrations applied");
  stopIfAsked();

  if (env.SEED_DEMO_DATA === "true") {
    const { seedDemoDataOnce } = await import("../../prisma/seed.ts");
    const seeded = await seedDemoDataOnce();
    if (seeded.logins.length) printDemoLogins(seeded);
    stopIfAsked();
  }

  if (env.WEB_CONCURRENCY > 1) return supervise(env);
  return serve(env, { worker: false });
}

// Serves requests until SIGINT, SIGTERM or SIGHUP (or, in a worker, until the primary is gone), then drains them,
// stops background work, disconnects, stops the embedded PostgreSQL and exits. A server that cannot listen (the
// port taken) stops the same way, exiting 1.
async function serve(env: Env, options: { worker: boolean }) {
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const app = createApp({
    build,
    assetsDir,
    publicDir: path.join(root, "public"),
    production: env.NODE_ENV === "production",
    https: appUrl().startsWith("https://"),
    trustProxy: env.TRUST_PROXY === "true",
    pageCacheSeconds: env.PAGE_CACHE_SECONDS,
    allowedOrigins: [appUrl()],
  });
  const background = build.entry.module as { startBackgroundWork?: () => Promise<() => Promise<void>> };
  const stopBackground = env.RUN_JOBS === "true" ? await background.startBackgroundWork?.() : undefined;
  // the primary's last check before it serves (a worker is stopped by the primary)
  if (!options.worker && stopAsked) {
    await stopBackground?.();
    stopIfAsked();
  }

  const server = app.listen(env.PORT, env.HOST, () => {
    logger.info(`Social Value Marketplace is running at ${appUrl()}`);
    if (!options.worker) announce();
  });

  let stopping = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // the exit hook asks PostgreSQL to stop if this comes first
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    server.closeIdleConnections?.();
    await new Promise((resolve) => server.close(resolve));
    await stopBackground?.();
    await disconnectDb();
    await stopEmbedded();
    logger.info(exitCode ? "stopped after a failure" : "stopped cleanly");
    process.exit(exitCode);
  };
  server.on("error", (error) => {
    logger.fatal({ err: error }, "cannot serve");
    void shutdown("server error", 1);
  });
  onStopSignals((signal) => void shutdown(signal));
  if (options.worker) process.on("disconnect", () => void shutdown("primary gone"));
}

function announce() {
  console.log(`\n  Social Value Marketplace: ${appUrl()}\n`);
}

// The primary of WEB_CONCURRENCY workers. Each slot keeps its settings when its worker is replaced: only the
// first runs the email worker and scheduled jobs (they are safe on several, as on several instances, but one is
// enough on one machine).
// A worker that dies before it ever served (the port taken, a broken build), or workers dying over and over, are
// not replaced: everything stops and the process exits 1, so whatever runs the portal sees it failed.
const MAX_RESTARTS_PER_MINUTE = 5;

function supervise(env: Env) {
  const slots = new Map<Worker, number>();
  const listening = new Set<Worker>();
  const restarts: number[] = [];
  let stopping = false;
  let exitCode = 0;
  let announced = false;
  const fork = (slot: number) => {
    const worker = cluster.fork({ RUN_JOBS: slot === 0 ? env.RUN_JOBS : "false" });
    slots.set(worker, slot);
    worker.on("listening", () => {
      listening.add(worker);
      if (announced) return;
      announced = true;
      announce();
    });
  };
  cluster.on("exit", (worker, code, signal) => {
    const slot = slots.get(worker) ?? 0;
    const served = listening.delete(worker);
    slots.delete(worker);
    if (stopping) {
      if (slots.size === 0) void finish();
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts[0] < now - 60_000) restarts.shift();
    if (!served || restarts.length > MAX_RESTARTS_PER_MINUTE) {
      logger.fatal(
        { slot, code, signal, restartsInLastMinute: restarts.length },
        served ? "workers keep stopping: giving up" : "a worker stopped before it could serve: giving up",
      );
      exitCode = 1;
      return shutdown("worker failure");
    }
    logger.error({ slot, code, signal }, "a worker stopped unexpectedly: starting another");
    setTimeout(() => !stopping && fork(slot), 1000).unref();
  });
  const finish = async () => {
    await stopEmbedded();
    logger.info(exitCode ? "stopped after a failure" : "stopped cleanly");
    process.exit(exitCode);
  };
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: slots.size }, "shutting down the workers");
    // the exit hook asks PostgreSQL to stop if this comes first
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    if (slots.size === 0) return void finish();
    for (const worker of slots.keys()) worker.process.kill("SIGTERM");
  };
  onStopSignals(shutdown);
  for (let slot = 0; slot < env.WEB_CONCURRENCY; slot++) fork(slot);
}

function printDemoLogins(seeded: { password: string; logins: { role: string; email: string }[] }) {
  console.log(`\n  Demo logins (password for every one: ${seeded.password})`);
  // the emails in one column, however long the longest role's description
  const width = Math.max(...seeded.logins.map((login) => login.role.length));
  for (const login of seeded.logins) console.log(`    ${login.role.padEnd(width)}  ${login.email}`);
  console.log("");
}

main().catch(async (error: unknown) => {
  // a stop signal that came while the event loop was held is noted before deciding which this was: its handler
  // runs in the event loop's poll phase, which one setImmediate may not pass through (from a poll callback the
  // loop goes straight on to the immediates), two do
  for (let hop = 0; hop < 2; hop++) await new Promise((resolve) => setImmediate(resolve));
  // decided once: a signal during the stopping below changes nothing that is said
  const stoppedBy = stopAsked;
  if (stoppedBy) {
    // a step that failed while a stop was asked (the steps run out of the terminal's group, so a Ctrl-C does not
    // reach them, but a signal sent to one of them does) is part of the stop, not a failure to report as one
    if (!(error instanceof StoppedWhileStarting))
      logger.info({ err: error }, "the start-up step under way ended with the stop");
  } else {
    logger.fatal({ err: error }, "failed to start");
    console.error(error);
  }
  // the seed's connections close before their server goes
  try {
    await disconnectDb();
  } catch (closeError) {
    logger.warn({ err: closeError }, "closing the database connections failed");
  }
  await stopEmbedded();
  if (stoppedBy) {
    logger.info({ signal: stoppedBy }, "stopped while starting");
    process.exit(128 + os.constants.signals[stoppedBy]);
  }
  process.exit(1);
});
