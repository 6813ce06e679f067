// Scheduled marketplace work. Each run is idempotent: guarded updates mean a second run in the same period
// (another instance, or a retry after a crash) finds nothing left to do.
import { londonDay } from "~/domain/calendar.ts";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { councilBrandSelect } from "~/domain/content/branding.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { savedSearchDigestEmail } from "~/email/templates/marketplace-digest.tsx";
import { appUrl } from "~/env.server.ts";
import { formatDate, plural } from "~/domain/format.ts";
import { forEachItem } from "~/jobs/each-item.server.ts";
import { type Batching, inBatches, JOB_BATCH_SIZE } from "~/jobs/in-batches.server.ts";
import { formatQuantity, helpTypeLabel } from "./help-types.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import { DELIVERY_REMINDERS_JOB, sendDeliveryReminders } from "./delivery-reminders.server.ts";
import { closesAtNeededBy, expirable, offersBesideWork } from "./expiry-rule.ts";
import { UNDER_WAY_STATUSES } from "./pledge-lifecycle.ts";
import {
  declineOfferedPledges,
  lockRequest,
  sendExpiredEmail,
  sendReminderEmail,
} from "./requests.server.ts";
import { neededByPassedBefore, requestTransition } from "./request-lifecycle.ts";
import { anyOf, filterNames } from "./named-filters.ts";
import { readSavedFilters, searchQueryString } from "./schemas.ts";
import { applicableFilters, forgetSearchOptions, searchRequests } from "./search.server.ts";
import { REQUEST_EVENT_REASONS } from "./request-timeline.ts";

const DAY = 24 * 60 * 60 * 1000;

const expiringSelect = {
  id: true,
  status: true,
  councilId: true,
  quantity: true,
  pledgedQuantity: true,
  neededBy: true,
  extendedAt: true,
} satisfies Prisma.RequestSelect;

export type ExpiringRequest = Prisma.RequestGetPayload<{ select: typeof expiringSelect }>;

const afterId = (after: string | undefined) => (after ? { id: { gt: after } } : {});

// The requests whose needed-by date has passed and that the state machine lets expire, in id order.
export function findExpiringRequests(
  now: Date,
  page: { after?: string; take: number } = { take: JOB_BATCH_SIZE },
) {
  return db.request.findMany({
    where: { ...expirable(), neededBy: { lt: neededByPassedBefore(now) }, ...afterId(page.after) },
    select: expiringSelect,
    orderBy: { id: "asc" },
    take: page.take,
  });
}

// Expires one request as it was read. The update is guarded on the needed-by date and extension read as well as
// the status: a request its requestor extended since then keeps its new date. True when it expired.
export async function expireRequest(request: ExpiringRequest, now: Date) {
  return db.$transaction(async (tx) => {
    // A pledge accepted meanwhile takes this lock first: counted here, it keeps the request from expiring.
    await lockRequest(tx, request.id);
    const pledgesUnderWay = await tx.pledge.count({
      where: { requestId: request.id, status: { in: UNDER_WAY_STATUSES } },
    });
    const expiry = requestTransition(request.status, "expire", "SYSTEM", { ...request, pledgesUnderWay });
    if (!expiry.ok) return false;
    const { count } = await tx.request.updateMany({
      where: {
        id: request.id,
        status: request.status,
        neededBy: request.neededBy,
        extendedAt: request.extendedAt,
      },
      data: { status: expiry.to, closedAt: now },
    });
    if (count !== 1) return false;
    await tx.requestEvent.create({
      data: {
        requestId: request.id,
        fromStatus: request.status,
        toStatus: expiry.to,
        reason: REQUEST_EVENT_REASONS.expired,
      },
    });
    const offersDeclined = await declineOfferedPledges(tx, request.id, EXPIRED_OFFER_REASON);
    await sendExpiredEmail(tx, request.id, offersDeclined);
    await writeAudit(
      {
        actorUserId: null,
        organisationId: request.councilId,
        actorOrganisationId: null,
        action: "request.expire",
        entityType: "Request",
        entityId: request.id,
        details: {
          from: request.status,
          neededBy: request.neededBy.toISOString().slice(0, 10),
          offersDeclined,
        },
      },
      tx,
    );
    return true;
  });
}

function unansweredOffersPastNeededBy(now: Date): Prisma.RequestWhereInput {
  return { ...offersBesideWork(), neededBy: { lt: neededByPassedBefore(now) } };
}

// why an offer still unanswered when its request expired was declined: the portal closed it, nobody turned it down
export const EXPIRED_OFFER_REASON = "The request closed on its needed-by date before this offer was answered";

export const UNANSWERED_OFFER_REASON = "The request's needed-by date passed before this offer was answered";

