// Reading requests and pledges for each kind of viewer. Public reads select public fields only: never the
// requestor's contact details, contact preference, or who created the request.
import { db, Prisma, readRows } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import type { HelpType, PledgeStatus, RequestStatus } from "~/generated/prisma/enums.ts";
import {
  callsOff,
  heldShare,
  WAITING_FOR_REQUESTOR,
  sideThatMovesTo,
  UNSETTLED_STATUSES,
} from "./pledge-lifecycle.ts";
import { CLOSED_STATUSES, PUBLISHED_STATUSES } from "./request-lifecycle.ts";
import { publicEventNote, REQUEST_EVENT_REASONS } from "./request-timeline.ts";
import { REQUEST_AMOUNT } from "./request-amount-select.ts";
import {
  requestorContactFor,
  requestorContactOf,
  requestorContactSelect,
} from "./requestor-contact.server.ts";
import { alsoForNamesColumn, councilNamesOf, leadThenOthers, namedAlsoFor } from "./also-for.ts";

const publicRequestSelect = {
  id: true,
  title: true,
  description: true,
  status: true,
  ...REQUEST_AMOUNT,
  isRemote: true,
  postcodeArea: true,
  neededBy: true,
  beneficiaries: true,
  beneficiaryCount: true,
  publishedAt: true,
  organisationId: true,
  councilId: true,
  organisation: { select: { name: true } },
  category: { select: { name: true } },
  district: { select: { name: true } },
  council: { select: { name: true } },
} as const;

// The public request page: published requests for everyone; the requestor, its council and suppliers that
// pledged to it also see it once closed.
export async function getRequestPage(
  id: string,
  viewerOrganisationIds: string[],
  viewerCouncilIds: string[],
) {
  // One raw query (the most visited page after the list; Prisma 6 compiles each query for about a
  // millisecond, decision 010). The access rule is in the WHERE clause, so a request the viewer may not see
  // is simply not found. The same public fields as publicRequestSelect, and the status history.
  const [row] = await readRows<
    {
      id: string;
      title: string;
      description: string;
      status: RequestStatus;
      helpType: HelpType;
      quantity: number;
      pledgedQuantity: number;
      unitLabel: string | null;
      isRemote: boolean;
      postcodeArea: string | null;
      neededBy: Date;
      beneficiaries: string | null;
      beneficiaryCount: number | null;
      publishedAt: Date | null;
      closedAt: Date | null;
      organisationId: string;
      councilId: string;
      organisationName: string;
      categoryName: string;
      districtName: string | null;
      councilName: string;
      alsoForNames: string[];
      events: {
        id: string;
        fromStatus: RequestStatus | null;
        toStatus: RequestStatus;
        reason: string | null;
        createdAt: string;
      }[];
    }[]
  >(Prisma.sql`
    SELECT r.id, r.title, r.description, r.status::text AS status, r."helpType"::text AS "helpType", r.quantity,
           r."pledgedQuantity", r."unitLabel", r."isRemote", r."postcodeArea", r."neededBy", r.beneficiaries,
           r."beneficiaryCount", r."publishedAt", r."closedAt", r."organisationId", r."councilId",
           o.name AS "organisationName", cat.name AS "categoryName", d.name AS "districtName",
           council.name AS "councilName",
           -- the other councils it is for besides the lead one that its pages name (decision 050)
           ${alsoForNamesColumn("r")},
           coalesce((
             SELECT json_agg(json_build_object('id', e.id, 'fromStatus', e."fromStatus", 'toStatus', e."toStatus",
                                              'reason', e.reason, 'createdAt', e."createdAt")
                             ORDER BY e."createdAt", e.id)
             FROM "RequestEvent" e WHERE e."requestId" = r.id
           ), '[]'::json) AS events
    FROM "Request" r
    JOIN "Organisation" o ON o.id = r."organisationId"
    JOIN "Category" cat ON cat.id = r."categoryId"
    LEFT JOIN "District" d ON d.id = r."districtId"
    JOIN "Organisation" council ON council.id = r."councilId"
    WHERE r.id = ${id} AND (
      r.status::text = ANY(${PUBLISHED_STATUSES}::text[])
      OR r."organisationId" = ANY(${viewerOrganisationIds}::text[])
      -- the council's officers once it was sent for approval: a draft withdrawn unsent stays the requestor's
      OR (r."councilId" = ANY(${viewerCouncilIds}::text[]) AND r."submittedAt" IS NOT NULL)
      -- a supplier can still read a request it pledged to after it closed
      OR EXISTS (SELECT 1 FROM "Pledge" p
                 WHERE p."requestId" = r.id AND p."supplierOrganisationId" = ANY(${viewerOrganisationIds}::text[]))
    )`);
  if (!row) return null;
  const { organisationName, categoryName, districtName, councilName, alsoForNames, events, ...request } = row;
  return {
    request: {
      ...request,
      organisation: { name: organisationName },
      category: { name: categoryName },
      district: districtName === null ? null : { name: districtName },
      council: { name: councilName },
      // the lead council first, then the others it is also for
      councilNames: leadThenOthers(councilName, alsoForNames),
    },
    // the reason itself stays here: the page may be public (request-timeline.ts says what is safe to show)
    events: events.map(({ id, toStatus, createdAt, ...event }) => ({
      id,
      toStatus,
      createdAt,
      note: publicEventNote({ toStatus, ...event }),
    })),
  };
}

