// `npm run bench`: load-tests the public marketplace list on the 100,000-request seed with autocannon,
// next to a bare Remix route in the same run, at 10 and 50 connections, and writes a dated report to
// docs/benchmarks/. Uses its own embedded PostgreSQL in .data/bench (seeded once, kept between runs).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "../../app/server/embedded-postgres.ts";
import { migrateDeploy } from "../../app/server/migrate.ts";
import { javascriptPerPage } from "../helpers/page-javascript.ts";
import { descendants, residentBytes } from "../helpers/processes.ts";

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, ".data/bench");
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = [10, 50];
// BENCH_ONLY="Council dashboard": only the rows whose name contains it, printed, no report written.
// BENCH_PROFILE=1: the portal records a CPU profile (.data/bench/profiles/*.cpuprofile, for Chrome DevTools).
const only = process.env.BENCH_ONLY;
// the portal as production should run it: a worker process per core (decision 026), unless set
const workers = Number(process.env.WEB_CONCURRENCY ?? os.cpus().length);
const profile = process.env.BENCH_PROFILE === "1";

type Row = {
  name: string;
  path: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  // dashboards (issue 9) have their own p95 target and no throughput target
  dashboardP95Target?: number;
};

// to a tenth of a millisecond: finer than that is noise on a shared machine
function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return Math.round(10 * sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]) / 10;
}

