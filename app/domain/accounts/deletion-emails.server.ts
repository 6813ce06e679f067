// The emails an account's deletion sends: to the suppliers and groups whose pledges and requests it closes, and to
// the councils' admins of the organisations it leaves with no members. Each is rendered and queued in the outbox inside
// the deletion's transaction (docs/decisions/015), so what is sent is exactly what was deleted, and goes if and only
// if the deletion commits.
import type { Tx } from "~/db.server.ts";
import type { EmailSink, SinkEmail } from "~/domain/marketplace/email-sink.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import type { RenderedEmail } from "~/email/render.server.tsx";
import { emailCouncilAdmins } from "./council-admins.server.ts";
import {
  brandForOrganisation,
  changesAfterDeletionMessage,
  type LeftWithoutMembers,
  organisationWithoutMembersMessage,
} from "./emails.server.tsx";

// The emails closing an organisation's requests and pledges sends, gathered by recipient: someone with one change
// gets that change's own email; someone with several (a supplier with pledges on several of the requests withdrawn,
// a group whose requests had several pledges withdrawn) gets one email listing them all, each with a link to its
// own page, not one email per change. Each goes into the outbox with the deletion.
export function gatheredEmails() {
  const byRecipient = new Map<string, { email: SinkEmail; closing: string }[]>();
  // the sink for the changes closing one organisation makes
  const sendFor =
    (closing: string): EmailSink =>
    async (_tx, email) => {
      const to = email.to.toLowerCase();
      byRecipient.set(to, [...(byRecipient.get(to) ?? []), { email, closing }]);
    };
  async function sendEach(tx: Tx) {
    // the members of one organisation are told of the same changes: their email is rendered once, not per member
    const rendered = new Map<string, Promise<RenderedEmail>>();
    for (const [to, gathered] of byRecipient) {
      const emails = gathered.map((g) => g.email);
      const [only] = emails;
      if (only && emails.length === 1) {
        await enqueueEmail(tx, only);
        continue;
      }
      // the council's colours when every change is about one council's requests
      const councilId = onlyOne(emails.map((email) => email.councilId ?? null)) ?? null;
      const closed = [...new Set(gathered.map((g) => g.closing))];
      const changes = emails.map(({ subject, link }) => ({ subject, link }));
      const key = JSON.stringify([councilId, closed, changes]);
      let message = rendered.get(key);
      if (!message) {
        const brand = councilId ? await brandForOrganisation(tx, councilId) : { councilId: null };
        message = changesAfterDeletionMessage(brand, closed, changes);
        rendered.set(key, message);
      }
      await enqueueEmail(tx, {
        ...(await message),
        to,
        template: "marketplace.changes_after_deletion",
        councilId,
        // All the gathered emails go to this address. The account each was for and the record it was about are
        // kept only when every one of them names the same: the address then still finds the account as it does
        // for any email, and no one record's cancelling withdraws an email that also tells of others.
        userId: onlyOne(emails.map((email) => email.userId)),
        about: onlyOne(emails.map((email) => email.about)),
      });
    }
  }
  return { sendFor, sendEach };
}

// The one value all of them share, or undefined when they differ (or none has one).
function onlyOne<T>(values: T[]): T | undefined {
  const distinct = [...new Set(values)];
  return distinct.length === 1 ? distinct[0] : undefined;
}

// One email to each of the council's admins (but the person deleting their account), listing the organisations
// left with no members: queued in the outbox with the deletion, so an outage delays it and loses nothing.
export async function tellCouncilAdmins(
  tx: Tx,
  councilId: string,
  actorUserId: string,
  organisations: LeftWithoutMembers[],
) {
  await emailCouncilAdmins(tx, councilId, {
    template: "organisation.without_members",
    render: (brand) => organisationWithoutMembersMessage(brand, organisations),
    exceptUserId: actorUserId,
  });
}