// A published request that has closed, as anyone reaching it by an old link may see it: its title, its council,
// and how and when it closed. Nothing else (no description, nobody's name). A request never published is not found.
export async function getClosedRequest(id: string) {
  const request = await db.request.findFirst({
    where: { id, status: { in: CLOSED_STATUSES }, publishedAt: { not: null } },
    select: {
      id: true,
      title: true,
      status: true,
      closedAt: true,
      council: { select: { name: true } },
      // the date it closed, should closedAt not be kept
      events: {
        where: { toStatus: { in: CLOSED_STATUSES } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { toStatus: true, createdAt: true },
      },
    },
  });
  if (!request) return null;
  const { events, closedAt, ...rest } = request;
  return { ...rest, closedOn: closingDateOf({ status: rest.status, closedAt }, events) };
}

/** How much each closed request's confirmed deliveries came to, by request id: its figure says what was delivered
 * (stillNeeded's `delivered`). A delivery confirmed short counts what was delivered, as its share of pledgedQuantity
 * does (heldShare). Running requests are not looked up: their figure says what is still needed. */
export async function deliveredToClosed(requests: { id: string; status: RequestStatus }[]) {
  const delivered = new Map<string, number>();
  const ids = requests.filter((r) => CLOSED_STATUSES.includes(r.status)).map((r) => r.id);
  if (!ids.length) return delivered;
  const confirmed = await db.pledge.findMany({
    where: { requestId: { in: ids }, status: "CONFIRMED" },
    select: { requestId: true, quantity: true, deliveredQuantity: true },
  });
  for (const p of confirmed)
    delivered.set(p.requestId, (delivered.get(p.requestId) ?? 0) + heldShare("CONFIRMED", p));
  return delivered;
}

// Pledges accepted (delivered or disputed) but not yet confirmed: on an expired request this work goes on, and
// its pages say so (accepted pledges stay deliverable and confirmable whatever the request's status).
export function countPledgesUnderWay(requestId: string) {
  return db.pledge.count({ where: { requestId, status: { in: UNSETTLED_STATUSES } } });
}

// A request's pledges as its council's own officers read them on the request's page, oldest first, each to be linked
// to its page (getPledgePage lets them read it): the supplier, how much and where it stands, nothing more.
export function pledgesOnRequest(requestId: string) {
  return db.pledge.findMany({
    where: { requestId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      quantity: true,
      deliveredQuantity: true,
      status: true,
      supplierOrganisation: { select: { name: true } },
    },
  });
}

// When a closed request closed: its closedAt, else the latest event that moved it to its status.
export function closingDateOf(
  request: { status: RequestStatus; closedAt: Date | string | null },
  events: { toStatus: RequestStatus; createdAt: Date | string }[],
) {
  if (request.closedAt) return new Date(request.closedAt);
  const times = events
    .filter((e) => e.toStatus === request.status)
    .map((e) => new Date(e.createdAt).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

// The reasons of the request events a supplier's pledge causes (received, withdrawn, delivered short).
// A request's or pledge's history, oldest first, with who made each change (the officer's and the parties' pages)
const historyWithActors = {
  orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
  select: {
    id: true,
    fromStatus: true,
    toStatus: true,
    reason: true,
    createdAt: true,
    // the id tells an officer their own decision from a colleague's (moderation-moved-on.ts); pages show the name
    actor: { select: { id: true, name: true } },
  },
};

/** A history as a page shows it: who acted by name only, their user id left on the server. */
export function historyShown<E extends { actor: { id: string; name: string } | null }>(events: E[]) {
  return events.map(({ actor, ...event }) => ({ ...event, actor: actor ? { name: actor.name } : null }));
}

const PLEDGE_REASONS = new Set<string>([
  REQUEST_EVENT_REASONS.pledgeReceived,
  REQUEST_EVENT_REASONS.pledgeReleased,
  REQUEST_EVENT_REASONS.shortDelivery,
  REQUEST_EVENT_REASONS.fulfilled,
]);

// Everything the requestor needs to manage its own request (404 for anyone else: filtered in the query). Who made
// each change, as on a pledge's page: the requestor's own people and the council's officers by name, a supplier's
// people by their organisation (their names are the supplier's to share).
export async function getManagedRequest(id: string, organisationIds: string[]) {
  const request = await findManagedRequest(id, organisationIds);
  if (!request) return null;
  const { events, alsoFor: _, contactPreference, createdById, organisation, ...rest } = request;
  const suppliers = new Map(
    request.pledges.map((p) => [p.supplierOrganisationId, p.supplierOrganisation.name]),
  );
  return {
    ...rest,
    // the lead council first, then the others it is also for (decision 050)
    councilNames: councilNamesOf(request),
    // what a supplier is given once the group accepts its pledge, shown to the group as the supplier reads it
    contact: requestorContactOf({ contactPreference, createdById, organisation }),
    pledges: rest.pledges.map(({ supplierOrganisationId: _, ...pledge }) => pledge),
    events: events.map(({ actor, ...event }) => {
      if (!actor) return { ...event, who: null };
      const own = actor.memberships.some((m) => m.organisationId === request.organisationId);
      if (own || !event.reason || !PLEDGE_REASONS.has(event.reason)) return { ...event, who: actor.name };
      const supplier = actor.memberships.find((m) => suppliers.has(m.organisationId));
      return { ...event, who: supplier ? suppliers.get(supplier.organisationId)! : null };
    }),
  };
}

// Only what the manage page renders (and who may act on it): not the request's public description and place,
// nor each pledge's message, delivery note, feedback or reasons, which are read on the pledge's own page.
function findManagedRequest(id: string, organisationIds: string[]) {
  return db.request.findFirst({
    where: { id, organisationId: { in: organisationIds } },
    select: {
      id: true,
      title: true,
      status: true,
      ...REQUEST_AMOUNT,
      neededBy: true,
      publishedAt: true,
      organisationId: true,
      councilId: true,
      category: { select: { name: true } },
      // the lead council, which moderates it: named, with its address, where the page says how to get it corrected
      council: { select: { name: true, contactEmail: true } },
      alsoFor: namedAlsoFor,
      ...requestorContactSelect,
      moderationComment: true,
      extendedAt: true,
      showcaseConsent: true,
      pledges: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          quantity: true,
          deliveredQuantity: true,
          deliveredOn: true,
          supplierOrganisationId: true,
          supplierOrganisation: { select: { name: true } },
        },
      },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          toStatus: true,
          reason: true,
          createdAt: true,
          actor: { select: { name: true, memberships: { select: { organisationId: true } } } },
        },
      },
    },
  });
}

