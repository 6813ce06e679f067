// The portal process is killed (SIGKILL: no shutdown, no cleanup) while suppliers are pledging, uploading
// evidence and submitting quarterly returns through the real forms. After a restart every pledge and return
// is either fully there (with its events, lines and the request's count) or not there at all, and the
// operator's consistency checker finds nothing wrong.
import crypto from "node:crypto";
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "~/db.server.ts";
import { checkConsistency } from "~/server/check-consistency.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createReturn,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { openRequest, type World } from "./fixtures.ts";
import {
  postForm,
  startApp,
  startCluster,
  tempDir,
  useDatabase,
  waitFor,
  type AppProcess,
  type Cluster,
} from "./harness.ts";

let cluster: Cluster;
let databaseUrl: string;
let app: AppProcess | undefined;
let world: World;
let uploadDir: string;
let suppliers: string[]; // session cookies of two verified suppliers' owners
let requestIds: string[];
let returns: { id: string; commitmentIds: string[] }[];

const inAMonth = () => new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

beforeAll(async () => {
  cluster = await startCluster();
  databaseUrl = await cluster.createDatabase("crash");
  await useDatabase(databaseUrl);
  uploadDir = tempDir("uploads");
  world = await createWorld();
  suppliers = [
    await sessionCookieFor(world.users.supplierOwner.id),
    await sessionCookieFor(world.users.otherSupplierOwner.id),
  ];
  requestIds = [];
  // small requests, so that many pledges race for the last few hours of each
  for (let i = 0; i < 8; i++) requestIds.push((await openRequest(world, 30)).id);

  // one contract with three commitments, and forty quarterly returns waiting to be filled in
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    startDate: new Date("2015-04-01"),
  });
  for (let i = 0; i < 3; i++) {
    const measure = await createMeasure({ councilId: world.councilA.id, code: unique("M") });
    await createCommitment({ contractId: contract.id, measureId: measure.id });
  }
  // the order the return form lists them in
  const commitmentIds = (
    await db.commitment.findMany({
      where: { contractId: contract.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    })
  ).map((c) => c.id);
  returns = [];
  for (let year = 2016; year < 2026; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const kpiReturn = await createReturn({ contractId: contract.id, financialYear: year, quarter });
      returns.push({ id: kpiReturn.id, commitmentIds });
    }
  }
});

afterAll(async () => {
  await app?.stop();
  await disconnectDb();
  await cluster?.destroy();
  if (uploadDir) fs.rmSync(uploadDir, { recursive: true, force: true });
});

async function violations() {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await checkConsistency(client, { uploadDir });
  } finally {
    await client.end();
  }
}

type Outcome = { status: number; location?: string | null; key: string };

function returnForm(kpiReturn: (typeof returns)[number], intent: "save" | "submit" | `upload:${string}`) {
  const fields: Record<string, string> = { intent };
  kpiReturn.commitmentIds.forEach((id, i) => {
    fields[`lines[${i}].commitmentId`] = id;
    fields[`lines[${i}].quantity`] = String(10 + i);
    fields[`lines[${i}].note`] = "Hours from the timesheets.";
  });
  if (intent === "submit") fields.declaration = "on";
  return fields;
}

