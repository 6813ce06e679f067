// Scheduled runs work item by item (a request to expire, a return to chase, a search to send). One item that
// fails (a damaged row, a template that cannot render it, a rule the database enforces) is logged with its id and
// left as it was for the next run; the run goes on with the items after it instead of stopping there every day.
// A lost database is not an item's fault: it ends the run at once, failed, so the job runner retries it.
import { logger } from "~/server/logger.ts";

/** Runs `step` for each item in order; returns how many failed. Rethrows when the database cannot be reached. */
export async function forEachItem<Item extends { id: string }>(
  job: string,
  items: Iterable<Item>,
  step: (item: Item) => Promise<void>,
  // false where an error's message could quote what it was writing (survey answers): only its kind is logged
  { errorDetails = true }: { errorDetails?: boolean } = {},
): Promise<number> {
  let failed = 0;
  for (const item of items) {
    try {
      await step(item);
    } catch (error) {
      if (databaseUnreachable(error)) throw error;
      failed++;
      const err = errorDetails ? error : errorKind(error);
      logger.error({ err, job, itemId: item.id }, "scheduled job item failed; left for the next run");
    }
  }
  return failed;
}

function errorKind(error: unknown) {
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  return {
    type: typeof name === "string" ? name : typeof error,
    code: typeof code === "string" ? code : undefined,
  };
}

// Node's socket errors, PostgreSQL's connection exception class (08…) and shutdown codes, and Prisma's codes
// for an unreachable, closed or timed-out connection.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);
// what Prisma's PostgreSQL adapter calls the same failures
const CONNECTION_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
// node-postgres and its pool say so in words only
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Can't reach database server/i;

/** Whether an error, or one it wraps, says the database could not be reached rather than refused this item. */
export function databaseUnreachable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== "object" || depth > 6) return false;
  const { code, kind, name, message, cause, meta } = error as Record<string, unknown>;
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof kind === "string" && CONNECTION_KINDS.has(kind)) return true;
  if (name === "PrismaClientInitializationError") return true;
  if (typeof message === "string" && CONNECTION_MESSAGES.test(message)) return true;
  const adapterError = (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError;
  return databaseUnreachable(cause, depth + 1) || databaseUnreachable(adapterError, depth + 1);
}
