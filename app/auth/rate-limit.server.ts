// Rate limits on sign-in, sign-up, password reset and email verification, per client address and per account, and
// on the forms that email an address the sender types (a new address to confirm, an invitation), so the portal
// cannot be used to flood someone's inbox (the "account" there is the signed-in person, or the organisation), and
// on registering an organisation, so no one fills a council's verification queue.
// Counters live in PostgreSQL (rate-limiter-flexible), so every app instance shares them.
import crypto from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

export type LimitedAction =
  | "sign-in"
  | "sign-up"
  | "password-reset"
  | "verification"
  | "email-change"
  | "invitation"
  | "registration"
  | "password-score";

const RULES: Record<LimitedAction, { perIp: number; perAccount: number; windowSeconds: number }> = {
  "sign-in": { perIp: 50, perAccount: 5, windowSeconds: 15 * 60 }, // failed attempts only
  "sign-up": { perIp: 10, perAccount: 3, windowSeconds: 60 * 60 },
  "password-reset": { perIp: 10, perAccount: 3, windowSeconds: 60 * 60 },
  verification: { perIp: 30, perAccount: 10, windowSeconds: 60 * 60 },
  "email-change": { perIp: 20, perAccount: 5, windowSeconds: 60 * 60 },
  // an organisation bringing its team in may invite many at once
  invitation: { perIp: 100, perAccount: 50, windowSeconds: 60 * 60 },
  // registering an organisation (the account is the signed-in person): a council's verification queue is worked
  // by people, so one account may not fill it; a real person registers one or two, perhaps after a few refusals
  registration: { perIp: 50, perAccount: 10, windowSeconds: 60 * 60 },
  // scoring a new password (decision 051) costs the server's one thread up to a few tenths of a second, and
  // sign-up scores it before the form is otherwise accepted: every form that would score one counts here first
  "password-score": { perIp: 60, perAccount: 30, windowSeconds: 60 * 60 },
};

// Kept out of Prisma's schema so migrations never see the limiter's table.
const SCHEMA = "rate_limits";

type Limiters = Record<LimitedAction, { ip: RateLimiterPostgres; account: RateLimiterPostgres }>;
const state = globalThis as unknown as {
  __svmLimiters?: { url: string; pool: pg.Pool; ready: Promise<Limiters> };
};

function createLimiter(pool: pg.Pool, keyPrefix: string, points: number, duration: number) {
  return new Promise<RateLimiterPostgres>((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      { storeClient: pool, schemaName: SCHEMA, tableName: "counters", keyPrefix, points, duration },
      (error?: unknown) => (error ? reject(error) : resolve(limiter)),
    );
  });
}

// Another instance may be creating the same table at this moment ("already exists" errors): try again.
async function retryCreate<T>(create: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!["23505", "42P07", "42710"].includes(code ?? "") || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function build(pool: pg.Pool): Promise<Limiters> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
  } catch (error) {
    // another instance created it at the same moment
    if ((error as { code?: string }).code !== "23505") throw error;
  }
  // One after the other: every limiter shares one table, and creating it twice at once fails in PostgreSQL.
  const entries = [];
  for (const action of Object.keys(RULES) as LimitedAction[]) {
    const rule = RULES[action];
    const ip = await retryCreate(() => createLimiter(pool, `${action}:ip`, rule.perIp, rule.windowSeconds));
    const account = await retryCreate(() =>
      createLimiter(pool, `${action}:account`, rule.perAccount, rule.windowSeconds),
    );
    entries.push([action, { ip, account }] as const);
  }
  return Object.fromEntries(entries) as Limiters;
}

function limiters(): Promise<Limiters> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!state.__svmLimiters || state.__svmLimiters.url !== url) {
    const pool = new pg.Pool({ connectionString: url, max: 3, allowExitOnIdle: true });
    // a dropped connection is replaced on next use; without a listener it would crash the process
    pool.on("error", () => undefined);
    const ready = build(pool);
    ready.catch(() => (state.__svmLimiters = undefined));
    state.__svmLimiters = { url, pool, ready };
  }
  return state.__svmLimiters.ready;
}

// `accountHeld`: the account's allowance is spent (not only the client address's)
export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; accountHeld: boolean };

// The counter key for an account (an email or an emailed token as typed): hashed, so the counters table holds no
// addresses or tokens, and whatever was typed (even a NUL character) is a valid key.
function accountKey(account: string) {
  return crypto.createHash("sha256").update(account.toLowerCase()).digest("base64url");
}

// Counts one attempt against the client address and (if known) the account; refuses once either is spent.
export async function consumeAttempt(
  action: LimitedAction,
  keys: { ip: string | null; account?: string | null },
): Promise<LimitResult> {
  const limiter = (await limiters())[action];
  const attempts = [limiter.ip.consume(keys.ip || "unknown")];
  if (keys.account) attempts.push(limiter.account.consume(accountKey(keys.account)));
  const results = await Promise.allSettled(attempts);
  let waitMs = 0;
  let accountHeld = false;
  for (const [index, result] of results.entries()) {
    if (result.status === "fulfilled") continue;
    if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
    waitMs = Math.max(waitMs, result.reason.msBeforeNext);
    if (index === 1) accountHeld = true;
  }
  return waitMs > 0 ? { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000), accountHeld } : { ok: true };
}

/** Counts one scoring of a new password (decision 051) against the client address and the account, if known. A
 * request with no client address did not come through the portal's server, which always names one (a test calling
 * an action directly): it is not counted, so such tests do not share one address's allowance. */
export function consumePasswordScore(keys: {
  ip: string | null;
  account?: string | null;
}): Promise<LimitResult> {
  if (!keys.ip) return Promise.resolve({ ok: true });
  return consumeAttempt("password-score", keys);
}

// Sign-in only holds failures against a client (an office behind one address signs in many times a day), but
// every attempt is counted *before* the password is checked and handed back when it succeeds: checking first
// and counting after would let many guesses sent at once all pass the check.
export async function refundSignIn(keys: { ip: string | null; account: string }) {
  const limiter = (await limiters())["sign-in"];
  await Promise.all([
    limiter.ip.reward(keys.ip || "unknown", 1),
    // a successful sign-in clears the account's count, so a user's own typos do not lock them out later
    limiter.account.delete(accountKey(keys.account)),
  ]);
}

// A password reset (by the emailed link) proves the account is the person's: the failed sign-ins counted against it,
// perhaps someone else's guesses, no longer keep them out with their new password.
export async function clearSignInFailures(account: string) {
  const limiter = (await limiters())["sign-in"];
  await limiter.account.delete(accountKey(account));
}

export function waitMessage(seconds: number) {
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds} seconds` : minutes === 1 ? "1 minute" : `${minutes} minutes`;
  return `Too many attempts. Wait ${wait}, then try again.`;
}

export async function closeRateLimits() {
  const current = state.__svmLimiters;
  state.__svmLimiters = undefined;
  await current?.pool.end();
}
