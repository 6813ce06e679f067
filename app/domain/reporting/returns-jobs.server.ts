// Scheduled work for returns. Both jobs take "now" so tests can run them on any day, and both are
// idempotent: running them twice in a day creates and sends nothing twice.
import { db, Prisma, readRows, type Tx } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import {
  compareQuarters,
  dueDateFor,
  previousQuarter,
  quarterIndex,
  quarterOf,
  quarterLabel,
  quarterPeriod,
  quartersBetween,
  type FinancialQuarter,
  type QuarterNumber,
} from "~/domain/contracts/quarters.ts";
import { effectiveEndDate } from "~/domain/contracts/termination.ts";
import type { ReturnStatus } from "~/generated/prisma/enums.ts";
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
  dueDateOnOpening,
  isOverdue,
  isOverdueNoticeDue,
  isReminderDue,
  isWithinTerm,
  OVERDUE_STATUSES,
  ranOnOrAfter,
  REPORTING_CONTRACT_STATUSES,
  startOfDay,
} from "./returns-rules.ts";
import { isReturnWithinTerm, returnWithinTermSql } from "./returns-term.server.ts";
import { forEachItem } from "~/jobs/each-item.server.ts";
import { evidenceStorage } from "./evidence-storage.server.ts";
import { logger } from "~/server/logger.ts";

const reportingContract = { contract: { status: { in: REPORTING_CONTRACT_STATUSES } } };

const DEFAULT_SETTINGS = { returnDueDays: 30, reminderDaysBefore: 7, overdueReminderDays: 7 };

// A return opened this many days before a run and not yet announced (opened by an import, which leaves its emails
// to the next run, or whose email failed) is announced at that run whatever its quarter.
export const ANNOUNCE_OPENED_WITHIN_DAYS = 7;
const announceSince = (now: Date) =>
  new Date(startOfDay(now).getTime() - ANNOUNCE_OPENED_WITHIN_DAYS * 24 * 60 * 60 * 1000);

// How many quarters before the one just ended a missing return is still created (see openReturnsForQuarter).
export const MAX_BACKFILL_QUARTERS = 4;

// How many contracts the scheduled run opens returns for in each transaction, holding their rows meanwhile: one read
// of their terms and one insert of at most MAX_BACKFILL_QUARTERS + 1 returns each, so a save of one of them waits
// moments at most.
export const OPEN_BATCH_SIZE = 100;
// Contracts whose rows another transaction held are tried again this many times in the run, this long apart.
export const OPEN_RETRY_ROUNDS = 3;
export const OPEN_RETRY_PAUSE_MS = 2_000;

/**
 * Creates the return for the quarter that has just ended for every active contract with commitments
 * that ran during it (one per contract per quarter, kept unique by the database), and tells suppliers
 * their returns are open.
 *
 * A contract terminated early is treated as one whose term ended on its termination date (decision 025): its
 * returns are opened for the quarters it ran in, up to the one holding that date, never after, so the supplier
 * can report the delivery that plan to date counts. As before, nobody is emailed about them or chased for them
 * (decision 023: the supplier's returns page lists them as not owed, and they may still be sent).
 *
 * The scheduled run also creates any return missing for an earlier ended quarter (a contract registered or
 * activated after its first quarters ended, or a scheduler outage), because plan to date counts those
 * quarters. Only quarters within the contract's term, not before its earliest planned quarter, and at most
 * MAX_BACKFILL_QUARTERS before the one just ended: older history of a long-running contract is taken to have
 * been reported before it came to the portal. The supplier learns of a return opened late only now, a back-filled
 * one or the quarter just ended's alike, so one whose usual due date has passed or is near is due the council's
 * usual number of days from today (dueDateOnOpening): nothing is overdue, or chased, on the day it opens.
 *
 * First, it withdraws the unsent returns of quarters a contract's term no longer covers
 * (withdrawReturnsOutsideTerm).
 *
 * Each contract's terms are read, and its returns created, with its row held (FOR SHARE, OPEN_BATCH_SIZE contracts
 * a transaction), as an opening for chosen contracts holds it (openDueReturns), so a change to the term (which holds
 * the row FOR UPDATE and opens and withdraws the contract's returns itself) lands wholly before or after. A contract
 * whose row is held by such a change is skipped (SKIP LOCKED), not waited for: the change opens its returns by this
 * same rule as it commits, and the next day's run, whose window holds the same quarters, opens any it did not
 * (decision 012, addendum of session 46). A row can also be held by a transaction that opens nothing (any update
 * of the contract, or a long transaction holding it), so the contracts skipped are tried again a few times in the
 * run (OPEN_RETRY_ROUNDS, OPEN_RETRY_PAUSE_MS apart); `skipped` counts those still held at the end, which are
 * logged and left for the next run (addendum of session 47).
 */
