// A contract registered or imported after some of its quarters ended (or given its first commitment then) owes
// returns for them at once: until they exist its report row says "Not opened" and the dashboard does not count
// them as overdue. They are opened as soon as it is saved, by the daily job's own rule (openReturnsForQuarter,
// which creates each return once), so the job's next run finds them there and adds nothing.
import { openReturnsForQuarter } from "~/domain/reporting/returns-jobs.server.ts";
import { logger } from "~/server/logger.ts";

/** Opens the returns now due for these contracts, after the transaction that saved them has committed, and tells
 * their suppliers (or, with `noticesAtNextRun`, leaves that to the daily job: an import of thousands of contracts).
 * A failure is logged, not shown: what was saved stays saved, and the daily job opens the returns at its next run. */
export async function openDueReturns(
  contractIds: string[],
  { noticesAtNextRun = false, now = new Date() }: { noticesAtNextRun?: boolean; now?: Date } = {},
) {
  if (!contractIds.length) return;
  try {
    await openReturnsForQuarter(now, undefined, { contractIds, noticesAtNextRun });
  } catch (err) {
    logger.error({ err, contractIds }, "opening a contract's due returns failed; left for the daily run");
  }
}
