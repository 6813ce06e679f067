// Delivers outbox rows through Resend. Safe with several app instances: rows are claimed with
// FOR UPDATE SKIP LOCKED and a lease, and Resend's idempotency key (the row id) stops a resend after a crash.
import { Resend } from "resend";
import { db } from "~/db.server.ts";
import { getEnv } from "~/env.server.ts";
import { logger } from "~/server/logger.ts";
import { headerLine } from "./outbox.server.ts";

const LEASE_MS = 60_000;
// An outage, a rate limit or a wrong API key is put right by someone, so such mail waits (backoff capped at two
// hours) for as long as it takes: an outage delays mail but loses none. Only a message the provider refuses as
// such (400/422: a malformed address, say) is given up after a few tries, and shows as failed in the mailbox.
const MAX_ATTEMPTS_WHEN_REFUSED = 3;

class Refused extends Error {}
export const LOCAL_MAILBOX_PROVIDER_ID = "local-mailbox";

export function backoffMs(attempts: number) {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 60 * 60 * 1000);
}

type Claimed = {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attempts: number;
  lockedUntil: Date;
  createdAt: Date;
};

// Oldest first (UPDATE … RETURNING keeps no order of its own).
async function claimDue(now: Date, limit: number): Promise<Claimed[]> {
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "EmailOutbox" SET "lockedUntil" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE id IN (
      SELECT id FROM "EmailOutbox"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "to", subject, html, text, attempts, "lockedUntil", "createdAt"`;
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

// The batch is sent one email after another, so each email's lease is renewed just before it is sent: a slow
// provider cannot let the lease of the last emails in a batch run out while they wait. The lease doubles as a
// fencing token: if another worker has taken the row since, nothing is sent and nothing is recorded here.
async function renewLease(email: Claimed, until: Date) {
  const renewed = await db.emailOutbox.updateMany({
    where: { id: email.id, status: "PENDING", lockedUntil: email.lockedUntil },
    data: { lockedUntil: until },
  });
  if (renewed.count !== 1) return false;
  email.lockedUntil = until;
  return true;
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
    // Development and demos: the message stays readable in the platform admin's local mailbox and the log.
    logger.info(
      { to: email.to, subject: email.subject, text: email.text },
      "email delivered to the local mailbox",
    );
    return LOCAL_MAILBOX_PROVIDER_ID;
  }
  const { data, error } = await resend().emails.send(
    // queued before subjects were kept to one line, a message is still sent with one
    {
      from: env.EMAIL_FROM,
      to: [email.to],
      subject: headerLine(email.subject),
      html: email.html,
      text: email.text,
    },
    { idempotencyKey: `outbox-${email.id}` },
  );
  // no id means the provider did not accept the message: retry rather than mark it sent
  if (error && (error.statusCode === 400 || error.statusCode === 422)) throw new Refused(error.message);
  if (error || !data?.id) throw new Error(error?.message ?? "the email provider did not accept the message");
  return data.id;
}

export async function deliverDueEmails({ now = new Date(), limit = 20 } = {}) {
  const startedAt = Date.now();
  const claimed = await claimDue(now, limit);
  let sent = 0;
  let failed = 0;
  for (const email of claimed) {
    // `now` may be a test's clock: the lease moves on with the time this batch has really taken
    const elapsed = Date.now() - startedAt;
    if (!(await renewLease(email, new Date(now.getTime() + elapsed + LEASE_MS)))) continue;
    const ours = { id: email.id, lockedUntil: email.lockedUntil };
    try {
      const providerId = await send(email);
      const local = providerId === LOCAL_MAILBOX_PROVIDER_ID;
      await db.emailOutbox.updateMany({
        where: ours,
        data: {
          status: "SENT",
          providerId,
          // Once the provider has it, the body (with any one-time link in it) is not kept.
          ...(local ? {} : { html: "", text: "" }),
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
      const givenUp = error instanceof Refused && attempts >= MAX_ATTEMPTS_WHEN_REFUSED;
      if (givenUp)
        logger.error({ outboxId: email.id, attempts, err: message }, "the email provider refused an email");
      else logger.warn({ outboxId: email.id, attempts, err: message }, "email delivery failed; will retry");
      await db.emailOutbox.updateMany({
        where: ours,
        data: {
          attempts,
          lastError: message.slice(0, 500),
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
          status: givenUp ? "FAILED" : "PENDING",
        },
      });
    }
  }
  return { claimed: claimed.length, sent, failed };
}
