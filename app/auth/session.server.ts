// Sessions as in Lucia's guide (lucia-auth.com, "Sessions"), without the deprecated `lucia` package:
// the cookie holds `<id>.<secret>`; the database holds the id and only the SHA-256 of the secret.
import crypto from "node:crypto";
import { parse, serialize } from "cookie";
import { db, Prisma, readRows } from "~/db.server.ts";
import { getEnv } from "~/env.server.ts";
import { SESSION_COOKIE } from "./session-cookie-name.ts";

export { SESSION_COOKIE };

const INACTIVITY_TIMEOUT_MS = 10 * 24 * 60 * 60 * 1000; // 10 days without use
const ABSOLUTE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000; // never longer than 30 days
const ACTIVITY_CHECK_MS = 60 * 60 * 1000; // refresh "last used" at most hourly

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  emailVerifiedAt: Date | null;
};

function randomSecret(bytes = 24) {
  return crypto.randomBytes(bytes).toString("base64url");
}

function hashSecret(secret: string): Buffer {
  return crypto.createHash("sha256").update(secret).digest();
}

export async function createSession(userId: string, userAgent?: string | null) {
  const id = randomSecret(15);
  const secret = randomSecret(24);
  const now = Date.now();
  await db.session.create({
    data: {
      id,
      secretHash: new Uint8Array(hashSecret(secret)),
      userId,
      createdAt: new Date(now),
      lastUsedAt: new Date(now),
      expiresAt: new Date(now + INACTIVITY_TIMEOUT_MS),
      userAgent: userAgent?.slice(0, 300) ?? null,
    },
  });
  // The cookie lasts the session's longest possible life; the database decides sooner (10 idle days, extended
  // on use). A cookie expiring with the first 10 days would sign an active user out although the session
  // was still being extended, as nothing re-sends it on ordinary page views.
  return { token: `${id}.${secret}`, expiresAt: new Date(now + ABSOLUTE_LIFETIME_MS) };
}

export async function validateSessionToken(
  token: string,
): Promise<{ sessionId: string; user: SessionUser } | null> {
  const [id, secret] = token.split(".");
  if (!id || !secret || id.length > 64 || secret.length > 128) return null;
  // Raw SQL: this runs on every signed-in request, and Prisma 6's query compiler costs about a millisecond
  // per query shape (decision 010).
  const [session] = await readRows<
    {
      id: string;
      secretHash: Uint8Array;
      createdAt: Date;
      lastUsedAt: Date;
      expiresAt: Date;
      userId: string;
      email: string;
      name: string;
      isPlatformAdmin: boolean;
      emailVerifiedAt: Date | null;
      deletedAt: Date | null;
    }[]
  >(Prisma.sql`
    SELECT s.id, s."secretHash", s."createdAt", s."lastUsedAt", s."expiresAt", u.id AS "userId", u.email,
           u.name, u."isPlatformAdmin", u."emailVerifiedAt", u."deletedAt"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${id}`);
  if (!session) return null;
  const expected = Buffer.from(session.secretHash);
  const actual = hashSecret(secret);
  if (expected.length !== actual.length || !crypto.timingSafeEqual(expected, actual)) return null;
  const now = Date.now();
  if (
    session.deletedAt ||
    session.expiresAt.getTime() <= now ||
    session.createdAt.getTime() + ABSOLUTE_LIFETIME_MS <= now
  ) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastUsedAt.getTime() >= ACTIVITY_CHECK_MS) {
    const cap = session.createdAt.getTime() + ABSOLUTE_LIFETIME_MS;
    // only as read: a session cut short meanwhile (the one a password was changed with) is not extended again
    await db.session.updateMany({
      where: { id, expiresAt: session.expiresAt },
      data: { lastUsedAt: new Date(now), expiresAt: new Date(Math.min(now + INACTIVITY_TIMEOUT_MS, cap)) },
    });
  }
  const user: SessionUser = {
    id: session.userId,
    email: session.email,
    name: session.name,
    isPlatformAdmin: session.isPlatformAdmin,
    emailVerifiedAt: session.emailVerifiedAt,
  };
  return { sessionId: session.id, user };
}

export async function invalidateSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateAllSessions(userId: string, exceptSessionId?: string) {
  await db.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
}

export function cookieIsSecure() {
  const env = getEnv();
  if (env.SESSION_COOKIE_SECURE) return env.SESSION_COOKIE_SECURE === "true";
  return env.NODE_ENV === "production" && (env.APP_URL ?? "").startsWith("https://");
}

export function sessionCookie(token: string, expiresAt: Date) {
  return serialize(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: cookieIsSecure(),
    expires: expiresAt,
  });
}

export function clearSessionCookie() {
  return serialize(SESSION_COOKIE, "", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: cookieIsSecure(),
    maxAge: 0,
  });
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("cookie");
  return header ? (parse(header)[SESSION_COOKIE] ?? null) : null;
}

/**
 * Ends the session the request's cookie holds, if it is a valid one: for a page that replaces the cookie (signing
 * in as someone else on a shared computer) or clears it, so the session does not stay usable in the database
 * until it idles out.
 */
export async function endSessionOfRequest(request: Request) {
  const token = readSessionToken(request);
  const session = token ? await validateSessionToken(token) : null;
  if (session) await invalidateSession(session.sessionId);
}
