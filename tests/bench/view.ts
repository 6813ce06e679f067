// `npm run bench:view`: the CPU time one view of a page costs, measured without HTTP. It loads the production
// server build and calls Remix's request handler in-process for each page, many times in a row, and reports
// `process.cpuUsage()` per view (best of five rounds), next to the bare route `/bench/bare` measured the same way
// in the same run (decision 029). On a shared machine, where wall-clock load tests are noise, this is the figure
// to compare before and after a change; `npm run bench` (autocannon over HTTP) gives the p95.
//
//   DATABASE_URL=postgresql://… npm run bench:view [-- /council/dashboard /dashboard …]
//
// DATABASE_URL: a database seeded by `npm run bench` (.data/bench); nothing is written to it but one Session row
// per signed-in page, deleted at the end. BENCH_VIEW_AS: who signs in (officer@demo.test); BENCH_VIEW_COUNT:
// views per round (200); SVM_BUILD_DIR: where to build (.data/bench-view-build), BENCH_VIEW_NO_BUILD=1 to reuse
// it; BENCH_VIEW_SAVE=<folder>: write each page as served there (to compare two builds' pages). For a CPU profile:
// `node --cpu-prof --import tsx tests/bench/view.ts`.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import pg from "pg";
import { runInRequestScope } from "../../app/server/request-scope.ts";

const root = path.resolve(import.meta.dirname, "../..");
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("set DATABASE_URL to the benchmark database (seeded by npm run bench)");
process.env.NODE_ENV = "production";
process.env.LOG_LEVEL ??= "warn";
process.env.RUN_JOBS = "false";
process.env.CHECKPOINT_DISABLE = "1";
const buildDir = path.resolve(root, process.env.SVM_BUILD_DIR ?? ".data/bench-view-build");
const email = process.env.BENCH_VIEW_AS ?? "officer@demo.test";
const count = Number(process.env.BENCH_VIEW_COUNT ?? 200);
const ROUNDS = 5;
const pages = process.argv.slice(2).filter((a) => a.startsWith("/"));

if (process.env.BENCH_VIEW_NO_BUILD !== "1") {
  console.log(`Building the production server into ${path.relative(root, buildDir)}…`);
  const built = spawnSync("npx", ["remix", "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, SVM_BUILD_DIR: buildDir },
  });
  if (built.status !== 0) throw new Error("remix build failed");
}

async function main() {
  const build = (await import(pathToFileURL(path.join(buildDir, "index.js")).href)) as ServerBuild;
  const handle = createRequestHandler(build, "production");
  // a signed-in session, made the way the portal makes one (only the secret's hash is stored), as run.ts does
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const id = crypto.randomBytes(15).toString("base64url");
  const secret = crypto.randomBytes(24).toString("base64url");
  const made = await client.query(
    `insert into "Session" (id, "secretHash", "userId", "createdAt", "lastUsedAt", "expiresAt", "userAgent")
     select $1, $2, u.id, now(), now(), now() + interval '1 hour', 'bench:view' from "User" u where u.email = $3`,
    [id, crypto.createHash("sha256").update(secret).digest(), email],
  );
  if (made.rowCount !== 1) throw new Error(`no user ${email} in that database`);
  const cookie = `svm_session=${id}.${secret}`;
  try {
    // one view as the server makes it: in a request scope (app/server/http.ts), the whole body read
    const view = async (page: string) => {
      const request = new Request(`http://127.0.0.1${page}`, { headers: { cookie } });
      const response = await runInRequestScope(() =>
        handle(request, { cspNonce: crypto.randomBytes(16).toString("base64") }),
      );
      // the bytes, as the server writes them to the socket: decoding them would be the benchmark's own cost
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
      return body;
    };
    // BENCH_VIEW_BARE=0 leaves the bare route out (for a CPU profile of the page alone)
    const measured = [
      ...(process.env.BENCH_VIEW_BARE === "0" ? [] : ["/bench/bare"]),
      ...(pages.length ? pages : ["/council/dashboard"]),
    ];
    const results: { page: string; bytes: number; hydrationBytes: number; ms: number[] }[] = [];
    for (const page of measured) {
      // warm up: compiled code paths, the shared once-a-minute figures, the database's caches
      let bytes = new ArrayBuffer(0);
      for (let i = 0; i < 30; i++) bytes = await view(page);
      const body = new TextDecoder().decode(bytes);
      if (process.env.BENCH_VIEW_SAVE) {
        fs.mkdirSync(process.env.BENCH_VIEW_SAVE, { recursive: true });
        fs.writeFileSync(
          path.join(process.env.BENCH_VIEW_SAVE, `${page.replace(/[^a-z0-9]+/gi, "_")}.html`),
          body,
        );
      }
      const context = body.match(/window\.__remixContext = (.*?);<\/script>/s)?.[1] ?? "";
      results.push({
        page,
        bytes: bytes.byteLength,
        hydrationBytes: Buffer.byteLength(context),
        ms: [],
      });
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const result of results) {
        const start = process.cpuUsage();
        for (let i = 0; i < count; i++) await view(result.page);
        const used = process.cpuUsage(start);
        result.ms.push((used.user + used.system) / 1000 / count);
      }
    }
    for (const { page, bytes, hydrationBytes, ms } of results) {
      const best = Math.min(...ms);
      console.log(
        `${page}: ${best.toFixed(2)} ms CPU a view (best of ${ROUNDS} rounds of ${count}; rounds ${ms
          .map((m) => m.toFixed(2))
          .join(
            ", ",
          )}), ${(bytes / 1024).toFixed(1)} KB of HTML of which ${(hydrationBytes / 1024).toFixed(1)} KB hydration data`,
      );
    }
  } finally {
    await client.query(`delete from "Session" where id = $1`, [id]);
    await client.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
