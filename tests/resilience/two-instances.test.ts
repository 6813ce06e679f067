// Two portal processes on one PostgreSQL behind a round-robin load balancer: sessions, rate limits, the
// email outbox and scheduled jobs are shared through the database, so it does not matter which one answers.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "~/db.server.ts";
import { freePort } from "~/server/embedded-postgres.ts";
import { SCHEDULED_JOBS } from "~/jobs/registry.server.ts";
import { startFakeResend } from "../helpers/fake-resend.ts";
import { createUser, createWorld, sessionCookieFor, TEST_PASSWORD } from "../helpers/factories.ts";
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
let databaseUrl: string;
let apps: AppProcess[];
let balancer: RoundRobinProxy;
let fake: Awaited<ReturnType<typeof startFakeResend>>;
let provider: RoundRobinProxy; // counts every call to the email provider

beforeAll(async () => {
  cluster = await startCluster();
  databaseUrl = await cluster.createDatabase("two_instances");
  await useDatabase(databaseUrl);
  fake = await startFakeResend();
  provider = await startRoundRobinProxy([fake.url]);
  const balancerPort = await freePort();
  const appUrl = `http://127.0.0.1:${balancerPort}`;
  // Both at the same moment, as a deployment would: start-up must not race (migrations, job queues).
  apps = await Promise.all(
    [0, 1].map(() => startApp({ databaseUrl, appUrl, resendUrl: provider.url, logLevel: "info" })),
  );
  balancer = await startRoundRobinProxy(
    apps.map((a) => a.url),
    balancerPort,
  );
});

afterAll(async () => {
  await balancer?.close();
  await Promise.all((apps ?? []).map((a) => a.stop()));
  await provider?.close();
  await fake?.close();
  await disconnectDb();
  await cluster?.destroy();
});

function sessionCookieFrom(response: Response) {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("svm_session="));
  return cookie?.split(";")[0];
}

async function accountPage(baseUrl: string, cookie: string) {
  const res = await fetch(`${baseUrl}/account`, { headers: { cookie }, redirect: "manual" });
  await res.arrayBuffer();
  return res.status;
}

describe("two instances behind a load balancer", () => {
  it("a session made by one instance works on the other, and signing out on one ends it on both", async () => {
    const user = await createUser();
    const [first, second] = apps;
    const signIn = await postForm(first.url, "/sign-in", { email: user.email, password: TEST_PASSWORD });
    expect(signIn.status).toBe(302);
    const cookie = sessionCookieFrom(signIn)!;
    expect(cookie).toBeTruthy();

    expect(await accountPage(first.url, cookie)).toBe(200);
    expect(await accountPage(second.url, cookie)).toBe(200);
    const before = [...balancer.served];
    for (let i = 0; i < 4; i++) expect(await accountPage(balancer.url, cookie)).toBe(200);
    expect(balancer.served.map((n, i) => n - before[i])).toEqual([2, 2]);

    const signOut = await postForm(second.url, "/sign-out", {}, { cookie });
    expect(signOut.status).toBe(302);
    expect(await accountPage(first.url, cookie)).toBe(302);
    expect(await accountPage(second.url, cookie)).toBe(302);
  });

  it("shares sign-in rate limits: attempts through either instance count together", async () => {
    const user = await createUser();
    const statuses: number[] = [];
    // five wrong passwords for one account are allowed in 15 minutes; the load balancer alternates
    for (let i = 0; i < 6; i++) {
      const res = await postForm(balancer.url, "/sign-in", { email: user.email, password: "wrong password" });
      statuses.push(res.status);
      if (i === 5) expect(await res.text()).toContain("Too many attempts");
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    // each instance saw only three attempts, yet both refuse, even the right password
    for (const app of apps) {
      const res = await postForm(app.url, "/sign-in", { email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(429);
    }
  });

  it("sends each email once although both instances run the delivery worker", async () => {
    // suppliers pledge through the load balancer; each pledge writes emails to the charity's people (each of its
    // own quantity: the same pledge sent again from a fresh form is the first, decision 024)
    const world = await createWorld();
    const request = await openRequest(world, 100);
    const cookie = await sessionCookieFor(world.users.supplierOwner.id);
    for (let n = 0; n < 8; n++) {
      const res = await postForm(
        balancer.url,
        `/requests/${request.id}/pledge`,
        {
          submissionKey: crypto.randomUUID(),
          quantity: String(n + 1),
          expectedDeliveryDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
        },
        { cookie },
      );
      expect(res.status).toBe(302);
    }
    const written = await db.emailOutbox.findMany({ select: { id: true } });
    expect(written.length).toBeGreaterThanOrEqual(8);
    await waitFor(
      "both workers to empty the outbox",
      async () => (await db.emailOutbox.count({ where: { status: "SENT" } })) === written.length,
      { timeoutMs: 60_000 },
    );
    await new Promise((r) => setTimeout(r, 5_000)); // more worker rounds on both instances
    expect(fake.sent.map((e) => e.idempotencyKey).sort()).toEqual(
      written.map((w) => `outbox-${w.id}`).sort(),
    );
    // not even a repeat the provider would have ignored: one call per email
    expect(provider.served[0]).toBe(written.length);
  });

  it("runs each scheduled job once per period, not once per instance", async () => {
    expect(SCHEDULED_JOBS.length).toBeGreaterThan(0);
    const names = SCHEDULED_JOBS.map((j) => j.name);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // Both instances registered the same schedules. Make every period one minute (as an operator could
      // reschedule), then watch a few periods go by.
      const registered = await client.query(`select name from pgboss.schedule order by name`);
      expect(registered.rows.map((r) => r.name)).toEqual([...names].sort());
      await client.query(`update pgboss.schedule set cron = '* * * * *'`);

      const runs = () =>
        client.query<{ name: string; state: string; started: Date }>(
          `select name, state::text as state, started_on as started from pgboss.job
            where name = any($1) and state not in ('created', 'retry') order by started_on`,
          [names],
        );
      await waitFor(
        "every job to run in at least two periods",
        async () => {
          const { rows } = await runs();
          return names.every((n) => rows.filter((r) => r.name === n && r.state === "completed").length >= 2);
        },
        { timeoutMs: 200_000, intervalMs: 2_000 },
      );
      await new Promise((r) => setTimeout(r, 3_000)); // let a run in progress finish and log

      const { rows } = await runs();
      expect(rows.filter((r) => r.state !== "completed")).toEqual([]);
      // a run completes even when some of its items failed (decision 022): none may have
      const itemFailures = apps.flatMap((a) =>
        a
          .output()
          .split("\n")
          .filter((l) => l.includes("scheduled job item failed") || l.includes("some items failed")),
      );
      expect(itemFailures).toEqual([]);
      for (const name of names) {
        const started = rows.filter((r) => r.name === name).map((r) => r.started.getTime());
        // one run per one-minute period: over the minutes watched there are never more runs than periods
        // (a run per instance would be twice as many)
        const periods = Math.ceil((started[started.length - 1] - started[0]) / 60_000) + 1;
        expect(started.length, name).toBeLessThanOrEqual(periods);
        // and each run happened in exactly one instance
        const logged = apps
          .map(
            (a) =>
              a
                .output()
                .split("\n")
                .filter((l) => l.includes(`"job":"${name}"`) && l.includes("scheduled job finished")).length,
          )
          .reduce((a, b) => a + b, 0);
        expect(logged, name).toBe(started.length);
      }
    } finally {
      await client.end();
    }
  });
});
