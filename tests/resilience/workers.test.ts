// WEB_CONCURRENCY=2: one primary process and two workers serving the same port. A worker that dies is replaced
// while the other goes on answering; SIGTERM to the primary stops the workers and then the primary, cleanly.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandLineOf, descendants } from "../helpers/processes.ts";
import { startApp, startCluster, waitFor, type AppProcess, type Cluster } from "./harness.ts";

let cluster: Cluster;
let app: AppProcess;
let databaseUrl: string;

beforeAll(async () => {
  cluster = await startCluster();
  databaseUrl = await cluster.createDatabase("workers");
  app = await startApp({ databaseUrl, logLevel: "info", env: { WEB_CONCURRENCY: "2" } });
}, 240_000);

afterAll(async () => {
  await app?.stop();
  await cluster?.destroy();
});

// The portal's processes: the one the harness started (the primary), and the workers it forked (its children
// that run the portal's code: tsx's esbuild process is a child too, of the primary and of each worker).
const runsThePortal = (pid: number) => commandLineOf(pid)?.includes("app/server/start.ts") ?? false;
function portalProcesses() {
  return {
    primary: app.pid,
    workers: descendants(app.pid)
      .filter((p) => p.depth === 1 && runsThePortal(p.pid))
      .map((p) => p.pid),
  };
}

// A new connection each time, as a browser arriving would open: one kept alive to a worker that is then killed
// is reset, whatever the portal does.
const status = (path: string) =>
  new Promise<number | undefined>((resolve, reject) =>
    http
      .get(`${app.url}${path}`, { agent: false, timeout: 10_000 }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
      .on("timeout", () => reject(new Error("no answer in 10 s")))
      .on("error", reject),
  );
const healthy = async () => (await status("/healthz")) === 200;

// The processes that wrote the request log's lines for a path (each JSON log line names its process).
function servedBy(path: string) {
  return app
    .output()
    .split("\n")
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { pid?: number; req?: { url?: string } };
        return entry.req?.url === path && entry.pid ? [entry.pid] : [];
      } catch {
        return [];
      }
    });
}

describe("the portal with two worker processes", () => {
  it("serves from two workers", async () => {
    const { primary, workers } = await waitFor("two workers", () => {
      const found = portalProcesses();
      return found.workers.length === 2 && found;
    });
    expect(primary).toBeDefined();
    for (let i = 0; i < 20; i++) expect(await healthy()).toBe(true);
    expect(app.output().match(/Social Value Marketplace: /g)).toHaveLength(1);
    expect(workers).toHaveLength(2);
    // and both answer: each page's request log line names the process that served it. A worker takes requests once
    // it listens, a moment after its process starts (longer on a busy machine, when the first may take them all),
    // so pages are asked for until both have answered; a worker that never answers fails the wait.
    const served = await waitFor("both workers to answer", async () => {
      expect(await status("/accessibility")).toBe(200);
      const pids = new Set(servedBy("/accessibility"));
      return pids.size >= 2 && pids;
    });
    expect(served).toEqual(new Set(workers));
  });

  it("replaces a worker that dies, answering all along", async () => {
    const [victim, survivor] = portalProcesses().workers;
    process.kill(victim, "SIGKILL");
    // once the primary has noticed (a connection handed to the worker in the instant it died is lost with it:
    // decision 026), the other worker answers every request while the new one starts
    await waitFor("the primary to notice", () => app.output().includes("a worker stopped unexpectedly"));
    for (let i = 0; i < 20; i++) expect(await healthy()).toBe(true);
    const replaced = await waitFor("a new worker", () => {
      const { workers } = portalProcesses();
      return workers.length === 2 && !workers.includes(victim) && workers;
    });
    expect(replaced).toContain(survivor);
    await waitFor("the new worker to answer", healthy);
  });

  it("stops the workers and then itself on SIGTERM to the primary", async () => {
    const { primary, workers } = portalProcesses();
    process.kill(primary!, "SIGTERM");
    expect(await app.exitCode).toBe(0);
    expect(app.output()).toContain("stopped cleanly");
    for (const pid of [primary, ...workers]) expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
  });
});

describe("workers that cannot serve", () => {
  it("are not restarted for ever: the portal stops and says why", async () => {
    // the port is taken (by something answering 503, so the harness's health check goes on asking until the
    // portal exits): every worker fails as it starts
    const taken = http.createServer((_req, res) => res.writeHead(503).end()).listen(0, "127.0.0.1");
    await new Promise((resolve) => taken.once("listening", resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const started = startApp({ databaseUrl, port, env: { WEB_CONCURRENCY: "2" }, logLevel: "info" });
      await expect(started).rejects.toThrow(/a worker stopped before it could serve: giving up/);
    } finally {
      taken.close();
    }
  });
});
