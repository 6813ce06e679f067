// A contract registered or imported after some of its quarters ended (or given its first commitment then) owes
// returns for them at once: until they exist its report row says "Not opened" and the dashboard does not count
// them as overdue. They are opened as soon as it is saved, by the daily job's own rule (openReturnsForQuarter,
// which creates each return once), so the job's next run finds them there and adds nothing. The same rule dates them:
// one whose usual due date has passed, or is near, is due the council's number of days from today (dueDateOnOpening),
// so a contract registered late has nothing overdue on its first day.
//
// They are read and created with the contract's row held (FOR SHARE here, FOR UPDATE by a term change, which opens
// its returns in its own transaction): without, an opening that read the old term and a change shortening it could
// interleave, leaving a return open for a quarter the term no longer covers until the next daily run. The daily
// job's own run over every contract (openReturnsForQuarter without contractIds) holds them too, a batch at a time,
// and skips a contract a change holds (that change opens its returns itself).
import { db, type Tx } from "~/db.server.ts";
import {
  announceOpenedReturns,
  openReturnsForQuarter,
  withdrawReturnsOutsideTermIn,
} from "~/domain/reporting/returns-jobs.server.ts";
import { logger } from "~/server/logger.ts";

// An import opening at most this many returns tells their suppliers at once, as a contract registered by hand does;
// a bigger one (a council's whole register uploaded at once: each email takes some 20 to 50 ms to write, so 5,000
// returns would hold the officer's page for minutes) leaves them to the daily job's next run, which announces every
// return opened in the last ANNOUNCE_OPENED_WITHIN_DAYS days.
export const IMPORT_ANNOUNCES_AT_ONCE = 50;

/** Opens the returns now due for these contracts, after the transaction that saved them has committed, and tells
 * their suppliers (with `announceUpTo`, only when it opened no more returns than that; otherwise the daily job's
 * next run does). A failure is logged, not shown: what was saved stays saved, and the daily job opens the returns
 * (and tells the suppliers) at its next run. */
export async function openDueReturns(
  contractIds: string[],
  { announceUpTo, now = new Date() }: { announceUpTo?: number; now?: Date } = {},
) {
  if (!contractIds.length) return;
  let opened = 0;
  try {
    await db.$transaction(
      async (tx) => {
        // a term change to any of them waits until these are opened, or they until it has committed
        await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ANY(${contractIds}::text[]) ORDER BY id FOR SHARE`;
        ({ created: opened } = await openReturnsForQuarter(now, undefined, { contractIds, client: tx }));
      },
      // an import opens the returns of thousands of contracts at once
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (err) {
    logger.error({ err, contractIds }, "opening a contract's due returns failed; left for the daily run");
    return;
  }
  if (announceUpTo === undefined || opened <= announceUpTo) await announceDueReturns(contractIds, now);
}

/** Tells the suppliers of these contracts about their returns opened and not yet announced (a failed email is
 * logged, and sent at the daily job's next run). */
export async function announceDueReturns(contractIds: string[], now = new Date()) {
  try {
    await announceOpenedReturns(now, contractIds);
  } catch (err) {
    logger.error(
      { err, contractIds },
      "announcing a contract's opened returns failed; left for the daily run",
    );
  }
}

/**
 * Brings a contract's returns in line with its term, in the transaction that has just saved it and holds its row
 * FOR UPDATE: withdraws those never sent for quarters the term no longer covers (one already sent stays, with its
 * history: withdrawReturnsOutsideTerm's rule) and opens those now due. A failure here is logged and undone on its
 * own (a savepoint), leaving the save itself to commit: the daily job does both at its next run. Gives the evidence
 * files of the withdrawn returns, to remove once the transaction has committed (removeWithdrawnEvidence).
 */
export async function settleReturnsIn(tx: Tx, contractId: string, now = new Date()): Promise<string[]> {
  await tx.$executeRaw`SAVEPOINT settle_returns`;
  try {
    const storageKeys = await withdrawReturnsOutsideTermIn(tx, contractId);
    await openReturnsForQuarter(now, undefined, { contractIds: [contractId], client: tx });
    await tx.$executeRaw`RELEASE SAVEPOINT settle_returns`;
    return storageKeys;
  } catch (err) {
    logger.error(
      { err, contractId },
      "settling a contract's returns with its term failed; left for the daily run",
    );
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT settle_returns`;
    return [];
  }
}
