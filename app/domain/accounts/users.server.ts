// Users: sign-up, sign-in, email verification, password reset, profile changes and data export (deletion is in
// deletion.server.ts).
import { hashPassword, verifyPassword } from "~/auth/password.server.ts";
import { clearSignInFailures, consumeAttempt, refundSignIn, waitMessage } from "~/auth/rate-limit.server.ts";
import { createSession, invalidateAllSessions } from "~/auth/session.server.ts";
import {
  db,
  isTransactionGivenUp,
  isUniqueViolation,
  lockUntilCommit,
  setLockTimeout,
  type Tx,
} from "~/db.server.ts";
import { recentlyAudited, SENT_TWICE_WINDOW_MS, writeAudit } from "~/domain/audit/audit.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import type { TokenPurpose } from "~/generated/prisma/enums.ts";
import {
  accountNoticeMessage,
  alreadyRegisteredMessage,
  brandForUser,
  resetPasswordMessage,
  verifyEmailMessage,
} from "./emails.server.tsx";
import { addressPeriods, duringPeriod, emailsOfUser } from "./address-history.server.ts";
import { pendingEmailChange, sendEmailChangeLink } from "./email-change.server.ts";
import { acceptInvitation, findOpenInvitation, INVITATION_ENDED } from "./members.server.ts";
import { CURRENT_PASSWORD_INCORRECT } from "./labels.ts";
import { pastRegistering } from "./registering-journey.server.ts";
import type { NewOrganisationKind } from "./schemas.ts";
import {
  consumeUserToken,
  hashToken,
  issueUserToken,
  REPEAT_WINDOW_MS,
  usedUserToken,
} from "./tokens.server.ts";

type Context = { ip: string | null; userAgent?: string | null };

// Verifying against a real hash when the account does not exist keeps the timing the same either way.
let dummyHash: Promise<string> | undefined;
function timingDecoy() {
  return (dummyHash ??= hashPassword("not-a-real-password-for-timing"));
}

// One sign-up per address at a time, whichever way it comes (the form or an invitation): a double submit waits
// here and then finds the account the first one made.
function lockSignUp(tx: Tx, email: string) {
  return lockUntilCommit(tx, `sign-up:${email.toLowerCase()}`);
}

function auditSignUp(tx: Tx, userId: string, context: Context) {
  return writeAudit(
    {
      actorUserId: userId,
      actorOrganisationId: null,
      action: "auth.sign_up",
      entityType: "User",
      entityId: userId,
      ipAddress: context.ip,
    },
    tx,
  );
}

export async function signUp(
  input: {
    name: string;
    email: string;
    password: string;
    organisationKind?: NewOrganisationKind | "join";
    /** a page of the portal (checked by the caller) the confirmation link leads on to */
    redirectTo?: string;
  },
  context: Context,
) {
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await lockSignUp(tx, input.email);
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, name: true, passwordHash: true, emailVerifiedAt: true, createdAt: true },
    });
    if (existing) {
      // The form sent twice (a double click): the first made the account moments ago, with this very password,
      // and its confirmation link is on its way. Telling them they "already have an account" would alarm them.
      const repeat =
        !existing.emailVerifiedAt &&
        existing.createdAt.getTime() > Date.now() - REPEAT_WINDOW_MS &&
        existing.passwordHash &&
        (await verifyPassword(existing.passwordHash, input.password));
      if (repeat) return;
      // The page says the same either way; the owner of the address learns what happened by email. Its links
      // lead past a registration form on the way (a survey invitation's "Create a free account"): they have an
      // account, so most likely a business already, and registering it again would make a second one.
      const brand = await brandForUser(tx, existing.id);
      await enqueueEmail(tx, {
        ...(await alreadyRegisteredMessage(brand, existing.name, pastRegistering(input.redirectTo))),
        to: input.email,
        template: "account.already_registered",
        councilId: brand.councilId,
      });
      return;
    }
    const user = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true },
    });
    const token = (await issueUserToken(tx, user.id, "EMAIL_VERIFICATION"))!; // a new account has none yet
    await enqueueEmail(tx, {
      ...(await verifyEmailMessage(
        { councilId: null },
        input.name,
        token,
        input.organisationKind === "join" ? undefined : input.organisationKind,
        input.redirectTo,
      )),
      to: input.email,
      template: "account.verify_email",
    });
    await auditSignUp(tx, user.id, context);
  });
}

