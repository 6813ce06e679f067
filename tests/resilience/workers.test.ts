// WEB_CONCURRENCY=2: one primary process and two workers serving the same port. A worker that dies is replaced
// while the other goes on answering; SIGTERM to the primary stops the workers and then the primary, cleanly.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, startCluster, waitFor, type AppProcess, type Cluster } from "./harness.ts";

let cluster: Cluster;
let app: AppProcess;

beforeAll(async () => {
  cluster = await startCluster();
  const databaseUrl = await cluster.createDatabase("workers");
  app = await startApp({ databaseUrl, logLevel: "info", env: { WEB_CONCURRENCY: "2" } });
}, 240_000);

afterAll(async () => {
  await app?.stop();
  await cluster?.destroy();
});

// The portal's processes below the one the harness started (tsx): the primary, and the workers it forked.
function portalProcesses() {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const depth = (pid: number): number => {
    let d = 0;
    for (let p: number | undefined = pid; p && p !== app.pid; p = parentOf.get(p)) {
      if (p === 1 || d > 10) return -1;
      d++;
    }
    return d;
  };
  const below = [...parentOf.keys()].filter((pid) => depth(pid) > 0);
  const primary = below.filter((pid) => parentOf.get(pid) === app.pid);
  const workers = below.filter((pid) => primary.includes(parentOf.get(pid)!));
  return { primary: primary[0], workers };
}

const healthy = async () => (await fetch(`${app.url}/healthz`)).status === 200;

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
  });

  it("replaces a worker that dies, answering all along", async () => {
    const [victim, survivor] = portalProcesses().workers;
    process.kill(victim, "SIGKILL");
    for (let i = 0; i < 20; i++) expect(await healthy()).toBe(true);
    const replaced = await waitFor("a new worker", () => {
      const { workers } = portalProcesses();
      return workers.length === 2 && !workers.includes(victim) && workers;
    });
    expect(replaced).toContain(survivor);
    expect(app.output()).toContain("a worker stopped unexpectedly");
    await waitFor("the new worker to answer", healthy);
  });

  it("stops the workers and then itself on SIGTERM to the primary", async () => {
    const { primary, workers } = portalProcesses();
    process.kill(primary, "SIGTERM");
    expect(await app.exitCode).toBe(0);
    expect(app.output()).toContain("stopped cleanly");
    for (const pid of [primary, ...workers]) expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
  });
});
