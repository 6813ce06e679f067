// Delivers outbox rows through Resend. Safe with several app instances: rows are claimed with
// FOR UPDATE SKIP LOCKED and a lease, and Resend's idempotency key (the row id) stops a resend after a crash.
import { Resend } from "resend";
import { db } from "~/db.server.ts";
import { getEnv } from "~/env.server.ts";
import { logger } from "~/server/logger.ts";

const LEASE_MS = 60_000;
const MAX_ATTEMPTS = 25; // with the backoff below, about two days of trying
export const LOCAL_MAILBOX_PROVIDER_ID = "local-mailbox";

export function backoffMs(attempts: number) {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 60 * 60 * 1000);
}

type Claimed = { id: string; to: string; subject: string; html: string; text: string; attempts: number };

async function claimDue(now: Date, limit: number): Promise<Claimed[]> {
  return db.$queryRaw<Claimed[]>`
    UPDATE "EmailOutbox" SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE id IN (
      SELECT id FROM "EmailOutbox"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "to", subject, html, text, attempts`;
}

let client: Resend | undefined;
function resend() {
  const env = getEnv();
  client ??= new Resend(
    env.RESEND_API_KEY,
    env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined,
  );
  return client;
}

export function resetEmailClient() {
  client = undefined;
}

async function send(email: Claimed): Promise<string> {
  const env = getEnv();
  if (!env.RESEND_API_KEY) {
    // Development and demos: the message stays readable in the platform admin's local mailbox.
    logger.info({ to: email.to, subject: email.subject }, "email delivered to the local mailbox");
    return LOCAL_MAILBOX_PROVIDER_ID;
  }
  const { data, error } = await resend().emails.send(
    { from: env.EMAIL_FROM, to: [email.to], subject: email.subject, html: email.html, text: email.text },
    { idempotencyKey: `outbox-${email.id}` },
  );
  // no id means the provider did not accept the message: retry rather than mark it sent
  if (error || !data?.id) throw new Error(error?.message ?? "the email provider did not accept the message");
  return data.id;
}

export async function deliverDueEmails({ now = new Date(), limit = 20 } = {}) {
  const claimed = await claimDue(now, limit);
  let sent = 0;
  let failed = 0;
  for (const email of claimed) {
    try {
      const providerId = await send(email);
      await db.emailOutbox.update({
        where: { id: email.id },
        data: {
          status: "SENT",
          providerId,
          sentAt: new Date(),
          attempts: email.attempts + 1,
          lockedUntil: null,
          lastError: null,
        },
      });
      sent++;
    } catch (error) {
      failed++;
      const attempts = email.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      logger.warn({ outboxId: email.id, attempts, err: message }, "email delivery failed; will retry");
      await db.emailOutbox.update({
        where: { id: email.id },
        data: {
          attempts,
          lastError: message.slice(0, 500),
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
          status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
        },
      });
    }
  }
  return { claimed: claimed.length, sent, failed };
}