// False when the address is confirmed already (a page shown before it was, in another tab): nothing is sent.
// `redirectTo`: a page of the portal (checked by the caller) the new link leads on to, as the first one did.
export async function resendVerification(userId: string, redirectTo?: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { name: true, email: true, emailVerifiedAt: true },
    });
    if (user.emailVerifiedAt) return false;
    const token = await issueUserToken(tx, userId, "EMAIL_VERIFICATION");
    if (!token) return true; // asked for twice at once: the first link is on its way
    const brand = await brandForUser(tx, userId);
    await enqueueEmail(tx, {
      ...(await verifyEmailMessage(brand, user.name, token, undefined, redirectTo)),
      to: user.email,
      template: "account.verify_email",
      councilId: brand.councilId,
    });
    return true;
  });
}

// The id of the account whose address the link confirmed, or null when the link no longer works.
export async function verifyEmail(token: string, context: Context): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const used = await consumeUserToken(tx, token, "EMAIL_VERIFICATION");
    if (!used) {
      // the button pressed twice: the first press confirmed the address
      const earlier = await usedUserToken(tx, token, "EMAIL_VERIFICATION");
      return earlier?.user.emailVerifiedAt ? earlier.userId : null;
    }
    if (used.user.deletedAt) return null;
    await tx.user.update({ where: { id: used.userId }, data: { emailVerifiedAt: new Date() } });
    await writeAudit(
      {
        actorUserId: used.userId,
        actorOrganisationId: null,
        action: "auth.email_verified",
        entityType: "User",
        entityId: used.userId,
        ipAddress: context.ip,
      },
      tx,
    );
    return used.userId;
  });
}

// Returns the user only when the email and password match; every failure looks the same to the caller.
export async function authenticate(email: string, password: string, context: Context) {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, deletedAt: true },
  });
  const usable = user && user.passwordHash && !user.deletedAt;
  const matches = await verifyPassword(usable ? user.passwordHash! : await timingDecoy(), password);
  if (!usable || !matches) {
    // Done by whoever typed the password, not (as far as anyone knows) by the account's owner: no actor, the
    // account as the record. Their "download my data" lists these apart, as attempts on their account.
    await writeAudit({
      actorUserId: null,
      actorOrganisationId: null,
      action: "auth.sign_in_failed",
      entityType: "User",
      entityId: usable ? user.id : null,
      details: { email },
      ipAddress: context.ip,
    });
    return null;
  }
  await writeAudit({
    actorUserId: user.id,
    actorOrganisationId: null,
    action: "auth.sign_in",
    entityType: "User",
    entityId: user.id,
    ipAddress: context.ip,
  });
  return { id: user.id };
}

// How long asking for a reset link takes at least, whether or not the address has an account: for one that has,
// a link is made and an email written (tens of milliseconds, more under load); for one that has not, nothing.
// Answering sooner would tell a stranger, by the time taken, which addresses have accounts.
export const PASSWORD_RESET_ANSWER_MS = 600;

// `redirectTo`: the page they were on their way to (checked by the caller), which the emailed link keeps
export async function requestPasswordReset(email: string, redirectTo?: string) {
  const answerAt = Date.now() + PASSWORD_RESET_ANSWER_MS;
  await issuePasswordReset(email, redirectTo);
  const wait = answerAt - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

async function issuePasswordReset(email: string, redirectTo?: string) {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { email },
      select: { id: true, name: true, deletedAt: true },
    });
    if (!user || user.deletedAt) return;
    const token = await issueUserToken(tx, user.id, "PASSWORD_RESET");
    if (!token) return; // asked for twice at once: the first link is on its way
    const brand = await brandForUser(tx, user.id);
    await enqueueEmail(tx, {
      ...(await resetPasswordMessage(brand, user.name, token, redirectTo)),
      to: email,
      template: "account.reset_password",
      councilId: brand.councilId,
    });
  });
}