// autocannon reports p97.5 but not p95, so every response time is kept to compute p50/p95/p99 exactly.
// `fresh`: every request asks for a new address (the page's own, plus an unused `fresh=<n>` parameter), so the
// public-page cache (decision 021) never answers and each one is rendered, as for varied searches.
function measure(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
  fresh = false,
) {
  return new Promise<Omit<Row, "name" | "path" | "connections">>((resolve, reject) => {
    const times: number[] = [];
    const { pathname, search } = new URL(url);
    let n = 0;
    const requests = fresh
      ? [
          {
            setupRequest: (request: { path?: string }) => ({
              ...request,
              path: `${pathname}${search ? `${search}&` : "?"}fresh=${++n}`,
            }),
          },
        ]
      : undefined;
    const instance = autocannon(
      { url, connections, duration: seconds, pipelining: 1, headers, requests },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({
          rps: result.requests.total / seconds,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
    });
  });
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error("the portal exited during start-up");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer`);
}

type ImportTimes = { previewMs: number; importMs: number };

// The 5,000-row contracts import (tests/bench/import.ts), before the portal starts, on the same database.
function timeImport(databaseUrl: string): ImportTimes | null {
  if (only && !"Contracts import".includes(only)) return null;
  console.log("Timing the 5,000-row contracts import…");
  const run = spawnSync("npx", ["tsx", "tests/bench/import.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", LOG_LEVEL: "warn" },
  });
  if (run.status !== 0) throw new Error("the contracts import benchmark failed");
  const times = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as ImportTimes;
  console.log(`Contracts import, 5,000 rows: preview ${times.previewMs} ms, import ${times.importMs} ms`);
  return times;
}

async function main() {
  console.log("Starting the benchmark database (.data/bench)…");
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
  await ensureDatabase(postgres.urlFor("postgres"), "social_value");
  const databaseUrl = postgres.urlFor("social_value");
  await migrateDeploy(databaseUrl);

  console.log("Seeding the demo data and 100,000 requests (first run only)…");
  const seeded = spawnSync("npx", ["tsx", "prisma/seed-large.ts"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
  });
  if (seeded.status !== 0) throw new Error("seed:large failed");
  const importTimes = timeImport(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    `select count(*)::int as total, count(*) filter (where status in ('OPEN','PARTIALLY_PLEDGED'))::int as open from "Request"`,
  );
  const councilRow = await client.query(
    // the first of the seed's councils, not the one the import benchmark keeps for itself (import.ts)
    `select id from "Organisation" where kind = 'COUNCIL' and name <> 'Benchmark Import Council' order by name limit 1`,
  );
  // signed-in sessions for the dashboards, made the way the portal makes them (only the secret's hash is stored)
  const cookies: Record<string, string> = {};
  for (const email of ["officer@demo.test", "supplier@demo.test", "charity@demo.test"]) {
    const id = crypto.randomBytes(15).toString("base64url");
    const secret = crypto.randomBytes(24).toString("base64url");
    await client.query(
      `insert into "Session" (id, "secretHash", "userId", "createdAt", "lastUsedAt", "expiresAt", "userAgent")
       select $1, $2, u.id, now(), now(), now() + interval '1 day', 'bench' from "User" u where u.email = $3`,
      [id, crypto.createHash("sha256").update(secret).digest(), email],
    );
    cookies[email] = `svm_session=${id}.${secret}`;
  }
  const openRequest = await client.query(
    `select id from "Request" where status = 'OPEN' order by "publishedAt" desc limit 1`,
  );
  await client.end();
  const councilId = councilRow.rows[0].id as string;
  const requestId = openRequest.rows[0].id as string;

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`Starting the production build on ${base}…`);
  // node itself, not npx: a signal to npx does not reach the server it starts, which outlived the run
  const profiling = profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(dataDir, "profiles")}`] : [];
  const server = spawn(process.execPath, [...profiling, "--import", "tsx", "app/server/start.ts"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: base,
      SVM_BUILD_DIR: ".data/bench/build",
      SEED_DEMO_DATA: "false",
      RUN_JOBS: "false",
      WEB_CONCURRENCY: String(workers),
      LOG_LEVEL: "warn",
      CHECKPOINT_DISABLE: "1",
    },
  });
  const results: Row[] = [];
  const javascript: { path: string; files: number; gzipBytes: number }[] = [];
  // the portal's resident memory, all its processes together, sampled through the run
  const memory = { peakBytes: 0, processes: 0, largestBytes: 0 };
  const sampler = setInterval(() => {
    const sizes = [server.pid!, ...descendants(server.pid!).map((p) => p.pid)].map(residentBytes);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    if (total > memory.peakBytes) Object.assign(memory, { peakBytes: total, processes: sizes.length });
    memory.largestBytes = Math.max(memory.largestBytes, ...sizes);
  }, 500);
  try {
    await waitFor(`${base}/healthz`, server);
    const publicPages = [
      { name: "/requests (plain, newest first)", path: "/requests" },
      { name: "/requests searched", path: "/requests?q=laptops" },
      { name: "/requests searched, two words", path: "/requests?q=garden+volunteers" },
      { name: "/requests filtered", path: `/requests?council=${councilId}&helpType=GOODS&sort=closing` },
      { name: "A request page", path: `/requests/${requestId}` },
    ];
    type Scenario = {
      name: string;
      path: string;
      headers?: Record<string, string>;
      fresh?: boolean;
      dashboardP95Target?: number;
    };
    const scenarios: Scenario[] = [
      { name: "Bare Remix route (reference)", path: "/bench/bare" },
      // as anonymous visitors get them (the public-page cache answers most), then each one rendered
      ...publicPages,
      ...publicPages.map((p) => ({ ...p, name: `${p.name}, not cached`, fresh: true })),
      ...[
        { name: "Council dashboard", path: "/council/dashboard", as: "officer@demo.test" },
        { name: "Departmental report", path: "/council/reports?department=all", as: "officer@demo.test" },
        { name: "Supplier dashboard", path: "/dashboard", as: "supplier@demo.test" },
        { name: "VCSE dashboard", path: "/dashboard", as: "charity@demo.test" },
        { name: "Public impact page", path: "/impact", as: "" },
      ].map((d) => ({
        ...d,
        headers: (d.as ? { cookie: cookies[d.as] } : {}) as Record<string, string>,
        dashboardP95Target: 250,
      })),
    ];
    javascript.push(
      ...(await javascriptPerPage(base, [
        "/",
        "/requests",
        `/requests/${requestId}`,
        "/impact",
        "/guidance",
      ])),
    );
    for (const connections of CONNECTIONS) {
      for (const scenario of scenarios.filter((s) => !only || s.name.includes(only))) {
        const url = base + scenario.path;
        const headers = scenario.headers ?? {};
        const check = await fetch(url, { headers, redirect: "manual" });
        if (!check.ok) throw new Error(`${scenario.path} answered ${check.status}`);
        const fresh = scenario.fresh ?? false;
        await measure(url, connections, warmup, headers, fresh);
        const result = await measure(url, connections, duration, headers, fresh);
        results.push({
          name: scenario.name,
          path: scenario.path,
          connections,
          ...result,
          dashboardP95Target: scenario.dashboardP95Target,
        });
        console.log(
          `${String(connections).padStart(3)} conns  ${scenario.name.padEnd(36)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms${result.errors || result.non2xx ? `  (${result.errors} errors, ${result.non2xx} non-2xx)` : ""}`,
        );
      }
    }
  } finally {
    clearInterval(sampler);
    console.log(
      `Memory: peak ${megabytes(memory.peakBytes)} MB resident in ${memory.processes} processes, the largest ${megabytes(memory.largestBytes)} MB`,
    );
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await postgres.stop();
  }
  if (!only) writeReport(results, rows[0], javascript, memory, importTimes);
}

