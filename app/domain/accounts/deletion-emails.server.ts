// The emails an account's deletion sends, and their rendering before its transaction (docs/decisions/015): the
// transaction holds the organisations', the person's and the requests' locks, and rendering an email takes a few
// milliseconds, so what the deletion is expected to send is rendered first (renderEmailsAhead), and the transaction
// takes each email from there (EmailsRenderedAhead). Each is still queued in the outbox inside the transaction, so it
// goes if and only if the deletion commits; one that turns out otherwise than expected is rendered there as before.
import { db, type Tx } from "~/db.server.ts";
import { appUrl } from "~/env.server.ts";
import type { EmailSink, SinkEmail } from "~/domain/marketplace/email-sink.server.ts";
import { formatQuantity } from "~/domain/marketplace/help-types.ts";
import {
  CLOSED_STATUSES,
  REQUEST_STATUSES,
  requestTransition,
  takesPledges,
} from "~/domain/marketplace/request-lifecycle.ts";
import { organisationRecipients } from "~/domain/marketplace/recipients.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import type { EmailsRenderedAhead, RenderedEmail } from "~/email/render.server.tsx";
import { pledgeDecisionEmail, pledgeWithdrawnEmail } from "~/email/templates/marketplace-pledge.tsx";
import {
  brandForOrganisation,
  changesAfterDeletionMessage,
  type LeftWithoutMembers,
  organisationWithoutMembersMessage,
} from "./emails.server.tsx";

// Requests not yet closed: drafts, those with the council, and those live on the marketplace.
export const UNCLOSED_REQUESTS = REQUEST_STATUSES.filter((status) => !CLOSED_STATUSES.includes(status));

// Why each change is made, in the words its own email gives.
export const requestWithdrawnBecause = (name: string) => `Nobody is left at ${name} to manage this request`;
export const pledgeWithdrawnBecause = (name: string) => `Nobody is left at ${name} to deliver this pledge`;

