// One-off emailed links (verify email, reset password, confirm a new email, invitations): the link carries a
// random token; the database keeps only its SHA-256, so a leaked database cannot be turned into links.
import crypto from "node:crypto";
import { db, lockUntilCommit, type Tx } from "~/db.server.ts";
import type { TokenPurpose } from "~/generated/prisma/enums.ts";

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  EMAIL_VERIFICATION: 48 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
  EMAIL_CHANGE: 24 * 60 * 60 * 1000,
};
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function newToken() {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

// A link asked for twice moments apart (a double click, a slow network) is sent once: a second email would retire
// the first's link, and the person may well open the first. Asked for again later, a new link replaces the old.
// Invitations sent twice use the same window (members.server.ts).
export const REPEAT_WINDOW_MS = 2 * 60 * 1000;

/** One change at a time to a user's links for one purpose: issuing a link, and anything that reads the working one
 * and then acts on it (sending a new address's link again, cancelling it), wait for each other. */
export function lockUserTokens(tx: Tx, userId: string, purpose: TokenPurpose) {
  return lockUntilCommit(tx, `user-token:${userId}:${purpose}`);
}

// Issues a fresh token and retires the user's earlier unused ones for the same purpose. Null (send nothing) when
// the same link was issued moments ago and is still unused: the request was sent twice.
export async function issueUserToken(
  tx: Tx,
  userId: string,
  purpose: TokenPurpose,
  options: { newEmail?: string; now?: Date } = {},
): Promise<string | null> {
  const now = options.now ?? new Date();
  // one request at a time per user and purpose, so the second of two sent at once sees the first's token
  await lockUserTokens(tx, userId, purpose);
  const justIssued = await tx.userToken.findFirst({
    where: {
      userId,
      purpose,
      newEmail: options.newEmail ?? null,
      usedAt: null,
      expiresAt: { gt: now },
      createdAt: { gt: new Date(now.getTime() - REPEAT_WINDOW_MS) },
    },
    select: { id: true },
  });
  if (justIssued) return null;
  await tx.userToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  const { token, tokenHash } = newToken();
  await tx.userToken.create({
    data: {
      userId,
      purpose,
      tokenHash,
      newEmail: options.newEmail ?? null,
      expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
    },
  });
  return token;
}

// Marks the token used if it is valid now; a second use, an expired or an unknown token gives null.
export async function consumeUserToken(tx: Tx, token: string, purpose: TokenPurpose, now = new Date()) {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const claimed = await tx.userToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count !== 1) return null;
  return tx.userToken.findUnique({
    where: { tokenHash },
    select: { userId: true, newEmail: true, user: { select: { email: true, deletedAt: true } } },
  });
}

// A token already used (or retired by a newer one), with what its user looks like now: a link's button pressed
// twice is answered as the first press was when the user shows that press's effect. Its holder learns nothing more.
export async function usedUserToken(tx: Tx, token: string, purpose: TokenPurpose) {
  if (!token || token.length > 200) return null;
  return tx.userToken.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: { not: null }, user: { deletedAt: null } },
    select: {
      usedAt: true,
      newEmail: true,
      userId: true,
      user: { select: { email: true, emailVerifiedAt: true, passwordHash: true } },
    },
  });
}

// For pages that show a form before the token is used (reset password).
export async function peekUserToken(tx: Tx, token: string, purpose: TokenPurpose, now = new Date()) {
  if (!token || token.length > 200) return null;
  return tx.userToken.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, userId: true, newEmail: true, user: { select: { email: true, name: true } } },
  });
}

/** How a confirmation link stands before its button is pressed, read without using it: still usable, already used
 * with its effect showing (`done`: the address confirmed, or changed to the new one), or `ended` (unknown, expired,
 * retired by a newer link, or its account deleted), so the page says so at once rather than after the press.
 * `forAnotherAccount` (used or ended only): the link is known to have been sent for an account other than
 * `askedBy`'s (the one signed in where it is opened), so the page can say who is signed in rather than offer signing
 * in. Its holder learns nothing of that account. `newEmail` (a usable EMAIL_CHANGE link only): the address the link
 * was sent to, which its holder read it at, so the page can say which address the account will use. */
export async function confirmationLinkStanding(
  token: string,
  purpose: "EMAIL_VERIFICATION" | "EMAIL_CHANGE",
  askedBy: string | null = null,
): Promise<{ standing: "usable" | "done" | "ended"; forAnotherAccount: boolean; newEmail: string | null }> {
  const forAnotherAccount = async () => {
    if (!askedBy || !token || token.length > 200) return false;
    const sent = await db.userToken.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { purpose: true, userId: true, user: { select: { deletedAt: true } } },
    });
    return Boolean(sent && sent.purpose === purpose && !sent.user.deletedAt && sent.userId !== askedBy);
  };
  // (a working link pressed for another account is answered by its button: users.server.ts)
  const usable = await peekUserToken(db, token, purpose);
  if (usable) return { standing: "usable", forAnotherAccount: false, newEmail: usable.newEmail };
  const used = await usedUserToken(db, token, purpose);
  const done =
    used &&
    (purpose === "EMAIL_VERIFICATION"
      ? Boolean(used.user.emailVerifiedAt)
      : Boolean(used.newEmail) && used.user.email === used.newEmail);
  return { standing: done ? "done" : "ended", forAnotherAccount: await forAnotherAccount(), newEmail: null };
}
