// Background work started by the server process: the email outbox worker and scheduled jobs.
import PgBoss from "pg-boss";
import { deliverDueEmails } from "~/email/deliver.server.ts";
import { logger } from "~/server/logger.ts";
import { SCHEDULED_JOBS } from "./registry.server.ts";

const EMAIL_POLL_MS = 2_000;

// Two instances starting together can deadlock inside pg-boss's queue setup; the loser simply tries again.
async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== "40P01" || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
}

export async function startBackgroundWork(): Promise<() => Promise<void>> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    if (stopped) return;
    running = deliverDueEmails()
      .catch((error) => logger.error({ err: error }, "email worker failed; retrying"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, EMAIL_POLL_MS);
      });
  };
  let timer = setTimeout(tick, 500);

  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: "pgboss", max: 3 });
  boss.on("error", (error) => logger.error({ err: error }, "job runner error"));
  await boss.start();
  for (const job of SCHEDULED_JOBS) {
    await retryOnDeadlock(() => boss.createQueue(job.name));
    await retryOnDeadlock(() => boss.schedule(job.name, job.cron, {}, { tz: "Europe/London" }));
    await boss.work(job.name, async () => {
      const result = await job.run(new Date());
      // items it could not handle were each logged; the run's summary says how many at the same level of concern
      const failed = (result as { failed?: number } | undefined)?.failed ?? 0;
      if (failed > 0) logger.warn({ job: job.name, result }, "scheduled job finished; some items failed");
      else logger.info({ job: job.name, result }, "scheduled job finished");
    });
  }
  logger.info({ jobs: SCHEDULED_JOBS.map((j) => j.name) }, "background work started");

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  };
}