async function declineUnansweredOffers(now: Date, batchSize: number) {
  let declined = 0;
  const run = await inBatches(
    "marketplace-decline-unanswered-offers",
    batchSize,
    ({ after, take }) =>
      db.request.findMany({
        where: { ...unansweredOffersPastNeededBy(now), ...afterId(after) },
        select: { id: true, councilId: true, neededBy: true, extendedAt: true },
        orderBy: { id: "asc" },
        take,
      }),
    async (request) => {
      declined += await db.$transaction(async (tx) => {
        await lockRequest(tx, request.id);
        // still so once locked: not extended, answered or called off meanwhile
        const still = await tx.request.count({
          where: {
            AND: [
              { id: request.id, neededBy: request.neededBy, extendedAt: request.extendedAt },
              unansweredOffersPastNeededBy(now),
            ],
          },
        });
        if (!still) return 0;
        const count = await declineOfferedPledges(tx, request.id, UNANSWERED_OFFER_REASON);
        await writeAudit(
          {
            actorUserId: null,
            organisationId: request.councilId,
            actorOrganisationId: null,
            action: "request.unanswered_offers_declined",
            entityType: "Request",
            entityId: request.id,
            details: { neededBy: request.neededBy.toISOString().slice(0, 10), offersDeclined: count },
          },
          tx,
        );
        return count;
      });
    },
  );
  return { declined, failed: run.failed };
}

// Requests past their needed-by date expire, as the state machine says; what is only on offer is declined.
export async function expireRequests(now: Date, { batchSize = JOB_BATCH_SIZE }: Batching = {}) {
  const unanswered = await declineUnansweredOffers(now, batchSize);
  let expired = 0;
  const { batches, failed } = await inBatches(
    "marketplace-expire-requests",
    batchSize,
    (page) => findExpiringRequests(now, page),
    async (request) => {
      if (await expireRequest(request, now)) expired++;
    },
  );
  return { expired, batches, failed: failed + unanswered.failed, offersDeclined: unanswered.declined };
}

const reminderSelect = {
  id: true,
  title: true,
  councilId: true,
  organisationId: true,
  createdById: true,
  neededBy: true,
  extendedAt: true,
  council: { select: councilBrandSelect },
} satisfies Prisma.RequestSelect;

// One reminder per request, 7 days before its needed-by date (again after an extension).
export async function sendExpiryReminders(now: Date, { batchSize = JOB_BATCH_SIZE }: Batching = {}) {
  const today = londonDay(now);
  let sent = 0;
  const { batches, failed } = await inBatches(
    "marketplace-expiry-reminders",
    batchSize,
    ({ after, take }) =>
      db.request.findMany({
        where: {
          ...closesAtNeededBy(),
          reminderSentAt: null,
          neededBy: { gte: today, lte: new Date(today.getTime() + 7 * DAY) },
          ...afterId(after),
        },
        select: reminderSelect,
        orderBy: { id: "asc" },
        take,
      }),
    async (request) => {
      const reminded = await db.$transaction(async (tx) => {
        // an extension meanwhile moved the date and asked for a reminder of the new one: this one is out of date
        const { count } = await tx.request.updateMany({
          where: { id: request.id, reminderSentAt: null, neededBy: request.neededBy, ...closesAtNeededBy() },
          data: { reminderSentAt: now },
        });
        if (count !== 1) return false;
        await sendReminderEmail(tx, request, formatDate(request.neededBy));
        return true;
      });
      // counted once committed: a reminder whose transaction failed is the run's failure, not a sent one
      if (reminded) sent++;
    },
  );
  return { sent, batches, failed };
}

// How many requests a digest lists; it counts and links to all of them.
export const DIGEST_SIZE = 20;

// How far behind the clock a digest reads. A request is published at the moment its approval is made, but only
// seen once that transaction commits, a moment later: read up to "now", a digest could pass over one approved
// as it ran, and the next digest, starting where this one ended, would never list it. Each digest covers the
// publications from DIGEST_SETTLE_MS before the last one ran to SETTLE_MS before it runs: no gap, no overlap, and the
// margin far longer than any transaction may last (Prisma's own time limit on one is 5 seconds).
export const DIGEST_SETTLE_MS = 5 * 60 * 1000;

const digestSelect = {
  id: true,
  name: true,
  filters: true,
  createdAt: true,
  lastDigestAt: true,
  digestTurnedOnAt: true,
  organisationId: true,
  user: { select: { email: true, memberships: { select: { organisationId: true } } } },
} satisfies Prisma.SavedSearchSelect;

