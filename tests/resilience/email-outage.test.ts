// The email provider goes down for a while: emails the running portal writes (suppliers pledging through
// the real form) are kept, and once the provider is back its worker sends each one exactly once.
import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { db, disconnectDb } from "~/db.server.ts";
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
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy.ts";

let cluster: Cluster;
let app: AppProcess;
let fake: Awaited<ReturnType<typeof startFakeResend>>;
// counts every call the portal makes to the provider, including refused ones and repeats
let provider: RoundRobinProxy;

beforeAll(async () => {
  cluster = await startCluster();
  const url = await cluster.createDatabase("email_outage");
  await useDatabase(url);
  fake = await startFakeResend();
  provider = await startRoundRobinProxy([fake.url]);
  app = await startApp({ databaseUrl: url, resendUrl: provider.url });
});

afterAll(async () => {
  await app?.stop();
  await provider?.close();
  await fake?.close();
  await disconnectDb();
  await cluster?.destroy();
});

it("delivers every email exactly once after an outage", async () => {
  const world = await createWorld();
  const request = await openRequest(world, 50);
  const cookie = await sessionCookieFor(world.users.supplierOwner.id);
  fake.setDown(true);

  // three pledges while the provider is down: each tells the charity by email
  for (const quantity of [5, 10, 15]) {
    const res = await postForm(
      app.url,
      `/requests/${request.id}/pledge`,
      {
        submissionKey: crypto.randomUUID(),
        quantity: String(quantity),
        expectedDeliveryDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      },
      { cookie },
    );
    expect(res.status).toBe(302);
  }
  const written = await db.emailOutbox.findMany({ select: { id: true, subject: true, to: true } });
  expect(written.length).toBeGreaterThanOrEqual(3);

  // the worker tries while the provider is down, and keeps each email for later
  await waitFor("the worker to try every email while the provider is down", async () => {
    const rows = await db.emailOutbox.findMany({ select: { attempts: true, status: true } });
    return rows.every((r) => r.attempts >= 1 && r.status === "PENDING");
  });
  expect(fake.sent).toHaveLength(0);
  expect(await db.emailOutbox.count({ where: { lastError: { not: null } } })).toBe(written.length);

  fake.setDown(false);
  await waitFor(
    "every email to be sent once the provider is back (after the retry backoff)",
    async () => (await db.emailOutbox.count({ where: { status: "SENT" } })) === written.length,
    { timeoutMs: 180_000, intervalMs: 1000 },
  );
  // a few more worker rounds: nothing is sent again
  await new Promise((r) => setTimeout(r, 7_000));

  // each email reached the provider once, under its own outbox row's idempotency key
  expect(fake.sent.map((e) => e.idempotencyKey).sort()).toEqual(written.map((w) => `outbox-${w.id}`).sort());
  expect(fake.sent.map((e) => `${e.to[0]} ${e.subject}`).sort()).toEqual(
    written.map((w) => `${w.to} ${w.subject}`).sort(),
  );
  const rows = await db.emailOutbox.findMany({ select: { providerId: true, attempts: true, status: true } });
  expect(rows.every((r) => r.status === "SENT" && r.providerId?.startsWith("fake_"))).toBe(true);
  expect(new Set(rows.map((r) => r.providerId)).size).toBe(written.length);
  // every call the provider received is one recorded attempt: no attempt was made twice
  const attempts = rows.reduce((sum, r) => sum + r.attempts, 0);
  expect(provider.served[0]).toBe(attempts);
  expect(attempts).toBeGreaterThan(written.length);
  expect(app.alive()).toBe(true);
});
