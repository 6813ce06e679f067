// Scheduled runs work item by item (a request to expire, a return to chase, a search to send). One item that
// fails (a damaged row, a template that cannot render it, a connection lost mid-item) is logged with its id and
// left as it was for the next run; the run goes on with the items after it instead of stopping there every day.
import { logger } from "~/server/logger.ts";

/** Runs `step` for each item in order; returns how many failed. */
export async function forEachItem<Item extends { id: string }>(
  job: string,
  items: Iterable<Item>,
  step: (item: Item) => Promise<void>,
): Promise<number> {
  let failed = 0;
  for (const item of items) {
    try {
      await step(item);
    } catch (error) {
      failed++;
      logger.error({ err: error, job, itemId: item.id }, "scheduled job item failed; left for the next run");
    }
  }
  return failed;
}