// The columns a request's form writes: what its edit form shows, and what tells a form sent again from one with
// changes (requests.server.ts).
export const REQUEST_DATA_COLUMNS = {
  councilId: true,
  title: true,
  description: true,
  categoryId: true,
  helpType: true,
  quantity: true,
  unitLabel: true,
  districtId: true,
  postcodeArea: true,
  isRemote: true,
  neededBy: true,
  beneficiaries: true,
  beneficiaryCount: true,
  contactPreference: true,
} as const;

// The request as its requestor edits it (only while a draft or when changes were requested).
export function getEditableRequest(id: string, organisationIds: string[]) {
  return db.request.findFirst({
    where: { id, organisationId: { in: organisationIds } },
    select: {
      id: true,
      status: true,
      organisationId: true,
      updatedAt: true,
      ...REQUEST_DATA_COLUMNS,
      moderationComment: true,
      alsoFor: { select: { councilId: true } },
      // a category or district the council has retired since is not offered: the form says which it was
      category: { select: { name: true, active: true } },
      district: { select: { name: true, active: true } },
    },
  });
}

export const OWN_LIST_PAGE_SIZE = 25;

// An organisation's own requests, most recently changed first, a page at a time.
export async function listOrganisationRequests(organisationId: string, page = 1) {
  const where = { organisationId };
  const [total, requests] = await Promise.all([
    db.request.count({ where }),
    listOrganisationRequestRows(where, page),
  ]);
  return { total, requests, pageCount: pageCountOf(total, OWN_LIST_PAGE_SIZE) };
}

