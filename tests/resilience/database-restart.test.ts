// PostgreSQL is restarted while the portal is under load: /healthz says 503 while the database is away and
// 200 when it is back, and the same portal process serves pages and sends email again without a restart.
import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db, disconnectDb } from "~/db.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { startFakeResend } from "../helpers/fake-resend.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { openRequest } from "./fixtures.ts";
import {
  postForm,
  startApp,
  startCluster,
  useDatabase,
  waitFor,
  type AppProcess,
  type Cluster,
} from "./harness.ts";

let cluster: Cluster;
let app: AppProcess;
let fake: Awaited<ReturnType<typeof startFakeResend>>;

beforeAll(async () => {
  cluster = await startCluster();
  const url = await cluster.createDatabase("db_restart");
  await useDatabase(url);
  fake = await startFakeResend();
  app = await startApp({ databaseUrl: url, resendUrl: fake.url });
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
  await disconnectDb();
  await cluster?.destroy();
});

// A steady stream of page and health requests from several clients until told to stop.
function startLoad(baseUrl: string, clients = 6) {
  let stopping = false;
  const statuses = new Map<number, number>();
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const paths = ["/healthz", "/", "/guidance", "/requests"];
  const loops = Array.from({ length: clients }, async (_, i) => {
    for (let n = i; !stopping; n++) {
      try {
        const res = await fetch(`${baseUrl}${paths[n % paths.length]}`, {
          signal: AbortSignal.timeout(10_000),
        });
        await res.arrayBuffer();
        count(res.status);
      } catch {
        count(0); // no answer at all
      }
    }
  });
  return {
    statuses,
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

async function health() {
  const res = await fetch(`${app.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: (await res.json()) as { database: string } };
}

it("reports the outage honestly and recovers without a restart", async () => {
  expect((await health()).status).toBe(200);
  const load = startLoad(app.url);
  await new Promise((r) => setTimeout(r, 2_000));

  await disconnectDb(); // this test's own connections: the server is about to go away
  await cluster.stop();
  const down = await waitFor("/healthz to report the database down", async () => {
    const answer = await health();
    return answer.status === 503 ? answer : null;
  });
  expect(down.body.database).toBe("unreachable");
  // it stays honest for as long as the database is away
  await new Promise((r) => setTimeout(r, 3_000));
  expect((await health()).status).toBe(503);
  expect(app.alive()).toBe(true);

  await cluster.start();
  await waitFor("/healthz to report the database back", async () => (await health()).status === 200, {
    timeoutMs: 60_000,
  });
  await new Promise((r) => setTimeout(r, 2_000));
  await load.stop();

  // the same process, still serving: every page answers normally again
  expect(app.alive()).toBe(true);
  for (const path of ["/", "/healthz", "/guidance"]) {
    const res = await fetch(`${app.url}${path}`);
    expect(res.status, path).toBe(200);
  }
  // the load saw the portal answer throughout (a 5xx page while the database was away, never silence)
  expect(load.statuses.get(0) ?? 0).toBe(0);
  expect(load.statuses.get(503) ?? 0).toBeGreaterThan(0);
  expect(load.statuses.get(200) ?? 0).toBeGreaterThan(0);

  // a supplier can pledge again through the form: the write path is back too
  const world = await createWorld();
  const request = await openRequest(world, 10);
  const pledge = await postForm(
    app.url,
    `/requests/${request.id}/pledge`,
    {
      submissionKey: crypto.randomUUID(),
      quantity: "4",
      expectedDeliveryDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
    },
    { cookie: await sessionCookieFor(world.users.supplierOwner.id) },
  );
  expect(pledge.status).toBe(302);
  expect((await db.request.findUniqueOrThrow({ where: { id: request.id } })).pledgedQuantity).toBe(4);

  // and its background worker picked up again: an email written now is delivered
  await db.$transaction((tx) =>
    enqueueEmail(tx, {
      to: "after-restart@example.test",
      subject: "Written after the restart",
      html: "<p>Hi</p>",
      text: "Hi",
      template: "resilience",
    }),
  );
  await waitFor(
    "the worker to deliver an email after the restart",
    () => fake.sent.some((e) => e.subject === "Written after the restart"),
    { timeoutMs: 90_000, intervalMs: 500 },
  );
  expect(fake.sent.filter((e) => e.subject === "Written after the restart")).toHaveLength(1);
});
