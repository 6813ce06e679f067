// Scheduled runs that read their rows a batch at a time (requests to expire, deliveries to remind of).
import { forEachItem } from "./each-item.server.ts";

// How many rows one query of a run reads: a run goes on, batch after batch, until none is left.
export const JOB_BATCH_SIZE = 500;

export type Batching = { batchSize?: number };

// Works through the rows a query finds, a batch at a time in id order: each batch starts after the last id of
// the one before, so rows a step leaves as they were (extended meanwhile, work under way) are not read again
// and the run ends. Returns how many batches it read and how many rows failed (each logged, left for the next run).
export async function inBatches<Row extends { id: string }>(
  job: string,
  batchSize: number,
  read: (page: { after: string | undefined; take: number }) => Promise<Row[]>,
  step: (row: Row) => Promise<void>,
) {
  let after: string | undefined;
  let batches = 0;
  let failed = 0;
  for (;;) {
    const rows = await read({ after, take: batchSize });
    if (rows.length) batches++;
    failed += await forEachItem(job, rows, step);
    if (rows.length < batchSize) return { batches, failed };
    after = rows[rows.length - 1].id;
  }
}