function listOrganisationRequestRows(where: { organisationId: string }, page: number) {
  return db.request.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    ...pageWindow(page, OWN_LIST_PAGE_SIZE),
    select: {
      id: true,
      title: true,
      status: true,
      ...REQUEST_AMOUNT,
      neededBy: true,
      _count: { select: { pledges: { where: { status: { in: WAITING_FOR_REQUESTOR } } } } },
    },
  });
}

export const MODERATION_PAGE_SIZE = 25;

// The requests waiting for the council's approval: the queue lists them and the council dashboard counts them.
export const moderationQueueWhere = (councilId: string) => ({ councilId, status: "SUBMITTED" as const });

// The council's approval queue, oldest submitted first, a page at a time, with how many are waiting in all.
export async function moderationQueue(councilId: string, page = 1) {
  const where = moderationQueueWhere(councilId);
  const [queue, total] = await Promise.all([moderationPage(where, page), db.request.count({ where })]);
  return { queue, total, pageCount: pageCountOf(total, MODERATION_PAGE_SIZE) };
}

function moderationPage(where: ReturnType<typeof moderationQueueWhere>, page: number) {
  return db.request.findMany({
    where,
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    ...pageWindow(page, MODERATION_PAGE_SIZE),
    select: {
      id: true,
      title: true,
      submittedAt: true,
      neededBy: true,
      helpType: true,
      organisation: { select: { name: true, status: true } },
      category: { select: { name: true } },
    },
  });
}

// An officer reads the whole request of their own council, including the contact preference and the other councils
// it is for (decision 050), which it is listed under once approved.
export async function getModerationRequest(id: string, councilIds: string[]) {
  const request = await db.request.findFirst({
    // once sent for approval: a draft withdrawn before it was ever sent is the requestor's alone
    where: { id, councilId: { in: councilIds }, submittedAt: { not: null } },
    select: {
      ...publicRequestSelect,
      contactPreference: true,
      moderationComment: true,
      submittedAt: true,
      organisation: { select: { name: true, status: true } },
      alsoFor: namedAlsoFor,
      events: historyWithActors,
    },
  });
  if (!request) return null;
  const { alsoFor: _, ...rest } = request;
  return { ...rest, councilNames: councilNamesOf(request) };
}

// A supplier's pledges in one state (or all), newest first, a page at a time, with how many are in each state.
// `status`: one state, or several (the pledges still to deliver, accepted or disputed, listed as one).
export async function listSupplierPledges(
  supplierOrganisationId: string,
  options: { status?: PledgeStatus | readonly PledgeStatus[]; page: number } = { page: 1 },
) {
  const statuses = options.status === undefined ? undefined : [options.status].flat();
  const where = { supplierOrganisationId, ...(statuses ? { status: { in: statuses } } : {}) };
  const [counts, pledges] = await Promise.all([
    db.pledge.groupBy({ by: ["status"], where: { supplierOrganisationId }, _count: { _all: true } }),
    listSupplierPledgeRows(where, options.page),
  ]);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<
    Record<PledgeStatus, number>
  >;
  const total = counts
    .filter((c) => !statuses || statuses.includes(c.status))
    .reduce((sum, c) => sum + c._count._all, 0);
  return { byStatus, total, pledges, pageCount: pageCountOf(total, OWN_LIST_PAGE_SIZE) };
}

async function listSupplierPledgeRows(where: Prisma.PledgeWhereInput, page: number) {
  const rows = await db.pledge.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    ...pageWindow(page, OWN_LIST_PAGE_SIZE),
    select: {
      id: true,
      status: true,
      quantity: true,
      deliveredQuantity: true,
      deliveredOn: true,
      expectedDeliveryDate: true,
      createdAt: true,
      request: { select: { id: true, title: true, helpType: true, unitLabel: true } },
      // what a declined pledge was declined from: after it was agreed, the group called it off (decision 012)
      events: { where: { toStatus: "DECLINED" }, select: { fromStatus: true }, take: 1 },
    },
  });
  return rows.map(({ events, ...row }) => ({
    ...row,
    calledOff: events.some((e) => callsOff(e.fromStatus, "DECLINED")),
  }));
}

