import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client.ts";

export { Prisma } from "~/generated/prisma/client.ts";

// One client per process, created on first use so tests can point DATABASE_URL first.
const globalForPrisma = globalThis as unknown as {
  __svmPrisma?: PrismaClient;
  __svmPrismaUrl?: string;
  __svmPool?: pg.Pool;
  __svmStatementNames?: Map<string, string>;
};

// PostgreSQL text cannot hold the NUL character (nor jsonb its \u0000 escape): a form value carrying one would
// make the query fail. It is invisible and meaningless in text, so it is dropped from every query parameter here,
// once, rather than in each of the app's schemas.
// eslint-disable-next-line no-control-regex -- matching the NUL character is the point
const NUL = /\u0000|\\u0000/g;
export function withoutNul(value: unknown): unknown {
  if (typeof value === "string") return value.replace(NUL, "");
  if (Array.isArray(value)) return value.map(withoutNul);
  return value;
}

type QueryFn = (...args: unknown[]) => unknown;

function stripNulFromQueries(client: pg.PoolClient) {
  const query = client.query.bind(client) as QueryFn;
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    if (config && typeof config === "object" && Array.isArray((config as { values?: unknown }).values)) {
      config = { ...config, values: withoutNul((config as { values: unknown[] }).values) };
    }
    if (Array.isArray(values)) values = withoutNul(values);
    return query(config, values, callback);
  }) as unknown as typeof client.query;
}

function createClient(url: string) {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // without these, a connection lost in a network partition hangs forever and the pool never recovers
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    idleTimeoutMillis: 30_000,
    query_timeout: 60_000,
  });
  pool.on("connect", stripNulFromQueries);
  // an idle connection dropped by the server is replaced on next use; unhandled, it would end the process
  pool.on("error", () => undefined);
  globalForPrisma.__svmPool = pool;
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

export function getDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!globalForPrisma.__svmPrisma || globalForPrisma.__svmPrismaUrl !== url) {
    globalForPrisma.__svmPrisma = createClient(url);
    globalForPrisma.__svmPrismaUrl = url;
  }
  return globalForPrisma.__svmPrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

// Column values come back as $queryRaw returns them: int8 as bigint, numeric as Decimal, and the schema's
// zone-less timestamps and dates as the UTC instants Prisma stores (pg alone would read them as local time).
const OID = { INT8: 20, DATE: 1082, TIMESTAMP: 1114, NUMERIC: 1700 } as const;
const asUtc = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const rawTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === OID.INT8) return (text: string) => BigInt(text);
    if (oid === OID.TIMESTAMP) return asUtc;
    if (oid === OID.DATE) return (text: string) => asUtc(`${text}T00:00:00`);
    if (oid === OID.NUMERIC) return (text: string) => new Prisma.Decimal(text);
    return pg.types.getTypeParser(oid, format);
  },
};

