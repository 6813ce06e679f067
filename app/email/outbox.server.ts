// The email outbox: an email is a row written in the same transaction as the change that caused it,
// so a provider outage delays mail but never loses it (delivery: ./deliver.server.ts).
import type { Tx } from "~/db.server.ts";
import type { RenderedEmail } from "./render.server.tsx";

export type OutgoingEmail = RenderedEmail & {
  to: string;
  template: string;
  councilId?: string | null;
  /**
   * The account the email is for, when that is not the one that has the address as it is written: the notice a
   * move of address sends to the address left, the link to confirm an address not yet the account's.
   */
  userId?: string;
  /** The record the email is about, as kind and id ("survey-cycle:<id>"), when cancelling it withdraws the email. */
  about?: string;
};

// A subject is one line of a mail header. Subjects quote what people typed (a search's name, a request's title):
// a line break or other control character in one would break the header, so each run of them becomes a space;
// the invisible direction overrides that could make a subject read as something else are dropped.
export function headerLine(text: string) {
  return text
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, "")
    .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

// Each email names the account it is for: whichever has the address now, in this transaction (one at most: an
// address is one account's). Whose it was is then read, not guessed from the address history afterwards.
async function recipientOf(tx: Tx, to: string) {
  const user = await tx.user.findUnique({ where: { email: to }, select: { id: true, deletedAt: true } });
  return user && !user.deletedAt ? user.id : null;
}

export async function enqueueEmail(tx: Tx, email: OutgoingEmail) {
  const to = email.to.toLowerCase();
  return tx.emailOutbox.create({
    data: {
      to,
      userId: email.userId ?? (await recipientOf(tx, to)),
      subject: headerLine(email.subject),
      html: email.html,
      text: email.text,
      template: email.template,
      councilId: email.councilId ?? null,
      about: email.about ?? null,
    },
    select: { id: true },
  });
}

/** One email to many addresses, each its own row: written together, for a round of thousands. */
export async function enqueueEmailToEach(tx: Tx, email: Omit<OutgoingEmail, "to" | "userId">, to: string[]) {
  const addresses = [...new Set(to.map((address) => address.toLowerCase()))];
  const users = await tx.user.findMany({
    where: { email: { in: addresses }, deletedAt: null },
    select: { id: true, email: true },
  });
  const userOf = new Map(users.map((user) => [user.email, user.id]));
  await tx.emailOutbox.createMany({
    data: addresses.map((address) => ({
      to: address,
      userId: userOf.get(address) ?? null,
      subject: headerLine(email.subject),
      html: email.html,
      text: email.text,
      template: email.template,
      councilId: email.councilId ?? null,
      about: email.about ?? null,
    })),
  });
}

export async function enqueueEmails(tx: Tx, emails: OutgoingEmail[]) {
  for (const email of emails) await enqueueEmail(tx, email);
}
