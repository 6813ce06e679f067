// The nightly reminders of deliveries a supplier reported that the group that posted the request has neither
// confirmed nor disputed (decision 053). A delivery left so counts for nobody: the supplier's social value is not
// delivered until the requestor confirms it, and the portal never confirms it for them.
//
// Idempotent: each reminder is a DeliveryReminder row, unique for its delivery report and stage, written in the
// transaction that puts its emails in the outbox. A second run, or a second instance, finds the row and sends
// nothing; a run that fails leaves neither row nor email, for the next run.
import { db, Prisma, readRows } from "~/db.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { type Batching, inBatches, JOB_BATCH_SIZE } from "~/jobs/in-batches.server.ts";
import { deliveryReminderDue, LAST_DELIVERY_REMINDER, reportedBeforeFor } from "./delivery-reminder-rule.ts";
import { deliveryReminderEmailFor } from "./pledge-emails.server.ts";
import { organisationRecipients } from "./recipients.server.ts";
import { lockRequest } from "./requests.server.ts";

export const DELIVERY_REMINDERS_JOB = "marketplace-delivery-reminders";

// A pledge's latest delivery report (a delivery reported again after a dispute is a new report), as the reminders
// and the supplier's page both read it (findDue's SQL orders the same way)
const LATEST_REPORT = {
  where: { toStatus: "DELIVERED" },
  orderBy: [{ createdAt: "desc" }, { id: "desc" }],
} satisfies Prisma.PledgeEventFindManyArgs;

type Candidate = { id: string; requestId: string; deliveryEventId: string };

// The delivered pledges with a reminder due and not sent, in id order: each with its latest delivery report (a
// delivery reported again after a dispute is a new report), a reminder being due when the report is old enough
// for one that report has not had yet (the first, or the second; never an earlier one once a later one is sent).
function findDue(now: Date, { after, take }: { after: string | undefined; take: number }) {
  const firstBefore = reportedBeforeFor(1, now);
  const secondBefore = reportedBeforeFor(2, now);
  return readRows<Candidate[]>(Prisma.sql`
    SELECT p.id, p."requestId", e.id AS "deliveryEventId"
    FROM "Pledge" p
    CROSS JOIN LATERAL (
      SELECT id, "createdAt" FROM "PledgeEvent"
      WHERE "pledgeId" = p.id AND "toStatus" = 'DELIVERED'
      ORDER BY "createdAt" DESC, id DESC LIMIT 1
    ) e
    WHERE p.status = 'DELIVERED' AND p.id > ${after ?? ""} AND e."createdAt" < ${firstBefore}
      AND NOT EXISTS (
        SELECT 1 FROM "DeliveryReminder" r
        WHERE r."deliveryEventId" = e.id
          AND r.stage >= CASE WHEN e."createdAt" < ${secondBefore} THEN 2 ELSE 1 END
      )
    ORDER BY p.id
    LIMIT ${take}`);
}

// One pledge's reminder, with its request locked as every change to the pledge locks it: a confirmation or dispute
// lands wholly before (nothing is sent) or after (the reminder was due when it was sent). True when it was sent.
function remind(candidate: Candidate, now: Date) {
  return db.$transaction(async (tx) => {
    await lockRequest(tx, candidate.requestId);
    const pledge = await tx.pledge.findFirst({
      where: { id: candidate.id, status: "DELIVERED" },
      select: {
        request: { select: { councilId: true, organisationId: true, createdById: true } },
        events: {
          ...LATEST_REPORT,
          take: 1,
          select: { id: true, createdAt: true, deliveryReminders: { select: { stage: true } } },
        },
      },
    });
    const report = pledge?.events[0];
    // confirmed, disputed or reported again since it was read
    if (!pledge || report?.id !== candidate.deliveryEventId) return false;
    const sent = Math.max(0, ...report.deliveryReminders.map((r) => r.stage));
    const stage = deliveryReminderDue(report.createdAt, now, sent);
    if (stage === null) return false;
    // the unique key is the last word: another run that got here first has written this row
    const { count } = await tx.deliveryReminder.createMany({
      data: [{ deliveryEventId: report.id, stage, sentAt: now }],
      skipDuplicates: true,
    });
    if (count !== 1) return false;
    const email = await deliveryReminderEmailFor(tx, candidate.id, {
      reportedAt: report.createdAt,
      last: stage === LAST_DELIVERY_REMINDER,
    });
    const { request } = pledge;
    // the group that posted the request, as the report's own email went to
    for (const to of await organisationRecipients(tx, request.organisationId, request.createdById))
      await enqueueEmail(tx, {
        ...email,
        to,
        template: "marketplace.deliveryReminder",
        councilId: request.councilId,
      });
    return true;
  });
}

/** Sends the reminders due at `now`: how many, how many batches it read, and how many pledges failed (each logged
 * and left for the next run). */
export async function sendDeliveryReminders(now: Date, { batchSize = JOB_BATCH_SIZE }: Batching = {}) {
  let sent = 0;
  const { batches, failed } = await inBatches(
    DELIVERY_REMINDERS_JOB,
    batchSize,
    (page) => findDue(now, page),
    async (candidate) => {
      // counted once committed: a reminder whose transaction failed is the run's failure, not a sent one
      if (await remind(candidate, now)) sent++;
    },
  );
  return { sent, batches, failed };
}

/** The reminders sent for the pledge's latest delivery report, first first: none, the first, the last, or both (only
 * the latest due is sent, so a report the job reached late has only the last). For the supplier's pledge page. */
export async function remindersOfLatestReport(pledgeId: string) {
  const report = await db.pledgeEvent.findFirst({
    where: { pledgeId, ...LATEST_REPORT.where },
    orderBy: LATEST_REPORT.orderBy,
    select: { deliveryReminders: { orderBy: { stage: "asc" }, select: { stage: true, sentAt: true } } },
  });
  return (report?.deliveryReminders ?? []).map((r) => ({
    sentAt: r.sentAt,
    last: r.stage === LAST_DELIVERY_REMINDER,
  }));
}
