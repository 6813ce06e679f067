// The email provider goes down for a while: the running portal's worker keeps every email and, once the
// provider is back, sends each one exactly once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { db, disconnectDb } from "~/db.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { startFakeResend } from "../helpers/fake-resend.ts";
import { startApp, startCluster, useDatabase, waitFor, type AppProcess, type Cluster } from "./harness.ts";
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

const SUBJECTS = ["Pledge accepted", "Please confirm delivery", "Request approved", "Return due soon"];

it("delivers every email exactly once after an outage", async () => {
  fake.setDown(true);
  await db.$transaction(async (tx) => {
    for (const subject of SUBJECTS) {
      await enqueueEmail(tx, {
        to: `${subject.replace(/\W/g, "").toLowerCase()}@example.test`,
        subject,
        html: `<p>${subject}</p>`,
        text: subject,
        template: "resilience",
      });
    }
  });

  // the worker tries while the provider is down, and keeps each email for later
  await waitFor("the worker to try every email while the provider is down", async () => {
    const rows = await db.emailOutbox.findMany({ select: { attempts: true, status: true } });
    return rows.length === SUBJECTS.length && rows.every((r) => r.attempts >= 1 && r.status === "PENDING");
  });
  expect(fake.sent).toHaveLength(0);
  expect(await db.emailOutbox.count({ where: { lastError: { not: null } } })).toBe(SUBJECTS.length);

  fake.setDown(false);
  await waitFor(
    "every email to be sent once the provider is back (after the retry backoff)",
    async () => (await db.emailOutbox.count({ where: { status: "SENT" } })) === SUBJECTS.length,
    { timeoutMs: 180_000, intervalMs: 1000 },
  );
  // a few more worker rounds: nothing is sent again
  await new Promise((r) => setTimeout(r, 7_000));

  expect(fake.sent.map((e) => e.subject).sort()).toEqual([...SUBJECTS].sort());
  const rows = await db.emailOutbox.findMany({ select: { providerId: true, attempts: true, status: true } });
  expect(rows.every((r) => r.status === "SENT")).toBe(true);
  expect(new Set(rows.map((r) => r.providerId)).size).toBe(SUBJECTS.length);
  expect(rows.map((r) => r.providerId).every((id) => id?.startsWith("fake_"))).toBe(true);
  // every call the provider received is one recorded attempt: no attempt was made twice
  const attempts = rows.reduce((sum, r) => sum + r.attempts, 0);
  expect(provider.served[0]).toBe(attempts);
  expect(attempts).toBeGreaterThan(SUBJECTS.length);
  expect(app.alive()).toBe(true);
});
