// The addresses an account has had, and when each was its own. What was emailed to an address belongs to whoever
// had it when it was sent: an address one account moved away from may since have been taken by another.
import { db, type Tx } from "~/db.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";

/** An address the account had, from (null: since before anyone had it) until (null: it still has it). */
export type AddressPeriod = { address: string; from: Date | null; until: Date | null };

// A move's own notice to the address left is written just after the move's audit entry, in the same transaction:
// what is written to it within this long of the move is still the leaving account's (unless another takes it sooner).
// Outbox emails now name their account (EmailOutbox.userId, see emailsOfUser), so this allowance is only read for
// what does not: invitations (to an address, not an account), and outbox rows written before the column existed.
const HANDOVER_MS = 60 * 1000;

type Client = Tx | typeof db;

function emailChangesWhere(path: "from" | "to", address: string) {
  return {
    action: "account.email_changed",
    entityType: "User",
    details: { path: [path], equals: address },
  } as const;
}

function addressIn(details: unknown, key: "from" | "to") {
  const value = (details ?? {}) as Record<string, unknown>;
  return typeof value[key] === "string" && value[key] ? (value[key] as string).toLowerCase() : null;
}

const earlier = (a: Date, b: Date | null) => (b && b < a ? b : a);

// When another account last moved away from the address before this one took it: what was written to it until
// then (and the move's own notice) was that account's.
async function previousHolderLeft(client: Client, userId: string, address: string, acquiredAt: Date) {
  const left = await client.auditLog.findFirst({
    where: {
      ...emailChangesWhere("from", address),
      entityId: { not: userId },
      createdAt: { lt: acquiredAt },
    },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return left ? earlier(new Date(left.createdAt.getTime() + HANDOVER_MS), acquiredAt) : null;
}

// When another account first took the address after this one left it (signing up with it or moving to it).
async function nextHolderTook(client: Client, userId: string, address: string, leftAt: Date) {
  const [movedTo, signedUp] = await Promise.all([
    client.auditLog.findFirst({
      where: { ...emailChangesWhere("to", address), entityId: { not: userId }, createdAt: { gt: leftAt } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    client.user.findFirst({
      where: { email: address, id: { not: userId }, createdAt: { gt: leftAt } },
      select: { createdAt: true },
    }),
  ]);
  const times = [movedTo?.createdAt, signedUp?.createdAt].filter((t): t is Date => Boolean(t));
  return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

/** Each address the account has had, oldest first, with the time it was the account's (from its audit log). */
export async function addressPeriods(userId: string, client: Client = db): Promise<AddressPeriod[]> {
  const user = await client.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, createdAt: true },
  });
  const changes = await client.auditLog.findMany({
    where: { action: "account.email_changed", entityType: "User", entityId: userId },
    orderBy: { createdAt: "asc" },
    select: { details: true, createdAt: true },
  });
  const held: { address: string; acquiredAt: Date; leftAt: Date | null }[] = [
    {
      address: addressIn(changes[0]?.details, "from") ?? user.email,
      acquiredAt: user.createdAt,
      leftAt: null,
    },
  ];
  for (const change of changes) {
    const to = addressIn(change.details, "to");
    if (!to) continue;
    held[held.length - 1]!.leftAt = change.createdAt;
    held.push({ address: to, acquiredAt: change.createdAt, leftAt: null });
  }
  return Promise.all(
    held.map(async ({ address, acquiredAt, leftAt }) => ({
      address,
      from: await previousHolderLeft(client, userId, address, acquiredAt),
      until: leftAt
        ? earlier(
            new Date(leftAt.getTime() + HANDOVER_MS),
            await nextHolderTook(client, userId, address, leftAt),
          )
        : null,
    })),
  );
}

/** The `createdAt` filter for what was written to the period's address while it was the account's. */
export function duringPeriod(period: AddressPeriod) {
  return {
    ...(period.from ? { gte: period.from } : {}),
    ...(period.until ? { lt: period.until } : {}),
  };
}

/**
 * The outbox emails that were the account's: those written for it (they name it), and those that name no account
 * (written before emails did, or to an address no account had then) sent to one of its addresses while it was its
 * own. An email naming another account is never this one's, whatever address it went to.
 */
export function emailsOfUser(userId: string, periods: AddressPeriod[]): Prisma.EmailOutboxWhereInput {
  return {
    OR: [{ userId }, ...periods.map((p) => ({ userId: null, to: p.address, createdAt: duringPeriod(p) }))],
  };
}
