// Scheduled work for returns. Both jobs take "now" so tests can run them on any day, and both are
// idempotent: running them twice in a day creates and sends nothing twice.
import { db } from "~/db.server.ts";
import {
  dueDateFor,
  previousQuarter,
  quarterOf,
  quarterPeriod,
  type FinancialQuarter,
} from "~/domain/contracts/quarters.ts";
import {
  returnOpenedEmail,
  returnOverdueManagerEmail,
  returnOverdueSupplierEmail,
  returnReminderEmail,
} from "~/email/templates/returns-notices.tsx";
import {
  emailBase,
  managerRecipients,
  returnEmailSelect,
  sendReturnEmail,
  supplierRecipients,
} from "./returns-emails.server.ts";
import {
  daysUntilDue,
  isOverdueNoticeDue,
  isReminderDue,
  OVERDUE_STATUSES,
  startOfDay,
} from "./returns-rules.ts";

const DEFAULT_SETTINGS = { returnDueDays: 30, reminderDaysBefore: 7, overdueReminderDays: 7 };

/**
 * Creates the return for the quarter that has just ended for every active contract with commitments
 * that ran during it (one per contract per quarter, kept unique by the database), and tells suppliers
 * their returns are open.
 */
export async function openReturnsForQuarter(
  now: Date,
  quarter: FinancialQuarter = previousQuarter(quarterOf(now)),
  // the demo seed opens returns without emailing anyone
  { announce = true }: { announce?: boolean } = {},
) {
  const { start, end } = quarterPeriod(quarter.financialYear, quarter.quarter);
  const contracts = await db.contract.findMany({
    where: {
      status: { in: ["ACTIVE", "ENDED"] },
      startDate: { lte: end },
      endDate: { gte: start },
      commitments: { some: {} },
    },
    select: { id: true, council: { select: { councilSettings: { select: { returnDueDays: true } } } } },
  });
  const created = await db.kpiReturn.createMany({
    data: contracts.map((c) => ({
      contractId: c.id,
      financialYear: quarter.financialYear,
      quarter: quarter.quarter,
      periodStart: start,
      periodEnd: end,
      dueDate: dueDateFor(end, c.council.councilSettings?.returnDueDays ?? DEFAULT_SETTINGS.returnDueDays),
      openedNoticeSentAt: announce ? null : now,
    })),
    skipDuplicates: true,
  });
  const unannounced = await db.kpiReturn.findMany({
    where: { financialYear: quarter.financialYear, quarter: quarter.quarter, openedNoticeSentAt: null },
    select: { id: true },
  });
  let announced = 0;
  for (const { id } of unannounced) {
    const sent = await db.$transaction(async (tx) => {
      const claimed = await tx.kpiReturn.updateMany({
        where: { id, openedNoticeSentAt: null },
        data: { openedNoticeSentAt: now },
      });
      if (claimed.count !== 1) return false;
      const kpiReturn = await tx.kpiReturn.findUniqueOrThrow({ where: { id }, select: returnEmailSelect });
      const email = await returnOpenedEmail(emailBase(kpiReturn));
      const to = await supplierRecipients(tx, kpiReturn.contract.supplierOrganisationId);
      await sendReturnEmail(tx, kpiReturn, to, "returns-opened", email);
      return true;
    });
    if (sent) announced++;
  }
  return { quarter, created: created.count, announced };
}

/** Sends "due soon" reminders and overdue notices (to the supplier and the contract manager). */
export async function sendReturnReminders(now: Date) {
  const horizon = new Date(startOfDay(now).getTime() + 31 * 24 * 60 * 60 * 1000);
  const candidates = await db.kpiReturn.findMany({
    where: { status: { in: OVERDUE_STATUSES }, dueDate: { lte: horizon } },
    select: {
      id: true,
      status: true,
      dueDate: true,
      reminderSentAt: true,
      overdueNoticeSentAt: true,
      contract: {
        select: {
          council: {
            select: { councilSettings: { select: { reminderDaysBefore: true, overdueReminderDays: true } } },
          },
        },
      },
    },
  });
  let reminders = 0;
  let overdueNotices = 0;
  for (const candidate of candidates) {
    const settings = candidate.contract.council.councilSettings ?? DEFAULT_SETTINGS;
    if (isReminderDue(candidate, now, settings.reminderDaysBefore)) {
      if (await sendReminder(candidate.id, now)) reminders++;
    } else if (isOverdueNoticeDue(candidate, now, settings.overdueReminderDays)) {
      if (await sendOverdueNotice(candidate.id, candidate.overdueNoticeSentAt, now)) overdueNotices++;
    }
  }
  return { reminders, overdueNotices };
}

function sendReminder(id: string, now: Date) {
  return db.$transaction(async (tx) => {
    const claimed = await tx.kpiReturn.updateMany({
      where: { id, reminderSentAt: null, status: { in: OVERDUE_STATUSES } },
      data: { reminderSentAt: now },
    });
    if (claimed.count !== 1) return false;
    const kpiReturn = await tx.kpiReturn.findUniqueOrThrow({ where: { id }, select: returnEmailSelect });
    const email = await returnReminderEmail({
      ...emailBase(kpiReturn),
      daysLeft: daysUntilDue(kpiReturn.dueDate, now),
    });
    await sendReturnEmail(
      tx,
      kpiReturn,
      await supplierRecipients(tx, kpiReturn.contract.supplierOrganisationId),
      "returns-reminder",
      email,
    );
    return true;
  });
}

function sendOverdueNotice(id: string, lastSentAt: Date | null, now: Date) {
  return db.$transaction(async (tx) => {
    // claimed only if nobody sent one since we looked
    const claimed = await tx.kpiReturn.updateMany({
      where: { id, overdueNoticeSentAt: lastSentAt, status: { in: OVERDUE_STATUSES } },
      data: { overdueNoticeSentAt: now },
    });
    if (claimed.count !== 1) return false;
    const kpiReturn = await tx.kpiReturn.findUniqueOrThrow({ where: { id }, select: returnEmailSelect });
    const base = emailBase(kpiReturn);
    await sendReturnEmail(
      tx,
      kpiReturn,
      await supplierRecipients(tx, kpiReturn.contract.supplierOrganisationId),
      "returns-overdue-supplier",
      await returnOverdueSupplierEmail(base),
    );
    await sendReturnEmail(
      tx,
      kpiReturn,
      await managerRecipients(tx, kpiReturn),
      "returns-overdue-manager",
      await returnOverdueManagerEmail({
        ...base,
        supplierName: kpiReturn.contract.supplierOrganisation.name,
      }),
    );
    return true;
  });
}
