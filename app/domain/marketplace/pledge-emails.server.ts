// Renders the pledge emails from the pledge as it is inside the transaction.
import type { Tx } from "~/db.server.ts";
import { councilBrandSelect, emailBrandingOf } from "~/domain/content/branding.server.ts";
import {
  deliveryConfirmedEmail,
  deliveryDisputedEmail,
  deliveryReminderEmail,
  deliveryReportedEmail,
  newPledgeEmail,
  pledgeDecisionEmail,
  pledgeWithdrawnEmail,
} from "~/email/templates/marketplace-pledge.tsx";
import type { RenderedEmail } from "~/email/render.server.tsx";
import { appUrl } from "~/env.server.ts";
import { formatDate } from "~/domain/format.ts";
import { formatQuantity } from "./help-types.ts";
import { requestorContactFor, requestorContactSelect } from "./requestor-contact.server.ts";
import { takesPledges } from "./request-lifecycle.ts";

async function load(tx: Tx, pledgeId: string) {
  const pledge = await tx.pledge.findUniqueOrThrow({
    where: { id: pledgeId },
    select: {
      id: true,
      status: true,
      quantity: true,
      deliveredQuantity: true,
      deliveredOn: true,
      decisionReason: true,
      disputeReason: true,
      message: true,
      expectedDeliveryDate: true,
      rating: true,
      feedback: true,
      supplierOrganisation: { select: { name: true } },
      request: {
        select: {
          id: true,
          title: true,
          helpType: true,
          unitLabel: true,
          ...requestorContactSelect,
          status: true,
          neededBy: true,
          council: { select: councilBrandSelect },
        },
      },
    },
  });
  const r = pledge.request;
  return {
    pledge,
    base: {
      ...emailBrandingOf(r.council),
      title: r.title,
      supplierName: pledge.supplierOrganisation.name,
      quantity: formatQuantity(r.helpType, pledge.deliveredQuantity ?? pledge.quantity, r.unitLabel),
    },
    requestUrl: `${appUrl()}/requests/${r.id}/manage`,
    pledgeUrl: `${appUrl()}/pledges/${pledge.id}`,
  };
}

// The rendered email and the page it leads to, which an email listing several changes links each one to (an
// account's deletion: app/domain/marketplace/email-sink.server.ts).
async function leadingTo(url: string, rendered: Promise<RenderedEmail>) {
  return { ...(await rendered), link: url };
}

export async function newPledgeEmailFor(tx: Tx, pledgeId: string) {
  const { base, pledge, requestUrl } = await load(tx, pledgeId);
  return leadingTo(
    requestUrl,
    newPledgeEmail({
      ...base,
      url: requestUrl,
      expectedBy: formatDate(pledge.expectedDeliveryDate),
      message: pledge.message,
    }),
  );
}

// calledOff: the pledge was declined after the requestor had accepted it (from ACCEPTED or DISPUTED); unanswered: an
// offer the portal closed, the request's needed-by date having passed before the requestor answered it
export async function pledgeDecisionEmailFor(
  tx: Tx,
  pledgeId: string,
  { calledOff = false, unanswered = false }: { calledOff?: boolean; unanswered?: boolean } = {},
) {
  const { base, pledge, pledgeUrl } = await load(tx, pledgeId);
  const r = pledge.request;
  return leadingTo(
    pledgeUrl,
    pledgeDecisionEmail({
      ...base,
      // the pledge as offered, also when a disputed delivery is called off (not the amount reported delivered)
      quantity: formatQuantity(r.helpType, pledge.quantity, r.unitLabel),
      url: pledgeUrl,
      accepted: pledge.status === "ACCEPTED",
      calledOff,
      unanswered,
      reason: pledge.decisionReason,
      // how to reach the requestor, for the supplier whose pledge was accepted only
      contact: requestorContactFor(pledge.status, pledge.request),
    }),
  );
}

// to the pledge's page, where the requestor confirms or disputes the delivery (the manage page has no such form)
export async function deliveryReportedEmailFor(tx: Tx, pledgeId: string) {
  const { base, pledgeUrl } = await load(tx, pledgeId);
  return leadingTo(pledgeUrl, deliveryReportedEmail({ ...base, url: pledgeUrl }));
}

// a reminder of a delivery reported at `reportedAt` and not yet confirmed or disputed; to the pledge's page, as the
// report's own email
export async function deliveryReminderEmailFor(
  tx: Tx,
  pledgeId: string,
  { reportedAt, last }: { reportedAt: Date; last: boolean },
) {
  const { base, pledge, pledgeUrl } = await load(tx, pledgeId);
  return leadingTo(
    pledgeUrl,
    deliveryReminderEmail({
      ...base,
      url: pledgeUrl,
      reportedOn: formatDate(reportedAt),
      deliveredOn: formatDate(pledge.deliveredOn),
      last,
    }),
  );
}

export async function deliveredConfirmedEmailFor(tx: Tx, pledgeId: string) {
  const { base, pledge, pledgeUrl } = await load(tx, pledgeId);
  return leadingTo(
    pledgeUrl,
    deliveryConfirmedEmail({ ...base, url: pledgeUrl, rating: pledge.rating, feedback: pledge.feedback }),
  );
}

export async function deliveryDisputedEmailFor(tx: Tx, pledgeId: string) {
  const { base, pledge, pledgeUrl } = await load(tx, pledgeId);
  return leadingTo(
    pledgeUrl,
    deliveryDisputedEmail({ ...base, url: pledgeUrl, reason: pledge.disputeReason ?? "" }),
  );
}

export async function pledgeWithdrawnEmailFor(tx: Tx, pledgeId: string, reason?: string | null) {
  const { base, pledge, requestUrl } = await load(tx, pledgeId);
  // its share is back (the request as it now is): other suppliers can pledge it only while the request takes pledges
  return leadingTo(
    requestUrl,
    pledgeWithdrawnEmail({ ...base, url: requestUrl, reason, neededAgain: takesPledges(pledge.request) }),
  );
}