// Suppliers pledging through the no-JavaScript form (some double-submitting) while another fills in and
// submits quarterly returns, as fast as they can.
function startLoad(baseUrl: string, { pledgers = 6, returners = 2 } = {}) {
  let stopping = false;
  const outcomes: Outcome[] = [];
  async function send(key: string, path: string, fields: Record<string, string>, cookie: string) {
    try {
      const res = await postForm(baseUrl, path, fields, { cookie });
      await res.arrayBuffer();
      outcomes.push({ status: res.status, location: res.headers.get("location"), key });
    } catch {
      outcomes.push({ status: 0, key }); // the connection died with the process
    }
  }
  const pledging = Array.from({ length: pledgers }, async (_, c) => {
    for (let n = 0; !stopping; n++) {
      const key = crypto.randomUUID();
      const fields = {
        submissionKey: key,
        quantity: String(1 + ((c + n) % 4)),
        // each form a pledge of its own: the same answers from a fresh form moments later are the first (decision 024)
        message: `We can send a team of volunteers (${c}.${n}).`,
        expectedDeliveryDate: inAMonth(),
      };
      const path = `/requests/${requestIds[(c + n) % requestIds.length]}/pledge`;
      const times = n % 5 === 0 ? 2 : 1; // a double-click sends the same form twice
      for (let t = 0; t < times && !stopping; t++) await send(key, path, fields, suppliers[c % 2]);
    }
  });
  async function upload(kpiReturn: (typeof returns)[number], path: string) {
    const key = kpiReturn.id;
    const form = new FormData();
    for (const [name, value] of Object.entries(
      returnForm(kpiReturn, `upload:${kpiReturn.commitmentIds[0]}`),
    )) {
      form.set(name, value);
    }
    form.set(
      "lines[0].evidence",
      new Blob(["date,hours\n2025-05-01,12\n"], { type: "text/csv" }),
      "timesheet.csv",
    );
    try {
      const res = await fetch(`${baseUrl}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { origin: baseUrl, cookie: suppliers[0] },
        body: form,
      });
      await res.arrayBuffer();
      outcomes.push({ status: res.status, location: res.headers.get("location"), key });
    } catch {
      outcomes.push({ status: 0, key });
    }
  }
  const returning = Array.from({ length: returners }, async (_, c) => {
    for (let n = c; !stopping; n += returners) {
      const kpiReturn = returns[n % returns.length];
      const path = `/returns/${kpiReturn.id}`;
      await upload(kpiReturn, path);
      if (stopping) break;
      await send(kpiReturn.id, path, returnForm(kpiReturn, "save"), suppliers[0]);
      if (!stopping) await send(kpiReturn.id, path, returnForm(kpiReturn, "submit"), suppliers[0]);
    }
  });
  return {
    outcomes,
    async stop() {
      stopping = true;
      await Promise.all([...pledging, ...returning]);
    },
  };
}

describe("the portal killed while suppliers are pledging and submitting returns", () => {
  it("keeps every pledge and return whole or absent, and the quantities add up after a restart", async () => {
    app = await startApp({ databaseUrl, runJobs: false, uploadDir });
    const load = startLoad(app.url);
    await waitFor(
      "a good number of pledges and returns to go through",
      async () =>
        (await db.pledge.count()) >= 25 &&
        (await db.kpiReturn.count({ where: { status: "SUBMITTED" } })) >= 8,
      { timeoutMs: 120_000 },
    );
    await app.kill(); // SIGKILL mid-flight: transactions in progress are cut off
    await load.stop();
    app = undefined;

    // the refused answers (a request full) are the form's own errors, never a server error
    const statuses = new Set(load.outcomes.map((o) => o.status));
    expect([...statuses].filter((s) => ![0, 302, 400, 409].includes(s))).toEqual([]);
    expect(load.outcomes.some((o) => o.location?.includes("/pledges/"))).toBe(true);
    expect(load.outcomes.some((o) => o.location?.includes("/returns/"))).toBe(true);
    // some forms were in flight when the process died
    expect(load.outcomes.some((o) => o.status === 0)).toBe(true);

    // the data as the killed process left it, before anything could repair it
    expect(await violations()).toEqual([]);

    app = await startApp({ databaseUrl, runJobs: false, uploadDir });
    expect(await violations()).toEqual([]);

    // every pledge the portal confirmed (redirected to) is there, once, with its history
    for (const outcome of load.outcomes.filter(
      (o) => o.status === 302 && o.location?.includes("/pledges/"),
    )) {
      const id = outcome.location?.match(/\/pledges\/([^/?]+)/)?.[1];
      expect(id, "redirect to the new pledge").toBeTruthy();
      const pledge = await db.pledge.findUnique({ where: { id }, include: { events: true } });
      expect(pledge?.events.map((e) => e.toStatus)).toEqual(["OFFERED"]);
    }
    // a double-submitted form made one pledge
    const keys = await db.pledge.groupBy({ by: ["submissionKey"], _count: true });
    expect(keys.every((k) => k._count === 1)).toBe(true);
    // nothing was pledged beyond what was asked for
    const requests = await db.request.findMany({ where: { id: { in: requestIds } } });
    expect(requests.every((r) => r.pledgedQuantity <= r.quantity)).toBe(true);

    // the restarted portal carries on where it was
    // every submitted return has its three lines (the checker agrees: see above) and the rest are unchanged
    const submitted = await db.kpiReturn.findMany({
      where: { status: "SUBMITTED" },
      include: { _count: { select: { lines: true } } },
    });
    expect(submitted.length).toBeGreaterThanOrEqual(8);
    expect(submitted.every((r) => r._count.lines === 3 && r.declarationAccepted)).toBe(true);
    // evidence was uploaded before the crash, and every file the database lists is on disk (checker)
    expect(await db.evidenceFile.count()).toBeGreaterThan(0);

    // the restarted portal carries on where it was
    const again = startLoad(app.url, { pledgers: 2, returners: 1 });
    await new Promise((r) => setTimeout(r, 3_000));
    await again.stop();
    expect(again.outcomes.every((o) => [302, 400, 409].includes(o.status))).toBe(true);
    expect(again.outcomes.some((o) => o.status === 302)).toBe(true);
    expect(await violations()).toEqual([]);

    // and the operator's script agrees
    const script = spawnSync("node_modules/.bin/tsx", ["app/server/check-consistency.ts"], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        UPLOAD_DIR: uploadDir,
      },
      encoding: "utf8",
    });
    expect(script.stdout).toContain("No problems found.");
    expect(script.status).toBe(0);
  });
});