// A new password ends what knowing the old one started: whoever signed in with it and asked to move the account
// to their own address holds a link (valid a day) that would otherwise still move it.
function retireNewAddressLinks(tx: Tx, userId: string) {
  return retireLinks(tx, userId, ["EMAIL_CHANGE"]);
}

function retireLinks(tx: Tx, userId: string, purposes: TokenPurpose[]) {
  return tx.userToken.updateMany({
    where: { userId, purpose: { in: purposes }, usedAt: null },
    data: { usedAt: new Date() },
  });
}

// Sets the new password and ends every session: whoever knew the old password is signed out. A sign-in lock on
// the account ends too: the emailed link proved the account is the person's.
export async function resetPassword(token: string, password: string, context: Context) {
  const passwordHash = await hashPassword(password);
  const email = await db.$transaction(async (tx) => {
    const used = await consumeUserToken(tx, token, "PASSWORD_RESET");
    if (!used) {
      // the form sent twice: the first set this very password moments ago
      const earlier = await usedUserToken(tx, token, "PASSWORD_RESET");
      const repeat =
        earlier?.user.passwordHash &&
        earlier.usedAt!.getTime() > Date.now() - SENT_TWICE_WINDOW_MS &&
        (await verifyPassword(earlier.user.passwordHash, password));
      return repeat ? earlier.user.email : null;
    }
    if (used.user.deletedAt) return null;
    // the emailed link proves the address too
    const user = await tx.user.update({
      where: { id: used.userId },
      data: { passwordHash, emailVerifiedAt: new Date() },
      select: { name: true, email: true },
    });
    await tx.session.deleteMany({ where: { userId: used.userId } });
    await retireNewAddressLinks(tx, used.userId);
    await writeAudit(
      {
        actorUserId: used.userId,
        actorOrganisationId: null,
        action: "auth.password_reset",
        entityType: "User",
        entityId: used.userId,
        ipAddress: context.ip,
      },
      tx,
    );
    const brand = await brandForUser(tx, used.userId);
    await enqueueEmail(tx, {
      ...(await accountNoticeMessage(
        brand,
        user.name,
        "Your password was changed",
        "Your password was reset.",
      )),
      to: user.email,
      template: "account.password_changed",
      councilId: brand.councilId,
    });
    return user.email;
  });
  if (email) await clearSignInFailures(email);
  return Boolean(email);
}

// Logged as a change of email address is: the audit log shows each entry's actor by the name they have now.
export async function changeName(userId: string, name: string, context: Context) {
  await db.$transaction(async (tx) => {
    // the row locked: of two saves at once (the form sent twice), the second finds the name already changed
    const [user] = await tx.$queryRaw<{ name: string }[]>`
      SELECT name FROM "User" WHERE id = ${userId} FOR UPDATE`;
    if (!user || user.name === name) return;
    await tx.user.update({ where: { id: userId }, data: { name } });
    await writeAudit(
      {
        actorUserId: userId,
        actorOrganisationId: null,
        action: "account.name_changed",
        entityType: "User",
        entityId: userId,
        details: { from: user.name, to: name },
        ipAddress: context.ip,
      },
      tx,
    );
  });
}

// `repeat`: the password did not match, but `alsoAccept` recognised the form sent twice (see changePassword).
export type PasswordCheck =
  | { ok: true; repeat?: boolean; verifiedHash?: string }
  | { ok: false; fieldErrors: Record<string, string[]> };

