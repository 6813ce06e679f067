// The portal process is killed (SIGKILL: no shutdown, no cleanup) while suppliers are pledging through the
// real forms. After a restart every pledge is either fully there (with its event and the request's count)
// or not there at all, and the operator's consistency checker finds nothing wrong.
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "~/db.server.ts";
import { checkConsistency } from "~/server/check-consistency.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
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
});

afterAll(async () => {
  await app?.stop();
  await disconnectDb();
  await cluster?.destroy();
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

// Suppliers pledging as fast as they can through the no-JavaScript form, some double-submitting.
function pledgeLoad(baseUrl: string, clients = 8) {
  let stopping = false;
  const outcomes: Outcome[] = [];
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let n = 0; !stopping; n++) {
      const key = crypto.randomUUID();
      const requestId = requestIds[(c + n) % requestIds.length];
      const fields = {
        submissionKey: key,
        quantity: String(1 + ((c + n) % 4)),
        message: "We can send a team of volunteers.",
        expectedDeliveryDate: inAMonth(),
      };
      const times = n % 5 === 0 ? 2 : 1; // a double-click sends the same form twice
      for (let t = 0; t < times && !stopping; t++) {
        try {
          const res = await postForm(baseUrl, `/requests/${requestId}/pledge`, fields, {
            cookie: suppliers[c % suppliers.length],
          });
          await res.arrayBuffer();
          outcomes.push({ status: res.status, location: res.headers.get("location"), key });
        } catch {
          outcomes.push({ status: 0, key }); // the connection died with the process
        }
      }
    }
  });
  return {
    outcomes,
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

describe("the portal killed while suppliers are pledging", () => {
  it("keeps every pledge whole or absent, and the quantities add up after a restart", async () => {
    app = await startApp({ databaseUrl, runJobs: false });
    const load = pledgeLoad(app.url);
    await waitFor("a good number of pledges to go through", async () => (await db.pledge.count()) >= 25, {
      timeoutMs: 120_000,
    });
    await app.kill(); // SIGKILL mid-flight: transactions in progress are cut off
    await load.stop();
    app = undefined;

    // the refused answers (a request full) are the form's own errors, never a server error
    const statuses = new Set(load.outcomes.map((o) => o.status));
    expect([...statuses].filter((s) => ![0, 302, 303, 400].includes(s))).toEqual([]);
    expect(load.outcomes.some((o) => o.status === 302)).toBe(true);
    // some forms were in flight when the process died
    expect(load.outcomes.some((o) => o.status === 0)).toBe(true);

    // the data as the killed process left it, before anything could repair it
    expect(await violations()).toEqual([]);

    app = await startApp({ databaseUrl, runJobs: false });
    expect(await violations()).toEqual([]);

    // every pledge the portal confirmed (redirected to) is there, once, with its history
    for (const outcome of load.outcomes.filter((o) => o.status === 302)) {
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
    const again = pledgeLoad(app.url, 2);
    await new Promise((r) => setTimeout(r, 2_000));
    await again.stop();
    expect(again.outcomes.every((o) => [302, 400].includes(o.status))).toBe(true);
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
