// A change of email address asked for and not yet confirmed. Its record is its link: the account's one working
// EMAIL_CHANGE token (tokens.server.ts), which names the new address and when it stops working. Asking (with the
// current password, users.server.ts) issues it; here it is shown on the account page, sent again and cancelled.
import { db, type Tx } from "~/db.server.ts";
import { recentlyAudited, writeAudit } from "~/domain/audit/audit.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { addressInUseMessage, brandForUser, confirmNewEmailMessage } from "./emails.server.tsx";
import { issueUserToken, lockUserTokens } from "./tokens.server.ts";

type Context = { ip: string | null };

export type PendingEmailChange = { newEmail: string; sentAt: Date; expiresAt: Date };

/** The change waiting for its link to be opened, or null: none asked for, or its link confirmed, cancelled, retired
 * (a new password, a newer request) or expired. */
export async function pendingEmailChange(
  userId: string,
  tx: Tx = db,
  now = new Date(),
): Promise<PendingEmailChange | null> {
  const link = await tx.userToken.findFirst({
    where: { userId, purpose: "EMAIL_CHANGE", usedAt: null, expiresAt: { gt: now }, newEmail: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { newEmail: true, createdAt: true, expiresAt: true },
  });
  return link?.newEmail
    ? { newEmail: link.newEmail, sentAt: link.createdAt, expiresAt: link.expiresAt }
    : null;
}

type Asker = { id: string; name: string; email: string };

/**
 * Issues the link to move `user` to `newEmail` (retiring any earlier one) and emails it there, unless another
 * account uses the address: then the link is issued but not sent (it could not take the address if it were opened),
 * and the address is told instead that it already has an account, so nothing changed (as sign-up tells an address
 * that has one). The change shows as waiting either way and the asker learns nothing of the other account.
 * `repeat`: the same link was issued moments ago (the form sent twice), and nothing is done or sent again.
 */
export async function sendEmailChangeLink(
  tx: Tx,
  user: Asker,
  newEmail: string,
  context: Context,
  action: "account.email_change_requested" | "account.email_change_resent",
): Promise<"sent" | "not-sent" | "repeat"> {
  const token = await issueUserToken(tx, user.id, "EMAIL_CHANGE", { newEmail });
  if (!token) return "repeat";
  // Who asked to move which account to which address, and when (the link's token never: it would let a reader of
  // the log confirm the move). Its confirmation is the "account.email_changed" entry.
  await writeAudit(
    {
      actorUserId: user.id,
      actorOrganisationId: null,
      action,
      entityType: "User",
      entityId: user.id,
      details: { from: user.email, to: newEmail },
      ipAddress: context.ip,
    },
    tx,
  );
  const taken = await tx.user.findUnique({
    where: { email: newEmail },
    select: { id: true, name: true, deletedAt: true },
  });
  if (taken) {
    // its owner hears of it (perhaps they asked, signed in to a second account of theirs), in words that name
    // nothing of the asker; the outbox row is the owner's (enqueueEmail names whoever has the address). A deleted
    // account's placeholder address, typed in, reaches nobody.
    if (!taken.deletedAt) {
      const ownersBrand = await brandForUser(tx, taken.id);
      await enqueueEmail(tx, {
        ...(await addressInUseMessage(ownersBrand, taken.name)),
        to: newEmail,
        template: "account.address_in_use",
        councilId: ownersBrand.councilId,
      });
    }
    return "not-sent";
  }
  const brand = await brandForUser(tx, user.id);
  await enqueueEmail(tx, {
    ...(await confirmNewEmailMessage(brand, user.name, token)),
    to: newEmail,
    // the account's, though the address is not yet
    userId: user.id,
    template: "account.confirm_new_email",
    councilId: brand.councilId,
  });
  return "sent";
}

/** Sends the waiting change's link again: a new link, and the one sent before stops working. Null when no change
 * is waiting (it expired, or was confirmed or cancelled in another tab). `sentMomentsAgo`: its link was sent
 * moments ago (the button pressed twice, or straight after asking), and that one is still on its way. */
export async function resendEmailChangeLink(
  userId: string,
  context: Context,
): Promise<{ newEmail: string; sentMomentsAgo: boolean } | null> {
  return db.$transaction(async (tx) => {
    // the change read here is the one sent again: not one cancelled meanwhile
    await lockUserTokens(tx, userId, "EMAIL_CHANGE");
    const pending = await pendingEmailChange(userId, tx);
    if (!pending) return null;
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, name: true, email: true },
    });
    const sent = await sendEmailChangeLink(
      tx,
      user,
      pending.newEmail,
      context,
      "account.email_change_resent",
    );
    return { newEmail: pending.newEmail, sentMomentsAgo: sent === "repeat" };
  });
}

/** Cancels the waiting change: its link stops working and the account keeps its address. "nothing-waiting" when no
 * change was (it expired, or was confirmed in another tab); the form sent twice is answered as the first was. */
export async function cancelEmailChange(
  userId: string,
  context: Context,
): Promise<"cancelled" | "nothing-waiting"> {
  return db.$transaction(async (tx) => {
    await lockUserTokens(tx, userId, "EMAIL_CHANGE");
    const pending = await pendingEmailChange(userId, tx);
    if (!pending) {
      const repeat = await recentlyAudited(
        { actorUserId: userId, action: "account.email_change_cancelled", entityId: userId },
        undefined,
        tx,
      );
      return repeat ? "cancelled" : "nothing-waiting";
    }
    await tx.userToken.updateMany({
      where: { userId, purpose: "EMAIL_CHANGE", usedAt: null },
      data: { usedAt: new Date() },
    });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    await writeAudit(
      {
        actorUserId: userId,
        actorOrganisationId: null,
        action: "account.email_change_cancelled",
        entityType: "User",
        entityId: userId,
        details: { from: user.email, to: pending.newEmail },
        ipAddress: context.ip,
      },
      tx,
    );
    return "cancelled";
  });
}