// The current password guards changing the email or password and deleting the account, so guessing it is held
// to the sign-in limits (the same counters: a guess here is a guess at signing in) and every miss is audited.
export async function checkCurrentPassword(
  userId: string,
  password: string,
  context: Context,
  alsoAccept?: (passwordHash: string) => Promise<boolean>,
): Promise<PasswordCheck> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true, email: true },
  });
  const keys = { ip: context.ip, account: user.email };
  const limit = await consumeAttempt("sign-in", keys);
  if (!limit.ok)
    return { ok: false, fieldErrors: { currentPassword: [waitMessage(limit.retryAfterSeconds)] } };
  const matches = user.passwordHash ? await verifyPassword(user.passwordHash, password) : false;
  if (matches) {
    await refundSignIn(keys);
    return { ok: true, verifiedHash: user.passwordHash! };
  }
  if (user.passwordHash && alsoAccept && (await alsoAccept(user.passwordHash))) {
    await refundSignIn(keys);
    return { ok: true, repeat: true };
  }
  await writeAudit({
    actorUserId: userId,
    actorOrganisationId: null,
    action: "auth.current_password_failed",
    entityType: "User",
    entityId: userId,
    ipAddress: context.ip,
  });
  return { ok: false, fieldErrors: { currentPassword: [CURRENT_PASSWORD_INCORRECT] } };
}

// The new address must be confirmed from its own inbox before it replaces the old one.
export async function requestEmailChange(
  userId: string,
  input: { email: string; currentPassword: string },
  context: Context,
): Promise<PasswordCheck> {
  const check = await checkCurrentPassword(userId, input.currentPassword, context);
  if (!check.ok) return check;
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, name: true, email: true },
    });
    // (to an address another account uses, no link: it is told it has one, email-change.server.ts)
    const sent = await sendEmailChangeLink(tx, user, input.email, context, "account.email_change_requested");
    if (sent === "repeat") return;
    // The address in use hears of it now, not once the account has moved away from it: someone with the password
    // could otherwise move it unseen, and a reset of the password (which cancels the link) is still possible. It
    // hears of it whether or not the link could be sent, in words true of both, so that its inbox does not tell
    // whether another account uses the new address.
    const brand = await brandForUser(tx, userId);
    await enqueueEmail(tx, {
      ...(await accountNoticeMessage(
        brand,
        user.name,
        "Someone asked to change your email address",
        `If ${input.email} is not used by another account, we have sent it a link. Your account moves to that ` +
          "address only if the link is opened.",
      )),
      to: user.email,
      template: "account.email_change_requested",
      councilId: brand.councilId,
    });
  });
  return { ok: true };
}

// The id of the account whose address the link changed, or null when the link no longer works. The account's
// sessions end, all but `keepSessionId` (the confirming browser's, when it is signed in to that account): as a
// password change does, since the address is how one signs in, and whoever had access to the old one (its inbox,
// a browser left signed in) must not keep the account.
export async function confirmEmailChange(
  token: string,
  context: Context,
  keepSessionId: string | null = null,
): Promise<string | null> {
  try {
    return await changeEmailByToken(token, context, keepSessionId);
  } catch (error) {
    // another account took the address at the same moment (its own change, or a sign-up): as if it had been
    // taken before, the link no longer works, and the token stays unused with the rest rolled back
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

function changeEmailByToken(
  token: string,
  context: Context,
  keepSessionId: string | null,
): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const used = await consumeUserToken(tx, token, "EMAIL_CHANGE");
    if (!used) {
      // the button pressed twice: the first press changed the address to this one
      const earlier = await usedUserToken(tx, token, "EMAIL_CHANGE");
      return earlier?.newEmail && earlier.user.email === earlier.newEmail ? earlier.userId : null;
    }
    if (!used.newEmail || used.user.deletedAt) return null;
    // one at a time with a sign-up for the address, so whichever comes second sees the other's account
    await lockSignUp(tx, used.newEmail);
    const taken = await tx.user.findUnique({ where: { email: used.newEmail }, select: { id: true } });
    if (taken) return null;
    const user = await tx.user.update({
      where: { id: used.userId },
      data: { email: used.newEmail, emailVerifiedAt: new Date() },
      select: { name: true },
    });
    // a reset link sent to the old address no longer works: the account moved away from it (perhaps because
    // someone else reads that inbox now)
    await retireLinks(tx, used.userId, ["PASSWORD_RESET"]);
    await tx.session.deleteMany({
      where: { userId: used.userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    });
    await writeAudit(
      {
        actorUserId: used.userId,
        actorOrganisationId: null,
        action: "account.email_changed",
        entityType: "User",
        entityId: used.userId,
        details: { from: used.user.email, to: used.newEmail },
        ipAddress: context.ip,
      },
      tx,
    );
    const brand = await brandForUser(tx, used.userId);
    await enqueueEmail(tx, {
      ...(await accountNoticeMessage(
        brand,
        user.name,
        "Your email address was changed",
        `Your account now uses ${used.newEmail} instead of this address.`,
        // a reset from this address would send nothing now: the account no longer uses it
        `If this was not you, contact your council${brand.contactEmail ? ` at ${brand.contactEmail}` : ""} ` +
          "straight away: the account no longer uses this address, so its password cannot be reset from here.",
      )),
      to: used.user.email,
      // the account's, though it has just left the address
      userId: used.userId,
      template: "account.email_changed",
      councilId: brand.councilId,
    });
    return used.userId;
  });
}