function writeReport(
  results: Row[],
  counts: { total: number; open: number },
  javascript: { path: string; files: number; gzipBytes: number }[],
  memory: { peakBytes: number; processes: number; largestBytes: number },
  importTimes: ImportTimes | null,
) {
  const date = new Date().toISOString().slice(0, 10);
  // a second run the same day gets its own report
  const named = (n: number) =>
    path.join(root, "docs/benchmarks", `${date}-benchmark${n > 1 ? `-${n}` : ""}.md`);
  let run = 1;
  while (fs.existsSync(named(run))) run++;
  const file = named(run);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = [
    `# Benchmark — ${date}${run > 1 ? `, run ${run}` : ""}`,
    "",
    `\`npm run bench\` (tests/bench/run.ts): autocannon against the production build, ${duration} s per row after a ${warmup} s warm-up,`,
    `on ${counts.total.toLocaleString("en-GB")} requests (${counts.open.toLocaleString("en-GB")} open). Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}, Node ${process.version}.`,
    `The portal ran with ${workers} worker ${workers === 1 ? "process" : "processes"} (WEB_CONCURRENCY, decision 026). The bare route is a Remix route that does no work of its own (same root loader, same server), measured in the same run.`,
    "",
    "| Connections | Page | req/s | % of bare | p50 ms | p95 ms | p99 ms | errors |",
    "|---:|---|---:|---:|---:|---:|---:|---:|",
  ];
  const verdicts: string[] = [];
  for (const connections of CONNECTIONS) {
    const bare = results.find((r) => r.connections === connections && r.path === "/bench/bare");
    for (const r of results.filter((x) => x.connections === connections)) {
      const share = bare ? (100 * r.rps) / bare.rps : NaN;
      lines.push(
        `| ${connections} | ${r.name} | ${r.rps.toFixed(0)} | ${share.toFixed(0)}% | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors + r.non2xx} |`,
      );
      if (r.path === "/bench/bare") continue;
      if (r.dashboardP95Target) {
        if (connections >= 50)
          verdicts.push(
            `- ${connections} connections, ${r.name}: p95 ${r.p95} ms (target < ${r.dashboardP95Target} ms) — ${r.p95 < r.dashboardP95Target ? "met" : "NOT met"}.`,
          );
        continue;
      }
      const p95Target = connections >= 50 ? 150 : 50;
      verdicts.push(
        `- ${connections} connections, ${r.name}: throughput ${share.toFixed(0)}% of bare (target ≥ 50%) — ${share >= 50 ? "met" : "NOT met"}; p95 ${r.p95} ms (target < ${p95Target} ms) — ${r.p95 < p95Target ? "met" : "NOT met"}.`,
      );
    }
  }
  lines.push("", "## JavaScript shipped per public page (gzipped, target ≤ 100 KB)", "");
  lines.push("| Page | files | KB gzipped | target |", "|---|---:|---:|---|");
  for (const j of javascript) {
    lines.push(
      `| ${j.path} | ${j.files} | ${(j.gzipBytes / 1024).toFixed(1)} | ${j.gzipBytes <= 100 * 1024 ? "met" : "NOT met"} |`,
    );
  }
  lines.push(
    "",
    "## Memory",
    "",
    `The portal's processes (${memory.processes} at the peak: the primary, its workers and their helpers) held at most ${megabytes(memory.peakBytes)} MB resident together during the run, the largest one ${megabytes(memory.largestBytes)} MB (sampled every half second; PRODUCT.md sets no memory target).`,
  );
  if (importTimes) {
    lines.push(
      "",
      "## Contracts import",
      "",
      `A 5,000-row file (2,500 contracts, 5,000 commitments, 20,000 delivery-plan rows), in a council of its own: preview ${importTimes.previewMs} ms, import ${importTimes.importMs} ms.`,
    );
    verdicts.push(
      `- Contracts import, 5,000 rows: preview ${importTimes.previewMs} ms (target < 5,000 ms) — ${importTimes.previewMs < 5_000 ? "met" : "NOT met"}; import ${importTimes.importMs} ms (target < 15,000 ms) — ${importTimes.importMs < 15_000 ? "met" : "NOT met"}.`,
    );
  }
  lines.push("", "## Against the targets", "", ...verdicts, "");
  fs.writeFileSync(file, lines.join("\n"));
  console.log(`\nReport written to ${path.relative(root, file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