// A pledge is visible to its supplier, to the requestor it was made to, and (to read, for oversight) to the officers of
// the council its request is for (`councilIds`, as the request's own page lets them see it); nobody else. The
// requestor's contact (requestor-contact.server.ts) is in it only once the pledge is accepted (sharesContact).
export async function getPledgePage(id: string, organisationIds: string[], councilIds: string[] = []) {
  const pledge = await db.pledge.findFirst({
    where: {
      id,
      OR: [
        { supplierOrganisationId: { in: organisationIds } },
        { request: { organisationId: { in: organisationIds } } },
        { request: { councilId: { in: councilIds } } },
      ],
    },
    select: {
      id: true,
      status: true,
      quantity: true,
      createdAt: true,
      message: true,
      expectedDeliveryDate: true,
      deliveredQuantity: true,
      deliveredOn: true,
      deliveryNote: true,
      decisionReason: true,
      disputeReason: true,
      rating: true,
      feedback: true,
      supplierOrganisationId: true,
      supplierOrganisation: { select: { name: true } },
      commitment: {
        select: { measure: { select: { name: true } }, contract: { select: { reference: true } } },
      },
      request: {
        select: {
          id: true,
          title: true,
          status: true,
          neededBy: true,
          extendedAt: true,
          helpType: true,
          unitLabel: true,
          organisationId: true,
          councilId: true,
          ...requestorContactSelect,
          organisation: { select: { name: true, ...requestorContactSelect.organisation.select } },
        },
      },
      events: historyWithActors,
    },
  });
  if (!pledge) return null;
  const { contactPreference, createdById, organisation, ...request } = pledge.request;
  // how to reach the requestor, worked out (and sent on) only while the pledge is agreed
  const contact = requestorContactFor(pledge.status, { contactPreference, createdById, organisation });
  // who made each change: a person's name to their own side; the other side sees their organisation, as a
  // person's name is that organisation's to share
  const names = {
    SUPPLIER: organisationIds.includes(pledge.supplierOrganisationId)
      ? null
      : pledge.supplierOrganisation.name,
    REQUESTOR: organisationIds.includes(request.organisationId) ? null : organisation.name,
  };
  const events = pledge.events.map(({ actor, ...event }) => ({
    ...event,
    who: actor ? (names[sideThatMovesTo(event.toStatus)] ?? actor.name) : null,
  }));
  return {
    ...pledge,
    events,
    request: { ...request, contact, organisationName: organisation.name },
    // declined after it was agreed: the group called it off (decision 012)
    calledOff: pledge.events.some((e) => callsOff(e.fromStatus, e.toStatus)),
  };
}

type PledgePage = NonNullable<Awaited<ReturnType<typeof getPledgePage>>>;

/**
 * What the pledge's page shows of it (loader data is public to whoever gets the page): the ids of the organisations
 * on each side and of the council, the dates the loader checks and the history's from-states are not sent. The
 * commitment is the supplier's contract with the council, which its officers see: a requestor never sees contract
 * data. How to contact the requestor (its preference and an address) is for the supplier it was given to, and the
 * requestor's own: an officer reading it for oversight is not sent it.
 */
export function pledgePageShown(pledge: PledgePage, view: { requestor: boolean; overseeing: boolean }) {
  const { request } = pledge;
  return {
    id: pledge.id,
    status: pledge.status,
    quantity: pledge.quantity,
    message: pledge.message,
    expectedDeliveryDate: pledge.expectedDeliveryDate,
    deliveredQuantity: pledge.deliveredQuantity,
    deliveredOn: pledge.deliveredOn,
    deliveryNote: pledge.deliveryNote,
    decisionReason: pledge.decisionReason,
    calledOff: pledge.calledOff,
    disputeReason: pledge.disputeReason,
    rating: pledge.rating,
    feedback: pledge.feedback,
    supplierOrganisation: { name: pledge.supplierOrganisation.name },
    commitment:
      view.requestor || !pledge.commitment
        ? null
        : {
            measure: { name: pledge.commitment.measure.name },
            contract: { reference: pledge.commitment.contract.reference },
          },
    request: {
      id: request.id,
      title: request.title,
      status: request.status,
      helpType: request.helpType,
      unitLabel: request.unitLabel,
      // whose address it is (the group's contact email, the poster's...) is the group's to know, not the supplier's
      contact:
        view.overseeing || !request.contact
          ? null
          : view.requestor
            ? request.contact
            : { preference: request.contact.preference, emails: request.contact.emails },
    },
    events: pledge.events.map((e) => ({
      id: e.id,
      toStatus: e.toStatus,
      calledOff: callsOff(e.fromStatus, e.toStatus),
      reason: e.reason,
      createdAt: e.createdAt,
      who: e.who,
    })),
  };
}