// How long the browser that changed the password may still use the session it changed it with: "Change password"
// sent twice (a double click, a slow network) arrives with that session, and must find it to be answered.
const CHANGING_SESSION_GRACE_MS = 60 * 1000;

// Ends every other session and starts a fresh one for the browser that made the change; the session it made the
// change with lapses a minute later. The form sent twice is answered as the first was: the second finds the very
// password it asks for set moments ago and gets a session, nothing changed, audited or emailed again. (Answered
// "incorrect password" instead, the person would think the change had failed.) The current password is checked
// (and rate-limited) before the change takes its per-person lock, which it then holds for milliseconds; a change
// that finds the password changed since its check was the slower of two sent at once.
export async function changePassword(
  userId: string,
  sessionId: string,
  input: { currentPassword: string; password: string },
  context: Context,
): Promise<PasswordCheck | { ok: true; session: { token: string; expiresAt: Date } }> {
  const check = await checkCurrentPassword(userId, input.currentPassword, context, (storedHash) =>
    justChangedTo(userId, storedHash, input.password),
  );
  if (!check.ok) return check;
  const freshSession = async () => ({
    ok: true as const,
    session: await createSession(userId, context.userAgent),
  });
  if (check.repeat) return freshSession();
  const passwordHash = await hashPassword(input.password);
  let outcome: "changed" | "changed meanwhile";
  try {
    outcome = await db.$transaction(async (tx) => {
      // well inside the transaction's 5 s, so a long wait is answered below rather than closed under a statement
      await setLockTimeout(tx, 3_000);
      await lockUntilCommit(tx, `change-password:${userId}`);
      const current = await tx.user.findUniqueOrThrow({
        where: { id: userId },
        select: { passwordHash: true },
      });
      if (current.passwordHash !== check.verifiedHash) return "changed meanwhile";
      const user = await tx.user.update({
        where: { id: userId },
        data: { passwordHash },
        select: { name: true, email: true },
      });
      await tx.session.deleteMany({ where: { userId, id: { not: sessionId } } });
      // a reset link asked for before (by the person, or by someone reading their inbox) would undo this change
      await retireLinks(tx, userId, ["EMAIL_CHANGE", "PASSWORD_RESET"]);
      // used "now", so nothing extends it before it lapses (session.server.ts refreshes hour-old sessions)
      const now = Date.now();
      await tx.session.updateMany({
        where: { id: sessionId, userId },
        data: { lastUsedAt: new Date(now), expiresAt: new Date(now + CHANGING_SESSION_GRACE_MS) },
      });
      await writeAudit(
        {
          actorUserId: userId,
          actorOrganisationId: null,
          action: "auth.password_changed",
          entityType: "User",
          entityId: userId,
          ipAddress: context.ip,
        },
        tx,
      );
      const brand = await brandForUser(tx, userId);
      await enqueueEmail(tx, {
        ...(await accountNoticeMessage(
          brand,
          user.name,
          "Your password was changed",
          "Your password was changed.",
        )),
        to: user.email,
        template: "account.password_changed",
        councilId: brand.councilId,
      });
      return "changed";
    });
  } catch (error) {
    if (!isTransactionGivenUp(error)) throw error;
    return {
      ok: false,
      fieldErrors: { currentPassword: ["Your password is being changed: try again in a moment"] },
    };
  }
  if (outcome === "changed") return freshSession();
  // changed by another request between this one's check and its lock: the same form, sent twice, if it set this
  // very password
  const now = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (now.passwordHash && (await justChangedTo(userId, now.passwordHash, input.password)))
    return freshSession();
  return { ok: false, fieldErrors: { currentPassword: [CURRENT_PASSWORD_INCORRECT] } };
}