// The emails closing an organisation's requests and pledges sends, gathered by recipient: someone with one change
// gets that change's own email; someone with several (a supplier with pledges on several of the requests withdrawn,
// a group whose requests had several pledges withdrawn) gets one email listing them all, each with a link to its
// own page, not one email per change. Each goes into the outbox with the deletion (`queue`: none when rendering
// ahead).
export function gatheredEmails() {
  const byRecipient = new Map<string, { email: SinkEmail; closing: string }[]>();
  // the sink for the changes closing one organisation makes
  const sendFor =
    (closing: string): EmailSink =>
    async (_tx, email) => {
      const to = email.to.toLowerCase();
      byRecipient.set(to, [...(byRecipient.get(to) ?? []), { email, closing }]);
    };
  async function sendEach(tx: Tx, queue: typeof enqueueEmail | null = enqueueEmail) {
    // the members of one organisation are told of the same changes: their email is rendered once, not per member
    const rendered = new Map<string, Promise<RenderedEmail>>();
    for (const [to, gathered] of byRecipient) {
      const emails = gathered.map((g) => g.email);
      const [only] = emails;
      if (only && emails.length === 1) {
        await queue?.(tx, only);
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
      await queue?.(tx, {
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

// The council's admins but the person deleting their account.
function councilAdmins(tx: Tx, councilId: string, actorUserId: string) {
  return tx.membership.findMany({
    where: {
      organisationId: councilId,
      role: "ADMIN",
      userId: { not: actorUserId },
      user: { deletedAt: null },
    },
    select: { user: { select: { email: true } } },
  });
}

// One email to each of the council's admins (but the person deleting their account), listing the organisations
// left with no members: queued in the outbox with the deletion, so an outage delays it and loses nothing.
export async function tellCouncilAdmins(
  tx: Tx,
  councilId: string,
  actorUserId: string,
  organisations: LeftWithoutMembers[],
) {
  const admins = await councilAdmins(tx, councilId, actorUserId);
  if (!admins.length) return;
  const message = await organisationWithoutMembersMessage(
    await brandForOrganisation(tx, councilId),
    organisations,
  );
  for (const admin of admins)
    await enqueueEmail(tx, {
      ...message,
      to: admin.user.email,
      template: "organisation.without_members",
      councilId,
    });
}

const pledgeForEmail = {
  id: true,
  quantity: true,
  deliveredQuantity: true,
  createdById: true,
  supplierOrganisationId: true,
  supplierOrganisation: { select: { name: true } },
  request: {
    select: {
      id: true,
      title: true,
      helpType: true,
      unitLabel: true,
      status: true,
      neededBy: true,
      quantity: true,
      pledgedQuantity: true,
      organisationId: true,
      createdById: true,
      councilId: true,
      council: { select: { name: true, councilSettings: { select: { brandColour: true } } } },
    },
  },
} as const;

/** An organisation the deletion is expected to leave with no members, with what it is expected to close. */
export type ExpectedToClose = {
  organisationId: string;
  name: string;
  councilId: string | null;
  requests: number;
  pledges: number;
};

/**
 * Renders, before the deletion's transaction and from the records as they are now, the emails it is expected to
 * send: each change's own email as the marketplace renders it (app/domain/marketplace/pledge-emails.server.ts, for
 * a pledge declined because its request was withdrawn and for one withdrawn), the emails gathering several changes,
 * and the councils' admins' emails. Nothing is queued; the transaction renders whatever differs again.
 */
export async function renderEmailsAhead(
  ahead: EmailsRenderedAhead,
  actorUserId: string,
  organisations: ExpectedToClose[],
) {
  await ahead.ahead(async () => {
    const emails = gatheredEmails();
    const closed = new Set<string>();
    // the requests as the pledges withdrawn so far leave them (their share given back)
    const requestsNow = new Map<
      string,
      { status: (typeof UNCLOSED_REQUESTS)[number]; pledgedQuantity: number }
    >();
    for (const organisation of organisations) {
      const send = emails.sendFor(organisation.name);
      const requests = await db.request.findMany({
        where: { organisationId: organisation.organisationId, status: { in: UNCLOSED_REQUESTS } },
        orderBy: { id: "asc" },
        select: { id: true },
      });
      for (const request of requests) {
        // as declineOfferedPledges reads them
        const offered = await db.pledge.findMany({
          where: { requestId: request.id, status: "OFFERED" },
          select: pledgeForEmail,
        });
        for (const pledge of offered) {
          if (closed.has(pledge.id)) continue;
          closed.add(pledge.id);
          const { base, pledgeUrl } = emailBase(pledge);
          const email = await pledgeDecisionEmail({
            ...base,
            quantity: formatQuantity(pledge.request.helpType, pledge.quantity, pledge.request.unitLabel),
            url: pledgeUrl,
            accepted: false,
            calledOff: false,
            reason: requestWithdrawnBecause(organisation.name),
            contactPreference: null,
          });
          for (const to of await organisationRecipients(
            db,
            pledge.supplierOrganisationId,
            pledge.createdById,
          ))
            await send(db, {
              ...email,
              link: pledgeUrl,
              to,
              template: "marketplace.decline",
              councilId: pledge.request.councilId,
            });
        }
      }
      const own = await db.pledge.findMany({
        where: { supplierOrganisationId: organisation.organisationId, status: "OFFERED" },
        orderBy: [{ requestId: "asc" }, { id: "asc" }],
        select: pledgeForEmail,
      });
      for (const pledge of own) {
        if (closed.has(pledge.id)) continue;
        closed.add(pledge.id);
        // its share given back, the request as releaseShare leaves it
        const request = requestsNow.get(pledge.request.id) ?? pledge.request;
        const pledgedQuantity = request.pledgedQuantity - pledge.quantity;
        const moved = requestTransition(request.status, "pledgesChanged", "SYSTEM", {
          quantity: pledge.request.quantity,
          pledgedQuantity,
        });
        const status = moved.ok ? moved.to : request.status;
        requestsNow.set(pledge.request.id, { status, pledgedQuantity });
        const { base, requestUrl } = emailBase(pledge);
        const email = await pledgeWithdrawnEmail({
          ...base,
          url: requestUrl,
          reason: pledgeWithdrawnBecause(organisation.name),
          neededAgain: takesPledges({ status, neededBy: pledge.request.neededBy }),
        });
        for (const to of await organisationRecipients(
          db,
          pledge.request.organisationId,
          pledge.request.createdById,
        ))
          await send(db, {
            ...email,
            link: requestUrl,
            to,
            template: "marketplace.withdraw",
            councilId: pledge.request.councilId,
          });
      }
    }
    await emails.sendEach(db, null);
    const byCouncil = new Map<string, LeftWithoutMembers[]>();
    for (const { councilId, organisationId: id, name, requests, pledges } of organisations)
      if (councilId)
        byCouncil.set(councilId, [...(byCouncil.get(councilId) ?? []), { id, name, requests, pledges }]);
    for (const [councilId, left] of byCouncil)
      if ((await councilAdmins(db, councilId, actorUserId)).length)
        await organisationWithoutMembersMessage(await brandForOrganisation(db, councilId), left);
  });
}

// What every pledge email starts from, as the marketplace's (pledge-emails.server.ts) load gives it.
function emailBase(pledge: {
  id: string;
  quantity: number;
  deliveredQuantity: number | null;
  supplierOrganisation: { name: string };
  request: {
    id: string;
    title: string;
    helpType: Parameters<typeof formatQuantity>[0];
    unitLabel: string | null;
    council: { name: string; councilSettings: { brandColour: string } | null };
  };
}) {
  const r = pledge.request;
  return {
    base: {
      councilName: r.council.name,
      brandColour: r.council.councilSettings?.brandColour,
      title: r.title,
      supplierName: pledge.supplierOrganisation.name,
      quantity: formatQuantity(r.helpType, pledge.deliveredQuantity ?? pledge.quantity, r.unitLabel),
    },
    requestUrl: `${appUrl()}/requests/${r.id}/manage`,
    pledgeUrl: `${appUrl()}/pledges/${pledge.id}`,
  };
}