export async function openReturnsForQuarter(
  now: Date,
  quarter?: FinancialQuarter,
  // the demo seed opens chosen quarters without emailing anyone, and lays out its own history
  {
    announce = true,
    backfill = quarter === undefined && announce,
    // only these contracts' returns (a contract just registered, imported or given a commitment opens its own at
    // once, not only at the next scheduled run): nothing else is opened, announced or withdrawn
    contractIds,
    // the caller's transaction, holding these contracts' rows (contractIds only): the returns are read and created
    // in it, so a term change cannot land between the two; nobody is told (the returns are not visible to anyone
    // until it commits): the caller then calls announceOpenedReturns
    client,
    // how often contracts held by another transaction are tried again in this run, and the wait before each time
    retryRounds = OPEN_RETRY_ROUNDS,
    beforeRetry = () => new Promise<void>((resolve) => setTimeout(resolve, OPEN_RETRY_PAUSE_MS)),
  }: {
    announce?: boolean;
    backfill?: boolean;
    contractIds?: string[];
    client?: Tx;
    retryRounds?: number;
    beforeRetry?: () => Promise<void>;
  } = {},
) {
  const only = contractIds ? { contractId: { in: contractIds } } : {};
  const withdrawn = contractIds ? { withdrawn: 0, failed: 0 } : await withdrawReturnsOutsideTerm();
  const target = quarter ?? previousQuarter(quarterOf(now));
  const window = quarterWindow(target, backfill);
  // an opening as it happens gives a return opened late its time (dueDateOnOpening); the seed lays out past quarters
  // with their usual dates
  const opening = { now, target, window, announce, live: backfill };
  if (contractIds && client) {
    const created = await createDueReturns(client, contractIds, opening);
    return { quarter: target, created, announced: 0, withdrawn: 0, skipped: 0, failed: 0 };
  }
  // the contracts that may owe a return, read without a lock: each batch is read again below with its rows held
  // (a contract a change brings into the window meanwhile has its returns opened by that change)
  const candidates = await db.contract.findMany({
    where: { ...(contractIds ? { id: { in: contractIds } } : {}), ...owesReturnsIn(window) },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  let created = 0;
  let openFailed = 0;
  // a pass over these contracts in batches, each holding the rows it could take; the ids of those it could not
  const openPass = async (contractIdsToOpen: string[]) => {
    const batches = [];
    for (let i = 0; i < contractIdsToOpen.length; i += OPEN_BATCH_SIZE) {
      const ids = contractIdsToOpen.slice(i, i + OPEN_BATCH_SIZE);
      batches.push({ id: ids[0]!, ids });
    }
    const notHeld: string[] = [];
    openFailed += await forEachItem("returns-open-quarter", batches, async ({ ids }) => {
      const opened = await db.$transaction(
        async (tx) => {
          const held = await tx.$queryRaw<{ id: string }[]>`
            SELECT id FROM "Contract" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR SHARE SKIP LOCKED`;
          const heldIds = new Set(held.map((row) => row.id));
          const created = await createDueReturns(tx, [...heldIds], opening);
          return { created, notHeld: ids.filter((id) => !heldIds.has(id)) };
        },
        // room for a busy morning rather than failing the batch until the next day
        { timeout: 30_000 },
      );
      created += opened.created;
      notHeld.push(...opened.notHeld);
    });
    return notHeld;
  };
  let skippedIds = await openPass(candidates.map((c) => c.id));
  // A row is held by more than a change to the term (any transaction updating the contract, or holding it for its
  // own reasons), and such a holder opens no returns: the contracts skipped are tried again, after a pause, a few
  // times in this run, so a lock held for moments does not cost the supplier a day
  for (let round = 0; round < retryRounds && skippedIds.length; round++) {
    await beforeRetry();
    skippedIds = await openPass(skippedIds);
  }
  // still held: the next run opens their returns (its window holds the same quarters, decision 012), said here so
  // that a contract held day after day is seen
  if (skippedIds.length)
    logger.warn(
      { job: "returns-open-quarter", contractIds: skippedIds },
      "contracts held by another transaction throughout; their returns are left for the next run",
    );
  const skipped = skippedIds.length;
  const announced = await announceReturns(now, window, only);
  return {
    quarter: target,
    created,
    announced: announced.announced,
    withdrawn: withdrawn.withdrawn,
    skipped,
    failed: openFailed + announced.failed + withdrawn.failed,
  };
}

type Window = { windowStart: Date; windowEnd: Date };

/** A contract reporting in the window, with commitments: one that may owe returns for its quarters. */
const owesReturnsIn = ({ windowStart, windowEnd }: Window) =>
  ({
    ...ranOnOrAfter(windowStart),
    startDate: { lte: windowEnd },
    endDate: { gte: windowStart },
    commitments: { some: {} },
  }) satisfies Prisma.ContractWhereInput;

/** Creates the returns these contracts owe for the window's quarters, reading their terms in `tx` (the transaction
 * holding their rows); how many it created. */
async function createDueReturns(
  tx: Tx,
  contractIds: string[],
  {
    now,
    target,
    window,
    announce,
    live,
  }: { now: Date; target: FinancialQuarter; window: Window; announce: boolean; live: boolean },
) {
  if (!contractIds.length) return 0;
  const { windowStart, windowEnd } = window;
  const contracts = await tx.contract.findMany({
    where: { id: { in: contractIds }, ...owesReturnsIn(window) },
    select: {
      id: true,
      startDate: true,
      endDate: true,
      terminatedOn: true,
      council: {
        select: { councilSettings: { select: { returnDueDays: true, reminderDaysBefore: true } } },
      },
      commitments: {
        select: {
          plan: {
            orderBy: [{ financialYear: "asc" }, { quarter: "asc" }],
            take: 1,
            select: { financialYear: true, quarter: true },
          },
        },
      },
    },
  });
  const data = contracts.flatMap((c) => {
    const settings = c.council.councilSettings ?? DEFAULT_SETTINGS;
    const firstPlanned = c.commitments
      .flatMap((commitment) => commitment.plan)
      .map((row) => quarterIndex({ financialYear: row.financialYear, quarter: row.quarter as QuarterNumber }))
      .reduce((a, b) => Math.min(a, b), Infinity);
    return quartersBetween(windowStart, windowEnd)
      .filter((q) => {
        const { start, end } = quarterPeriod(q.financialYear, q.quarter);
        if (start > effectiveEndDate(c) || end < c.startDate) return false;
        // the quarter just ended is opened as it always was; only earlier ones are bounded by the plan
        return (
          compareQuarters(q, target) === 0 || firstPlanned === Infinity || quarterIndex(q) >= firstPlanned
        );
      })
      .map((q) => {
        const { start, end } = quarterPeriod(q.financialYear, q.quarter);
        return {
          contractId: c.id,
          financialYear: q.financialYear,
          quarter: q.quarter,
          periodStart: start,
          periodEnd: end,
          // opened late, the quarter just ended as much as one back-filled, it is due the usual days from today
          dueDate: live ? dueDateOnOpening(end, now, settings) : dueDateFor(end, settings.returnDueDays),
          openedNoticeSentAt: announce ? null : now,
        };
      });
  });
  const created = await tx.kpiReturn.createMany({ data, skipDuplicates: true });
  return created.count;
}

/** Tells the suppliers of these contracts about their returns opened and not yet announced, as the scheduled run
 * would (the same window): for a caller that opened them in its own transaction, once that has committed. */
export async function announceOpenedReturns(now: Date, contractIds: string[]) {
  const window = quarterWindow(previousQuarter(quarterOf(now)), true);
  return announceReturns(now, window, { contractId: { in: contractIds } });
}

/** The days of the quarters a run opens and announces: `target`, and with `backfill` the MAX_BACKFILL_QUARTERS
 * before it. */
function quarterWindow(target: FinancialQuarter, backfill: boolean) {
  let first = target;
  for (let i = 0; backfill && i < MAX_BACKFILL_QUARTERS; i++) first = previousQuarter(first);
  return {
    windowStart: quarterPeriod(first.financialYear, first.quarter).start,
    windowEnd: quarterPeriod(target.financialYear, target.quarter).end,
  };
}

async function announceReturns(
  now: Date,
  { windowStart, windowEnd }: Window,
  only: Prisma.KpiReturnWhereInput,
) {
  const unannounced = await db.kpiReturn.findMany({
    where: {
      // the window's returns, and any opened lately and left for this run (an import on a quarter's last day
      // back-fills a quarter the next morning's window no longer holds); an older unannounced return (one the
      // portal never announced, before it sent these emails) is not announced years late
      OR: [{ periodStart: { gte: windowStart } }, { createdAt: { gte: announceSince(now) } }],
      periodEnd: { lte: windowEnd },
      openedNoticeSentAt: null,
      ...only,
      ...reportingContract,
    },
    orderBy: [{ periodStart: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  let announced = 0;
  const failed = await forEachItem("returns-open-quarter", unannounced, async ({ id }) => {
    const sent = await db.$transaction(async (tx) => {
      const claimed = await tx.kpiReturn.updateMany({
        where: { id, openedNoticeSentAt: null, ...reportingContract },
        data: { openedNoticeSentAt: now },
      });
      if (claimed.count !== 1) return false;
      const kpiReturn = await tx.kpiReturn.findUniqueOrThrow({
        where: { id },
        select: {
          ...returnEmailSelect,
          status: true,
          periodStart: true,
          periodEnd: true,
          contract: { select: { ...returnEmailSelect.contract.select, startDate: true, endDate: true } },
        },
      });
      // A return opened late is given time (dueDateOnOpening), so one overdue here is one announced only after
      // its due date (its email failed day after day, or it was opened without one): it is told so, and that email
      // is the supplier's first overdue notice: the morning's reminders send the next one (supplier and contract
      // manager) the council's number of days later, not a second the next morning (one left outside a shortened
      // term is not owed, so not overdue: isWithinTerm, as the reminders)
      const overdue = isOverdue(kpiReturn, now) && isWithinTerm(kpiReturn, kpiReturn.contract);
      if (overdue)
        await tx.kpiReturn.updateMany({
          where: { id, overdueNoticeSentAt: null },
          data: { overdueNoticeSentAt: now },
        });
      const email = await returnOpenedEmail({ ...emailBase(kpiReturn), overdue });
      const to = await supplierRecipients(tx, kpiReturn.contract.supplierOrganisationId);
      await sendReturnEmail(tx, kpiReturn, to, "returns-opened", email);
      return true;
    });
    if (sent) announced++;
  });
  return { announced, failed };
}

// Never sent: nothing in the return's history to keep.
const UNSENT: ReturnStatus[] = ["NOT_STARTED", "DRAFT"];

/**
 * Withdraws (deletes) the returns never sent for quarters wholly outside their contract's term as it now
 * stands: a term shortened, or moved to start later, after they were opened. They are not owed, so they must
 * not stay on the supplier's list, be reminded and chased, or count as overdue. A return that was sent stays,
 * with its history. A terminated contract's returns are left as decision 023 lists them (not owed, still
 * sendable). `contractId` narrows it to one contract, for a caller that has just changed its term.
 */
export async function withdrawReturnsOutsideTerm(contractId?: string) {
  const outside = await readRows<{ id: string; contractId: string }[]>(Prisma.sql`
    SELECT r.id, r."contractId" FROM "KpiReturn" r JOIN "Contract" c ON c.id = r."contractId"
    WHERE r.status::text IN ('NOT_STARTED', 'DRAFT')
      AND NOT ${returnWithinTermSql}
      ${contractId ? Prisma.sql`AND c.id = ${contractId}` : Prisma.empty}
    ORDER BY r.id`);
  let withdrawn = 0;
  const failed = await forEachItem("returns-withdraw-outside-term", outside, async (item) => {
    const storageKeys = await db.$transaction((tx) => withdrawReturn(tx, item));
    if (!storageKeys) return;
    withdrawn++;
    await removeWithdrawnEvidence(storageKeys);
  });
  return { withdrawn, failed };
}

/** Removes the evidence files of withdrawn returns, once their withdrawal has committed (a failure is logged: the
 * withdrawal stands). */
export async function removeWithdrawnEvidence(storageKeys: string[]) {
  for (const key of storageKeys) {
    try {
      await evidenceStorage().remove(key);
    } catch (err) {
      logger.error({ err, key }, "removing a withdrawn return's evidence file failed");
    }
  }
}

/**
 * withdrawReturnsOutsideTerm for one contract, in the transaction that has just changed its term (and holds its
 * row): the returns go with the change, or neither does. Gives the evidence files to remove once it has committed.
 */
export async function withdrawReturnsOutsideTermIn(tx: Tx, contractId: string) {
  const outside = await tx.$queryRaw<{ id: string; contractId: string }[]>`
    SELECT r.id, r."contractId" FROM "KpiReturn" r JOIN "Contract" c ON c.id = r."contractId"
    WHERE r.status::text IN ('NOT_STARTED', 'DRAFT') AND NOT ${returnWithinTermSql} AND c.id = ${contractId}
    ORDER BY r.id`;
  const storageKeys: string[] = [];
  for (const item of outside) storageKeys.push(...((await withdrawReturn(tx, item)) ?? []));
  return storageKeys;
}

/** Withdraws one return if it is still unsent and outside its contract's term; the storage keys of its evidence. */
async function withdrawReturn(tx: Tx, item: { id: string; contractId: string }) {
  // the term as it is now: a change to it holds the contract's row, so it waits for us or we for it
  const [contract] = await tx.$queryRaw<{ startDate: Date; endDate: Date; councilId: string }[]>`
        SELECT "startDate", "endDate", "councilId" FROM "Contract" WHERE id = ${item.contractId} FOR SHARE`;
  // and the return itself, so a save or upload in flight lands before we look, or finds it gone
  const [kpiReturn] = await tx.$queryRaw<
    { status: ReturnStatus; periodStart: Date; periodEnd: Date; financialYear: number; quarter: number }[]
  >`SELECT status::text AS status, "periodStart", "periodEnd", "financialYear", quarter
        FROM "KpiReturn" WHERE id = ${item.id} FOR UPDATE`;
  if (!contract || !kpiReturn || !UNSENT.includes(kpiReturn.status)) return null;
  if (isWithinTerm(kpiReturn, contract)) return null;
  const files = await tx.evidenceFile.findMany({
    where: { returnLine: { returnId: item.id } },
    select: { storageKey: true },
  });
  await tx.kpiReturn.delete({ where: { id: item.id } });
  await writeAudit(
    {
      actorUserId: null,
      organisationId: contract.councilId,
      actorOrganisationId: null,
      action: "return.withdraw",
      entityType: "KpiReturn",
      entityId: item.id,
      details: {
        reason: "outside the contract's term",
        quarter: quarterLabel(kpiReturn.financialYear, kpiReturn.quarter as QuarterNumber),
        status: kpiReturn.status,
        evidenceFiles: files.length,
      },
    },
    tx,
  );
  return files.map((f) => f.storageKey);
}

/**
 * Sends "due soon" reminders and overdue notices (to the supplier and the contract manager), for returns of
 * contracts still reporting (a terminated or pipeline contract's returns are not chased), for quarters within
 * the contract's term (a queried return left outside a shortened term is kept, but not chased: isWithinTerm).
 */
export async function sendReturnReminders(now: Date) {
  const horizon = new Date(startOfDay(now).getTime() + 31 * 24 * 60 * 60 * 1000);
  const candidates = await db.kpiReturn.findMany({
    where: { status: { in: OVERDUE_STATUSES }, dueDate: { lte: horizon }, ...reportingContract },
    orderBy: { id: "asc" },
    select: {
      id: true,
      status: true,
      dueDate: true,
      reminderSentAt: true,
      overdueNoticeSentAt: true,
      periodStart: true,
      periodEnd: true,
      contract: {
        select: {
          startDate: true,
          endDate: true,
          council: {
            select: { councilSettings: { select: { reminderDaysBefore: true, overdueReminderDays: true } } },
          },
        },
      },
    },
  });
  let reminders = 0;
  let overdueNotices = 0;
  // a return sent, queried, and then left outside a shortened term is not owed: it is not chased
  const owed = candidates.filter((c) => isWithinTerm(c, c.contract));
  const failed = await forEachItem("returns-reminders", owed, async (candidate) => {
    const settings = candidate.contract.council.councilSettings ?? DEFAULT_SETTINGS;
    if (isReminderDue(candidate, now, settings.reminderDaysBefore)) {
      if (await sendReminder(candidate.id, now)) reminders++;
    } else if (isOverdueNoticeDue(candidate, now, settings.overdueReminderDays)) {
      if (await sendOverdueNotice(candidate.id, candidate.overdueNoticeSentAt, now)) overdueNotices++;
    }
  });
  return { reminders, overdueNotices, failed };
}

function sendReminder(id: string, now: Date) {
  return db.$transaction(async (tx) => {
    if (!(await isReturnWithinTerm(tx, id))) return false;
    const claimed = await tx.kpiReturn.updateMany({
      where: { id, reminderSentAt: null, status: { in: OVERDUE_STATUSES }, ...reportingContract },
      data: { reminderSentAt: now },
    });
    if (claimed.count !== 1) return false;
    const kpiReturn = await tx.kpiReturn.findUniqueOrThrow({
      where: { id },
      select: { ...returnEmailSelect, status: true },
    });
    const email = await returnReminderEmail({
      ...emailBase(kpiReturn),
      daysLeft: daysUntilDue(kpiReturn.dueDate, now),
      queried: kpiReturn.status === "QUERIED",
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
    if (!(await isReturnWithinTerm(tx, id))) return false;
    // claimed only if nobody sent one since we looked
    const claimed = await tx.kpiReturn.updateMany({
      where: {
        id,
        overdueNoticeSentAt: lastSentAt,
        status: { in: OVERDUE_STATUSES },
        ...reportingContract,
      },
      data: { overdueNoticeSentAt: now },
    });
    if (claimed.count !== 1) return false;
    const kpiReturn = await tx.kpiReturn.findUniqueOrThrow({
      where: { id },
      select: { ...returnEmailSelect, status: true },
    });
    // a queried return was sent once: the emails say it is waiting for the changes asked for
    const base = { ...emailBase(kpiReturn), queried: kpiReturn.status === "QUERIED" };
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