// The password was changed moments ago, to this one: a form sent twice.
async function justChangedTo(userId: string, storedHash: string, password: string) {
  return (
    (await recentlyAudited({ actorUserId: userId, action: "auth.password_changed" }, REPEAT_WINDOW_MS)) &&
    verifyPassword(storedHash, password)
  );
}

export async function signOutEverywhere(userId: string, context: Context) {
  await invalidateAllSessions(userId);
  await writeAudit({
    actorUserId: userId,
    actorOrganisationId: null,
    action: "auth.sign_out_everywhere",
    entityType: "User",
    entityId: userId,
    ipAddress: context.ip,
  });
}

// Everything we hold about the person (not their organisations' shared records): every row, however many, as a
// subject access request must have them all (a long-standing officer's sign-ins run to thousands, a few MB).
export async function exportUserData(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerifiedAt: true,
      createdAt: true,
      memberships: {
        select: {
          role: true,
          createdAt: true,
          organisation: { select: { id: true, name: true, kind: true } },
        },
      },
      sessions: { select: { createdAt: true, lastUsedAt: true, expiresAt: true, userAgent: true } },
      savedSearches: { select: { name: true, filters: true, emailDigest: true, createdAt: true } },
      requestsCreated: { select: { id: true, title: true, status: true, createdAt: true } },
      pledgesCreated: { select: { id: true, quantity: true, status: true, createdAt: true } },
      surveyResponses: { select: { id: true, status: true, submittedAt: true } },
      // what they did on the records they worked on, in their own words: the reasons and comments they gave on
      // timelines (a return's answers are the supplier's, not theirs, so not its submitted lines)
      requestEvents: {
        select: { requestId: true, fromStatus: true, toStatus: true, reason: true, createdAt: true },
        orderBy: { createdAt: "desc" },
      },
      pledgeEvents: {
        select: { pledgeId: true, fromStatus: true, toStatus: true, reason: true, createdAt: true },
        orderBy: { createdAt: "desc" },
      },
      returnEvents: {
        select: { returnId: true, fromStatus: true, toStatus: true, comment: true, createdAt: true },
        orderBy: { createdAt: "desc" },
      },
      returnsSubmitted: {
        select: { id: true, financialYear: true, quarter: true, status: true, submittedAt: true },
      },
      returnsReviewed: {
        select: {
          id: true,
          financialYear: true,
          quarter: true,
          status: true,
          reviewedAt: true,
          reviewComment: true,
        },
      },
      evidenceFiles: { select: { originalName: true, contentType: true, sizeBytes: true, createdAt: true } },
      auditEntries: {
        select: { action: true, entityType: true, createdAt: true, ipAddress: true },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  // what was sent to their addresses, and invitations to them, while each was theirs: held about the person though
  // not linked to the account; and the failed sign-ins at the account: not the person's doing (no actor), but theirs
  // to know of
  const periods = await addressPeriods(userId);
  const [emailsSentToYou, invitationsToYou, failedSignInsOnYourAccount, emailChangeWaiting] =
    await Promise.all([
      db.emailOutbox.findMany({
        // A link to confirm a new address is listed once the account has had that address: a link to one it never
        // had was sent only if no other account uses it, so listing it would tell who has an account here. (Addresses
        // asked for are written in lower case, as the form takes them.)
        where: {
          AND: [
            emailsOfUser(userId, periods),
            {
              NOT: {
                template: "account.confirm_new_email",
                to: { notIn: periods.map((p) => p.address.toLowerCase()) },
              },
            },
          ],
        },
        select: { subject: true, template: true, status: true, createdAt: true, sentAt: true },
        orderBy: { createdAt: "desc" },
      }),
      db.invitation.findMany({
        where: { OR: periods.map((p) => ({ email: p.address, createdAt: duringPeriod(p) })) },
        select: {
          role: true,
          createdAt: true,
          expiresAt: true,
          acceptedAt: true,
          revokedAt: true,
          // a declined invitation is also ended (revokedAt): without this it would read as cancelled by its sender
          declinedAt: true,
          organisation: { select: { name: true } },
        },
        orderBy: { createdAt: "desc" },
      }),
      db.auditLog.findMany({
        where: { action: "auth.sign_in_failed", actorUserId: null, entityType: "User", entityId: userId },
        select: { createdAt: true, ipAddress: true },
        orderBy: { createdAt: "desc" },
      }),
      // the address asked to move to, as the account page shows it: whether or not another account uses it
      pendingEmailChange(userId),
    ]);
  return {
    exportedAt: new Date().toISOString(),
    ...user,
    emailChangeWaiting,
    emailsSentToYou,
    invitationsToYou,
    failedSignInsOnYourAccount,
  };
}

class InvitationEnded extends Error {}

type InvitationSignUp =
  { ok: true; userId: string; organisationId: string } | { ok: false; fieldErrors: Record<string, string[]> };

// Signing up from an invitation: the link proves the address, so the account starts verified and joins at once.
// One sign-up per address at a time (the lock of signUp): a double submit waits, then finds the account the
// first made and, with the same password, is answered as the first was.
export async function signUpWithInvitation(
  input: { name: string; email: string; password: string },
  token: string,
  context: Context,
): Promise<InvitationSignUp> {
  const passwordHash = await hashPassword(input.password);
  const ended: InvitationSignUp = {
    ok: false,
    // as the invitation page says it: a cancelled invitation was answered "expired or already used"
    fieldErrors: { form: [INVITATION_ENDED] },
  };
  const hasAccount: InvitationSignUp = {
    ok: false,
    fieldErrors: { email: ["You already have an account. Sign in to accept the invitation"] },
  };
  try {
    return await db.$transaction(async (tx): Promise<InvitationSignUp> => {
      await lockSignUp(tx, input.email);
      const existing = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true, passwordHash: true },
      });
      if (existing) {
        const joined = await tx.invitation.findFirst({
          where: {
            tokenHash: hashToken(token),
            acceptedAt: { not: null },
            organisation: { memberships: { some: { userId: existing.id } } },
          },
          select: { organisationId: true },
        });
        if (joined)
          return existing.passwordHash && (await verifyPassword(existing.passwordHash, input.password))
            ? ({ ok: true, userId: existing.id, organisationId: joined.organisationId } as const)
            : hasAccount;
      }
      // Whether an address has an account is told only to the invitation's own address, as the sign-up form
      // tells nobody: a made-up link or another address gets the same answer either way.
      const invitation = await findOpenInvitation(token);
      if (!invitation) return ended;
      if (invitation.email !== input.email)
        return {
          ok: false,
          fieldErrors: { email: [`Use the address the invitation was sent to: ${invitation.email}`] },
        } as const;
      if (existing) return hasAccount;
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash, emailVerifiedAt: new Date() },
        select: { id: true, email: true },
      });
      await auditSignUp(tx, user.id, context);
      const accepted = await acceptInvitation(token, user, context, tx);
      // revoked or used by someone else since it was read: nothing of this sign-up is kept
      if (!accepted.ok) throw new InvitationEnded();
      return { ok: true, userId: user.id, organisationId: accepted.organisationId } as const;
    });
  } catch (error) {
    if (error instanceof InvitationEnded) return ended;
    throw error;
  }
}