// A read-only query straight on the pool, for the few queries that run on every page view (decision 010):
// $queryRaw compiles even raw SQL through Prisma's query compiler first, about a quarter of a millisecond a
// query. Same tagged-template safety: `Prisma.sql` keeps every value a bound parameter. Not inside a
// transaction (use tx.$queryRaw there).
//
// Each distinct query text is a named prepared statement (decision 013): PostgreSQL then parses it once per
// connection and, after a few runs, reuses a generic plan instead of planning it on every call — planning was
// most of the database's time on a page view. The names are bounded, so queries whose text varies (IN lists of
// varying length) cannot grow the statements kept on each connection without limit; beyond the bound they run
// unnamed as before. A query whose best plan depends on its values (the marketplace list: LIMIT, OFFSET and a
// search's words) passes { prepare: false }: a generic plan measured two to three times slower there.
// DATABASE_PREPARED_STATEMENTS=false turns it off everywhere (for a pooler that cannot keep them).
//
// The names live beside the pool, one set per process: a process can hold this module twice (the server
// loads the app's build and, on a first start, seeds through its own copy), and two copies naming statements
// alone both gave the name svm_0 to different queries on the same connection, which PostgreSQL refuses.
const MAX_NAMED_STATEMENTS = 500;
function statementName(text: string): string | undefined {
  if (process.env.DATABASE_PREPARED_STATEMENTS === "false") return undefined;
  const statementNames = (globalForPrisma.__svmStatementNames ??= new Map<string, string>());
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_NAMED_STATEMENTS) {
    name = `svm_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return name;
}

export async function readRows<Rows extends unknown[]>(
  query: Prisma.Sql,
  options: { prepare?: boolean } = {},
): Promise<Rows> {
  getDb();
  const values = query.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  const config = {
    name: options.prepare === false ? undefined : statementName(query.text),
    text: query.text,
    values,
    types: rawTypes,
  };
  try {
    return (await queryOnPool(config)).rows as Rows;
  } catch (error) {
    if (!config.name || !isStalePlan(error)) throw error;
    // that connection was dropped (its other statements may be stale too): run this one unnamed
    return (await queryOnPool({ ...config, name: undefined })).rows as Rows;
  }
}

// A migration applied while the portal runs can change what a prepared statement returns (a column added to
// a table it selects * from): PostgreSQL then refuses it on that connection, "cached plan must not change
// result type", until the statement is prepared again. The connection is closed rather than reused (as every
// connection whose query failed is), so the pool opens fresh ones and the portal needs no restart.
function isStalePlan(error: unknown) {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === "0A000" &&
    String((error as { message?: unknown }).message).includes("cached plan")
  );
}

async function queryOnPool(config: pg.QueryConfig) {
  const client = await globalForPrisma.__svmPool!.connect();
  // As pool.query does: a connection that fails while checked out (the server restarting) emits "error", which
  // must be heard (unheard, it would end the process), and a client that failed is closed, never reused.
  let failed: Error | undefined;
  const onError = (error: Error) => {
    failed = error;
  };
  client.on("error", onError);
  try {
    return await client.query(config);
  } catch (error) {
    failed = error as Error;
    throw error;
  } finally {
    client.removeListener("error", onError);
    client.release(failed);
  }
}

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * A whole number written into the SQL text rather than sent as a parameter, for a value a prepared statement's one
 * plan must know (a list's length: decision 047). Only a safe integer is ever written: anything else (1.5, NaN,
 * Infinity, or a string passed where the types said number) throws before it reaches the SQL. A negative one is
 * written in brackets, so a minus before it cannot turn the two into the start of a comment.
 */
export function sqlInteger(n: number): Prisma.Sql {
  if (!Number.isSafeInteger(n)) throw new Error(`not a whole number to write into SQL: ${String(n)}`);
  return Prisma.raw(n < 0 ? `(${n})` : String(n));
}

/**
 * Holds a lock named `key` until the transaction ends (a PostgreSQL transaction-level advisory lock): another
 * transaction asking for the same key waits here, so two of the same change at once run one after the other.
 */
export function lockUntilCommit(tx: Tx, key: string) {
  return tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/**
 * Case-insensitive filters in which the text means itself. Prisma's insensitive `equals` and `contains` are ILIKEs
 * that leave the text as a pattern: "%" matches anything and "_" any one character, so "j_smith@…" also found
 * "jasmith@…" (and a name with "%" clashed with every other). Escaped, each character matches only itself.
 */
function literalPattern(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function sameTextAs(text: string) {
  return { equals: literalPattern(text), mode: "insensitive" } as const;
}

export function containingText(text: string) {
  return { contains: literalPattern(text), mode: "insensitive" } as const;
}

// A unique constraint refused the write: someone made the same record at the same moment.
export function isUniqueViolation(error: unknown) {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Until the transaction ends, each lock a statement goes on to wait for is given up after `ms` (PostgreSQL's
 * lock_timeout, set for this transaction only): the statement then fails with 55P03 (isLockTimeout), and the
 * transaction with it. It bounds each wait, not their sum: several waits in a row can still outlast the
 * transaction's own time, which Prisma then closes under its statement (P2028, see isTransactionGivenUp).
 */
export function setLockTimeout(tx: Tx, ms: number) {
  return tx.$queryRaw`SELECT set_config('lock_timeout', ${`${ms}ms`}, true)`;
}

// The error PostgreSQL refused a statement with, as Prisma's driver adapter reports it: its SQLSTATE (code), or
// for a few the adapter names instead (kind: TransactionWriteConflict for a serialization failure, 40001).
function driverCause(error: unknown) {
  const meta = (
    error as { meta?: { driverAdapterError?: { cause?: { code?: unknown; kind?: unknown } } } } | null
  )?.meta;
  return meta?.driverAdapterError?.cause;
}

/** A statement PostgreSQL gave up on after `lock_timeout` (SQLSTATE 55P03), as Prisma's driver adapter reports it. */
export function isLockTimeout(error: unknown) {
  return driverCause(error)?.code === "55P03";
}

const CLASHES = ["40P01", "40001"];

/**
 * PostgreSQL or Prisma gave the transaction up, and rolled it back: a lock it waited for was not granted within its
 * lock_timeout (55P03), it ran past its time (P2028, "Transaction already closed", or its start waited past
 * maxWait), or it clashed with another transaction (a deadlock, 40P01, or a serialization failure, 40001 / P2034).
 * Nothing it did is kept, so the person can be asked to try again rather than shown an error page.
 */
export function isTransactionGivenUp(error: unknown) {
  if (typeof error !== "object" || error === null) return false;
  const { code } = error as { code?: unknown };
  if (code === "P2028" || code === "P2034") return true;
  const cause = driverCause(error);
  return (
    isLockTimeout(error) ||
    cause?.kind === "TransactionWriteConflict" ||
    (typeof cause?.code === "string" && CLASHES.includes(cause.code))
  );
}

/**
 * Why a transaction was given up (isTransactionGivenUp), for what to tell the person: "clashed" when it met another
 * change at the same moment (a deadlock or serialization failure), which trying again straight away gets past;
 * "waited" when a lock it needed stayed held past its lock_timeout, or its time ran out (most often waiting), which
 * may last as long as the change holding it (a large import) or the load on the server. null: not given up.
 */
export function givenUpBecause(error: unknown): "clashed" | "waited" | null {
  if (!isTransactionGivenUp(error)) return null;
  const cause = driverCause(error);
  const clashed =
    (error as { code?: unknown }).code === "P2034" ||
    cause?.kind === "TransactionWriteConflict" ||
    (typeof cause?.code === "string" && CLASHES.includes(cause.code));
  return clashed ? "clashed" : "waited";
}

export async function disconnectDb() {
  await globalForPrisma.__svmPrisma?.$disconnect();
  globalForPrisma.__svmPrisma = undefined;
  globalForPrisma.__svmPrismaUrl = undefined;
  globalForPrisma.__svmPool = undefined;
}