// A daily email per saved search about the requests published since its last digest (nothing when none): the
// newest DIGEST_SIZE listed, how many there are in all, and a link to the list of every one of them.
export async function sendSavedSearchDigests(now: Date) {
  const searches = await db.savedSearch.findMany({
    where: {
      emailDigest: true,
      OR: [{ lastDigestAt: null }, { lastDigestAt: { lt: new Date(now.getTime() - 20 * 60 * 60 * 1000) } }],
      user: { deletedAt: null },
    },
    select: digestSelect,
    // longest waiting first: past the cap, the rest are reached on the following runs rather than never
    orderBy: [{ lastDigestAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: 10_000,
  });
  let sent = 0;
  // the lists as they are now, read once: a search naming a council, category or district that no longer exists
  // matches as its link does on /requests (which says so), without that filter, rather than nothing ever again
  forgetSearchOptions();
  // a search that cannot be sent keeps its window and is tried again tomorrow
  const failed = await forEachItem("marketplace-saved-search-digests", searches, async (search) => {
    if (await sendDigest(search, now)) sent++;
  });
  return { sent, failed };
}

function latest(moments: (Date | null)[]) {
  return new Date(Math.max(...moments.map((m) => m?.getTime() ?? -Infinity)));
}

type DigestSearch = Prisma.SavedSearchGetPayload<{ select: typeof digestSelect }>;

// One search's digest; false when nothing was sent (nothing new, already sent by another run, no longer a member).
async function sendDigest(search: DigestSearch, now: Date): Promise<boolean> {
  const saved = readSavedFilters(search.filters);
  if (!saved) throw new Error("the saved filters are not an object of filters");
  // requests published since the last digest's window ended (or the search was saved), or since the email was
  // turned back on, up to this window's end
  const until = new Date(now.getTime() - DIGEST_SETTLE_MS);
  const lastEnded = search.lastDigestAt && new Date(search.lastDigestAt.getTime() - DIGEST_SETTLE_MS);
  const since = latest([lastEnded, search.createdAt, search.digestTurnedOnAt]).toISOString();
  const filters = { ...saved, since };
  const memberOf = search.user.memberships.map((m) => m.organisationId);
  const stillMember = memberOf.includes(search.organisationId);
  const { filters: applied, notFound } = await applicableFilters(filters, { reread: false });
  // only requests the supplier can act on: not its member's own organisations' (refused a pledge), nor those it
  // has pledged to already
  const actionableBy = { supplierOrganisationId: search.organisationId, memberOf };
  const { requests, total, capped } = stillMember
    ? await searchRequests(
        { ...applied, page: 1, sort: "newest" },
        { until, pageSize: DIGEST_SIZE, actionableBy },
      )
    : { requests: [], total: 0, capped: false };
  return db.$transaction(async (tx) => {
    const { count } = await tx.savedSearch.updateMany({
      where: { id: search.id, lastDigestAt: search.lastDigestAt },
      // emailed only when there is something to list (the email is queued just below, in this transaction)
      data: { lastDigestAt: now, ...(requests.length ? { lastEmailedAt: now } : {}) },
    });
    if (count !== 1 || requests.length === 0) return false;
    const query = searchQueryString(filters);
    const email = await savedSearchDigestEmail({
      searchName: search.name,
      // the saved filters and the digest's window: the list shows every request this digest counts, and any the
      // supplier cannot pledge to (the email says so)
      searchUrl: `${appUrl()}/requests?${query}`,
      since,
      total,
      capped,
      manageUrl: `${appUrl()}/saved-searches`,
      // the email says so too, not only the list it links to: it matches more than the search was saved for
      widened: notFound.length
        ? `The ${filterNames(notFound)} this search was saved with no longer ${plural(notFound.length, "exists", "exist")}, so it now finds requests in ${anyOf(notFound)}. To narrow it again, open it, choose again and save it as a new search.`
        : undefined,
      requests: requests.map((r) => ({
        title: r.title,
        url: `${appUrl()}/requests/${r.id}`,
        summary: `${helpTypeLabel(r.helpType)}: ${formatQuantity(r.helpType, r.quantity - r.pledgedQuantity, r.unitLabel)} needed by ${formatDate(r.neededBy)} (${r.council.name})`,
      })),
    });
    await enqueueEmail(tx, { ...email, to: search.user.email, template: "marketplace.digest" });
    return true;
  });
}

export const MARKETPLACE_JOBS = [
  { name: "marketplace-expire-requests", cron: "10 0 * * *", run: expireRequests },
  { name: "marketplace-expiry-reminders", cron: "0 8 * * *", run: sendExpiryReminders },
  { name: "marketplace-saved-search-digests", cron: "0 7 * * *", run: sendSavedSearchDigests },
  // a week, then three weeks, after a delivery was reported, while the requestor has not confirmed or disputed it
  { name: DELIVERY_REMINDERS_JOB, cron: "30 8 * * *", run: sendDeliveryReminders },
];
