// The email outbox: an email is a row written in the same transaction as the change that caused it,
// so a provider outage delays mail but never loses it (delivery: ./deliver.server.ts).
import type { Tx } from "~/db.server.ts";
import type { RenderedEmail } from "./render.server.tsx";

export type OutgoingEmail = RenderedEmail & { to: string; template: string; councilId?: string | null };

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

export async function enqueueEmail(tx: Tx, email: OutgoingEmail) {
  return tx.emailOutbox.create({
    data: {
      to: email.to.toLowerCase(),
      subject: headerLine(email.subject),
      html: email.html,
      text: email.text,
      template: email.template,
      councilId: email.councilId ?? null,
    },
    select: { id: true },
  });
}

export async function enqueueEmails(tx: Tx, emails: OutgoingEmail[]) {
  for (const email of emails) await enqueueEmail(tx, email);
}
