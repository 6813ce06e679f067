// The landing dashboards for suppliers and VCSEs: what needs their action now, and how they are doing.
// Counts and short lists only; progress comes from progress.ts through loadCommitmentProgress.
import { londonDay } from "~/domain/calendar.ts";
import { db, Prisma, readRows, sqlInteger } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import type { HelpType, PledgeStatus, RequestStatus, ReturnStatus } from "~/generated/prisma/enums.ts";
import { matchingRequests } from "~/domain/marketplace/matching.server.ts";
import {
  HOLDING_STATUSES,
  TO_ANSWER,
  TO_DELIVER,
  WAITING_FOR_REQUESTOR,
} from "~/domain/marketplace/pledge-lifecycle.ts";
import { closesAtNeededBySql } from "~/domain/marketplace/expiry-rule.ts";
import { stillNeeded } from "~/domain/marketplace/request-card.server.ts";
import { neededByPassedBefore, requestRefusal } from "~/domain/marketplace/request-lifecycle.ts";
import { cached } from "./dashboard-cache.server.ts";
import { isPastDue, OVERDUE_STATUSES, pastDueBefore, REPORTING_CONTRACT_STATUSES } from "./returns-rules.ts";
import { awardedCommitments, loadCommitmentProgress } from "./dashboard-progress.server.ts";
import { contractProgressSummary, summariseByMeasure } from "./dashboard-totals.ts";
import { returnWithinTermSql } from "./returns-term.server.ts";

const LIST = 10;
// How many of the oldest of each pledge queue a caller may ask for: the dashboards' LIST, or the first alone (for
// the counts). A set of our own, so each is one statement a connection keeps a plan for, and nothing else is written.
type QueueListLength = 1 | typeof LIST;
// The list's length written into the SQL, not sent as a parameter: a view's statement is prepared once per connection
// and PostgreSQL plans it once for every view only if a plan made without the parameters' values is estimated to cost
// no more than one made with them. A `LIMIT $n` is priced as a tenth of the rows, so that plan never looked cheaper
// and each view planned the statement anew (decision 047, session 47). Written by sqlInteger, which writes nothing but
// a whole number.
const LIST_SQL = sqlInteger(LIST);
// A set of the code's own statuses written into the SQL for the same reason, so a plan made once knows which pledges
// it reads; never anything a person typed (each is checked to be a status name).
function statusesSql(statuses: readonly string[]) {
  if (!statuses.every((status) => /^[A-Z_]+$/.test(status))) throw new Error("not a status name");
  return Prisma.raw(`'{${statuses.join(",")}}'`);
}

// One row of the supplier's dashboard query: which list it is for (`part`), and the columns that list uses (the
// others null).
type SupplierRow = {
  part: "return" | "deliver" | "offered" | "pledgedTo";
  id: string | null;
  financialYear: number | null;
  quarter: number | null;
  dueDate: Date | null;
  status: ReturnStatus | PledgeStatus | null;
  reference: string | null;
  // a contract's title, or the title of a pledge's request
  title: string | null;
  // how many returns are to complete ("return"), pledges to deliver ("deliver") or offers waiting ("offered")
  total: bigint | null;
  overdue: bigint | null;
  quantity: number | null;
  expectedDeliveryDate: Date | null;
  helpType: HelpType | null;
  unitLabel: string | null;
};

// What needs the supplier's action now is read fresh on every view, in one raw query (decision 048: four queries,
// one of them Prisma's, each cost the portal a round trip's CPU); the delivery figures and suggestions are shared
// for a minute.
// `notPostedBy`: the organisations of the person asking, whose requests are not suggested to them (they may not
// pledge to those)
export async function supplierDashboard(
  supplierOrganisationId: string,
  asOf = new Date(),
  { notPostedBy = [] }: { notPostedBy?: string[] } = {},
) {
  const today = londonDay(asOf);
  // shared for a minute: read first, so the suggested requests pledged to since can be left out in the one query
  const delivery = await cached(`supplier-delivery:${supplierOrganisationId}`, () =>
    supplierDelivery(supplierOrganisationId, asOf),
  );
  const suggested = delivery.matches.map((m) => m.id);
  // each branch keeps its own WHERE, order and LIMIT, as when they were queries of their own; `position` keeps a
  // list's order
  const rows = await readRows<SupplierRow[]>(Prisma.sql`
    SELECT part, id, "financialYear", quarter, "dueDate", status, reference, title, total, overdue, quantity,
           "expectedDeliveryDate", "helpType", "unitLabel"
    FROM (
      -- a return can be filled in once its quarter has ended, and a terminated or pipeline contract is not owed
      (SELECT 'return'::text AS part,
              row_number() OVER (ORDER BY r."dueDate" ASC, r.id ASC) AS position,
              r.id, r."financialYear", r.quarter, r."dueDate", r.status::text AS status, c.reference, c.title,
              count(*) OVER () AS total,
              count(*) FILTER (WHERE r."dueDate" < ${pastDueBefore(asOf)}::date) OVER () AS overdue,
              NULL::int AS quantity, NULL::date AS "expectedDeliveryDate", NULL::text AS "helpType",
              NULL::text AS "unitLabel"
       FROM "KpiReturn" r JOIN "Contract" c ON c.id = r."contractId"
       WHERE c."supplierOrganisationId" = ${supplierOrganisationId}
         AND r.status::text = ANY(${OVERDUE_STATUSES}::text[]) AND r."periodEnd" < ${today}::date
         AND c.status::text = ANY(${REPORTING_CONTRACT_STATUSES}::text[]) AND ${returnWithinTermSql}
       ORDER BY r."dueDate" ASC, r.id ASC
       LIMIT ${LIST})
      UNION ALL
      (SELECT 'deliver',
              row_number() OVER (ORDER BY p."expectedDeliveryDate" ASC NULLS LAST, p.id ASC),
              p.id, NULL, NULL, NULL, p.status::text, NULL, r.title, count(*) OVER (), NULL, p.quantity,
              p."expectedDeliveryDate", r."helpType"::text, r."unitLabel"
       FROM "Pledge" p JOIN "Request" r ON r.id = p."requestId"
       WHERE p."supplierOrganisationId" = ${supplierOrganisationId}
         AND p.status = ANY(${TO_DELIVER}::"PledgeStatus"[])
       ORDER BY p."expectedDeliveryDate" ASC NULLS LAST, p.id ASC
       LIMIT ${LIST})
      UNION ALL
      (SELECT 'offered', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*), NULL, NULL, NULL, NULL, NULL
       FROM "Pledge"
       WHERE "supplierOrganisationId" = ${supplierOrganisationId}
         AND status = ANY(${TO_ANSWER}::"PledgeStatus"[]))
      UNION ALL
      -- the suggestions as they stand now, though worked out up to a minute ago: not a request pledged to since
      (SELECT DISTINCT 'pledgedTo', 0, "requestId", NULL::int, NULL::int, NULL::date, NULL, NULL, NULL, NULL::bigint,
              NULL::bigint, NULL::int, NULL::date, NULL, NULL
       FROM "Pledge"
       WHERE "supplierOrganisationId" = ${supplierOrganisationId}
         AND "requestId" = ANY(${suggested}::text[])
         AND status = ANY(${HOLDING_STATUSES}::"PledgeStatus"[]))
    ) lists
    ORDER BY part, position`);
  const returnsDue = rows.filter((r) => r.part === "return");
  const pledges = rows.filter((r) => r.part === "deliver");
  const offered = rows.find((r) => r.part === "offered");
  const leftOut = new Set(rows.filter((r) => r.part === "pledgedTo").map((r) => r.id));
  // who posted it decides, but the page does not show it
  const matches = delivery.matches
    .filter((m) => !leftOut.has(m.id) && !notPostedBy.includes(m.organisationId))
    .map(({ organisationId: _postedBy, ...match }) => match);
  return {
    returnsDue: returnsDue.map((r) => ({
      id: r.id!,
      financialYear: r.financialYear!,
      quarter: r.quarter!,
      dueDate: r.dueDate!.toISOString(),
      status: r.status as ReturnStatus,
      contract: { reference: r.reference!, title: r.title! },
      overdue: isPastDue(r.dueDate!, asOf),
    })),
    returnsDueCount: Number(returnsDue[0]?.total ?? 0),
    overdueCount: Number(returnsDue[0]?.overdue ?? 0),
    pledgesToDeliver: pledges.map((p) => ({
      id: p.id!,
      status: p.status as PledgeStatus,
      quantity: p.quantity!,
      expectedDeliveryDate: p.expectedDeliveryDate,
      request: { title: p.title!, helpType: p.helpType!, unitLabel: p.unitLabel },
    })),
    pledgesToDeliverCount: Number(pledges[0]?.total ?? 0),
    pledgesAwaitingRequestor: Number(offered?.total ?? 0),
    ...delivery,
    matches,
  };
}

async function supplierDelivery(supplierOrganisationId: string, asOf: Date) {
  const [progress, contracts, matching] = await Promise.all([
    // a contract in the pipeline is listed but not counted: not yet awarded, as on the council's dashboard
    loadCommitmentProgress(awardedCommitments({ supplierOrganisationId }), asOf),
    db.contract.findMany({
      where: { supplierOrganisationId },
      orderBy: { reference: "asc" },
      select: { id: true, reference: true, title: true, status: true, council: { select: { name: true } } },
    }),
    matchingRequests(supplierOrganisationId, asOf, 5),
  ]);
  const byContract = new Map<string, typeof progress.commitments>();
  for (const c of progress.commitments)
    byContract.set(c.contractId, [...(byContract.get(c.contractId) ?? []), c]);
  // each council has its own measure library, most of them seeded with the same names: a measure says whose it is
  const councilOf = new Map(contracts.map((k) => [k.id, k.council.name]));
  const measureCouncil = new Map(
    progress.commitments.map((c) => [c.measure.id, councilOf.get(c.contractId)]),
  );
  return {
    // when these figures (and the suggestions) were worked out: they are shared for a minute, and served up to two
    // old while fresh ones are worked out, so the page says how old they are (as the council's dashboard does)
    figuresAsOf: asOf.toISOString(),
    measures: summariseByMeasure(progress.commitments, progress.progress).map((m) => ({
      ...m,
      council: measureCouncil.get(m.measureId) ?? null,
    })),
    contracts: contracts.map((k) => ({
      id: k.id,
      reference: k.reference,
      title: k.title,
      council: k.council.name,
      inPipeline: k.status === "PIPELINE",
      ...contractProgressSummary(byContract.get(k.id) ?? [], progress.progress),
    })),
    matches: matching.matches.map((m) => ({
      id: m.request.id,
      organisationId: m.request.organisationId,
      title: m.request.title,
      council: m.request.council.name,
      category: m.request.category.name,
      helpType: m.request.helpType,
      // in the words of the request's own page
      need: stillNeeded(m.request),
      neededBy: m.request.neededBy.toISOString(),
    })),
  };
}

type RequestorPledgeRow = {
  id: string;
  queue: "answer" | "confirm";
  status: PledgeStatus;
  quantity: number;
  deliveredQuantity: number | null;
  createdAt: Date;
  supplierName: string;
  requestId: string;
  requestTitle: string;
  helpType: HelpType;
  unitLabel: string | null;
  total: bigint;
  disputed: bigint;
  // the same request on both: every pledge of the queue (or its disputed ones) is on that one request
  firstRequestId: string;
  lastRequestId: string;
  firstDisputedRequestId: string | null;
  lastDisputedRequestId: string | null;
};

// Every pledge on the organisation's own requests that waits on it, with the queue it is in: offers to answer,
// deliveries to confirm (disputed ones included). The dashboard's short lists and counts and the full lists page
// (queuePledges) read the same rows, in the same order (queueOrder): oldest offer first, and the delivery changed
// longest ago first.
const waitingPledges = (organisationId: string) => Prisma.sql`
  SELECT p.id, p.status::text AS status, p.quantity, p."deliveredQuantity", p."deliveredOn", p."createdAt",
         p."updatedAt",
         CASE WHEN p.status = ANY(${statusesSql(TO_ANSWER)}::"PledgeStatus"[]) THEN 'answer' ELSE 'confirm' END
           AS queue,
         s.name AS "supplierName", r.id AS "requestId", r.title AS "requestTitle",
         r."helpType"::text AS "helpType", r."unitLabel"
  FROM "Pledge" p
  JOIN "Request" r ON r.id = p."requestId"
  JOIN "Organisation" s ON s.id = p."supplierOrganisationId"
  WHERE r."organisationId" = ${organisationId}
    AND p.status = ANY(${statusesSql(WAITING_FOR_REQUESTOR)}::"PledgeStatus"[])`;
const queueOrder = Prisma.sql`CASE WHEN queue = 'answer' THEN "createdAt" ELSE "updatedAt" END, id`;

// One request when every pledge counted is on it (so a link can go straight to its manage page), else null.
const onlyRequest = (first: string | null | undefined, last: string | null | undefined) =>
  first && first === last ? first : null;

// What a requesting organisation (a VCSE, or a council posting its own requests) must do next on its requests'
// pledges: answer the offers, confirm the deliveries (disputed ones included: the group may still confirm
// them). Only requests the organisation itself posted: a partner council's are left to its own team
// (decision 011). Read fresh: it is what the requestor acts on. `list` is how many of the oldest of each queue come
// back with the counts.
export async function requestorPledgeQueues(organisationId: string, list: QueueListLength = LIST) {
  const pledges = await readRows<RequestorPledgeRow[]>(Prisma.sql`
      SELECT id, queue, status, quantity, "deliveredQuantity", "createdAt", "supplierName", "requestId",
             "requestTitle", "helpType", "unitLabel", total, disputed, "firstRequestId", "lastRequestId",
             "firstDisputedRequestId", "lastDisputedRequestId"
      FROM (${rankedPledgeQueues(organisationId)}) ranked
      WHERE position <= ${sqlInteger(list)}
      ORDER BY queue, position`);
  return pledgeQueues(pledges);
}

// Every pledge waiting on the organisation, with its place in its queue (`position`, from 1) and its queue's counts.
const rankedPledgeQueues = (organisationId: string) => Prisma.sql`
  SELECT q.*,
         count(*) OVER queues AS total,
         count(*) FILTER (WHERE status = 'DISPUTED') OVER queues AS disputed,
         min("requestId") OVER queues AS "firstRequestId",
         max("requestId") OVER queues AS "lastRequestId",
         min("requestId") FILTER (WHERE status = 'DISPUTED') OVER queues AS "firstDisputedRequestId",
         max("requestId") FILTER (WHERE status = 'DISPUTED') OVER queues AS "lastDisputedRequestId",
         row_number() OVER (PARTITION BY queue ORDER BY ${queueOrder}) AS position
  FROM (${waitingPledges(organisationId)}) q
  WINDOW queues AS (PARTITION BY queue)`;

// The queues' lists and counts from their first rows, in queue order (answer, then confirm; oldest first).
function pledgeQueues(pledges: RequestorPledgeRow[]) {
  const shaped = (queue: RequestorPledgeRow["queue"]) =>
    pledges
      .filter((p) => p.queue === queue)
      .map((p) => ({
        id: p.id,
        status: p.status,
        quantity: p.quantity,
        deliveredQuantity: p.deliveredQuantity,
        createdAt: p.createdAt,
        supplierOrganisation: { name: p.supplierName },
        request: { id: p.requestId, title: p.requestTitle, helpType: p.helpType, unitLabel: p.unitLabel },
      }));
  const answer = pledges.find((p) => p.queue === "answer");
  const confirm = pledges.find((p) => p.queue === "confirm");
  return {
    pledgesAwaitingResponse: shaped("answer"),
    pledgesAwaitingResponseCount: Number(answer?.total ?? 0),
    deliveriesToConfirm: shaped("confirm"),
    // disputed ones included
    deliveriesToConfirmCount: Number(confirm?.total ?? 0),
    disputedCount: Number(confirm?.disputed ?? 0),
    onlyRequest: {
      answer: onlyRequest(answer?.firstRequestId, answer?.lastRequestId),
      confirm: onlyRequest(confirm?.firstRequestId, confirm?.lastRequestId),
      disputed: onlyRequest(confirm?.firstDisputedRequestId, confirm?.lastDisputedRequestId),
    },
  };
}

// The full lists behind the dashboard's "pledges waiting for your answer" and "deliveries to confirm", which show
// only the oldest LIST of each: every pledge of one queue, a page at a time, in the dashboard's order. The counts
// of both queues come with it (requestorPledgeQueues), so the page can say how many each list holds, and what a
// page past the last one should say.
export const QUEUE_PAGE_SIZE = 25;
export type RequestorQueue = "answer" | "confirm";

export async function requestorQueuePage(organisationId: string, queue: RequestorQueue, page: number) {
  const { skip, take } = pageWindow(page, QUEUE_PAGE_SIZE);
  const [counts, rows] = await Promise.all([
    requestorPledgeQueues(organisationId, 1),
    readRows<
      {
        id: string;
        status: PledgeStatus;
        quantity: number;
        deliveredQuantity: number | null;
        deliveredOn: Date | null;
        createdAt: Date;
        supplierName: string;
        requestId: string;
        requestTitle: string;
        helpType: HelpType;
        unitLabel: string | null;
      }[]
    >(Prisma.sql`
      SELECT id, status, quantity, "deliveredQuantity", "deliveredOn", "createdAt", "supplierName", "requestId",
             "requestTitle", "helpType", "unitLabel"
      FROM (${waitingPledges(organisationId)}) q
      WHERE queue = ${queue}
      ORDER BY ${queueOrder}
      LIMIT ${take} OFFSET ${skip}`),
  ]);
  const total = queue === "answer" ? counts.pledgesAwaitingResponseCount : counts.deliveriesToConfirmCount;
  return {
    pledges: rows.map((p) => ({
      id: p.id,
      status: p.status,
      quantity: p.quantity,
      deliveredQuantity: p.deliveredQuantity,
      deliveredOn: p.deliveredOn?.toISOString() ?? null,
      createdAt: p.createdAt.toISOString(),
      supplierOrganisation: { name: p.supplierName },
      request: { id: p.requestId, title: p.requestTitle, helpType: p.helpType, unitLabel: p.unitLabel },
    })),
    total,
    pageCount: pageCountOf(total, QUEUE_PAGE_SIZE),
    counts: { answer: counts.pledgesAwaitingResponseCount, confirm: counts.deliveriesToConfirmCount },
  };
}

// How far ahead a group is shown the requests that close at their needed-by date.
const CLOSING_SOON_DAYS = 14;

// One row of the group's own requests as the VCSE dashboard reads them: which list it is for (`part`), and the
// columns that list uses (the others null).
type GroupRequestRow = {
  part: "count" | "recent" | "sentBack" | "closing" | RequestorPledgeRow["queue"];
  id: string | null;
  // a request's title, or the title of a pledge's request
  title: string | null;
  status: RequestStatus | PledgeStatus;
  helpType: HelpType | null;
  quantity: number | null;
  pledgedQuantity: number | null;
  unitLabel: string | null;
  neededBy: Date | null;
  extendedAt: Date | null;
  // how many requests have that status ("count"), or are closing soon ("closing"), or pledges are in that queue
  n: bigint | null;
  // a pledge's, in a queue; a recent request's confirmed deliveries
  deliveredQuantity: number | null;
  createdAt: Date | null;
  supplierName: string | null;
  requestId: string | null;
  disputed: bigint | null;
  firstRequestId: string | null;
  lastRequestId: string | null;
  firstDisputedRequestId: string | null;
  lastDisputedRequestId: string | null;
};

// The group's dashboard in one query (decision 047): the oldest ten pledges of each of its queues, with their
// counts (as requestorPledgeQueues reads them); and of the group's own requests, how many it has in each status; the
// most recently changed; those the council sent back (nothing happens to them until the group changes and sends
// them again); and those that close when their needed-by date passes,
// soonest first: due within CLOSING_SOON_DAYS days, or due already and closed by the next expiry run. The run's
// own rule (expiry-rule.ts, in its SQL form) says which: not a fully pledged one whose work is under way, which
// stays open until its pledges are settled (unless an offer on it waits for an answer, which the run declines, and
// then closes the request); that list reads the group's requests by needed-by date (the index on
// "organisationId", "neededBy"). Five queries each cost the portal a round trip's CPU on every view.
// A group's requests due by `until` that the expiry run would close, counted and the first ten ranked, from the
// index alone: it includes status, which the rule reads (migration request_closing_soon_covering). Only the ten
// listed are then read from the table; a column added here would read all of them again. The date is read in a
// sub-select, so no plan knows it: a plan made with it priced the count from its histogram and one made without it
// as a third of the group's requests, and only the second plan costs nothing to make on each view (decision 047).
// Both read the index alike.
export function closingSoonRanked(organisationId: string, until: Date) {
  return Prisma.sql`
    SELECT r.id, row_number() OVER (ORDER BY r."neededBy" ASC, r.id ASC) AS position, count(*) OVER () AS n
    FROM "Request" r
    WHERE r."organisationId" = ${organisationId} AND r."neededBy" <= (SELECT ${until}::date)
      AND ${closesAtNeededBySql("r")}
    ORDER BY r."neededBy" ASC, r.id ASC LIMIT ${LIST_SQL}`;
}

async function groupDashboardRows(organisationId: string, asOf: Date) {
  const until = new Date(londonDay(asOf).getTime() + CLOSING_SOON_DAYS * 86_400_000);
  const rows = await readRows<GroupRequestRow[]>(Prisma.sql`
    SELECT part, id, title, status, "helpType", quantity, "pledgedQuantity", "unitLabel", "neededBy", "extendedAt", n,
           "deliveredQuantity", "createdAt", "supplierName", "requestId", disputed, "firstRequestId", "lastRequestId",
           "firstDisputedRequestId", "lastDisputedRequestId"
    FROM (
      (SELECT 'count'::text AS part, 0::bigint AS position, NULL::text AS id, NULL::text AS title,
              status::text AS status, NULL::text AS "helpType", NULL::int AS quantity, NULL::int AS "pledgedQuantity",
              NULL::text AS "unitLabel", NULL::date AS "neededBy", NULL::timestamp(3) AS "extendedAt", count(*) AS n,
              NULL::int AS "deliveredQuantity", NULL::timestamp(3) AS "createdAt", NULL::text AS "supplierName",
              NULL::text AS "requestId", NULL::bigint AS disputed, NULL::text AS "firstRequestId",
              NULL::text AS "lastRequestId", NULL::text AS "firstDisputedRequestId",
              NULL::text AS "lastDisputedRequestId"
       FROM "Request" WHERE "organisationId" = ${organisationId} GROUP BY status)
      UNION ALL
      -- "deliveredQuantity": its confirmed deliveries, each confirmed short counting what was delivered (as
      -- heldShare does), which a closed request's figure says (stillNeeded)
      (SELECT 'recent', row_number() OVER (ORDER BY "updatedAt" DESC, id DESC), id, title, status::text,
              "helpType"::text, quantity, "pledgedQuantity", "unitLabel", "neededBy", NULL, NULL,
              (SELECT COALESCE(SUM(LEAST(p.quantity, p."deliveredQuantity")), 0)::int FROM "Pledge" p
               WHERE p."requestId" = "Request".id AND p.status = 'CONFIRMED'),
              NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
       FROM "Request" WHERE "organisationId" = ${organisationId}
       ORDER BY "updatedAt" DESC, id DESC LIMIT ${LIST_SQL})
      UNION ALL
      (SELECT 'sentBack', row_number() OVER (ORDER BY "updatedAt" ASC, id ASC), id, title, status::text, NULL, NULL,
              NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
       FROM "Request" WHERE "organisationId" = ${organisationId} AND status = 'CHANGES_REQUESTED'
       ORDER BY "updatedAt" ASC, id ASC LIMIT ${LIST_SQL})
      UNION ALL
      (SELECT 'closing', c.position, r.id, r.title, r.status::text,
              NULL, NULL, NULL, NULL, r."neededBy", r."extendedAt", c.n,
              NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
       FROM (${closingSoonRanked(organisationId, until)}) c
       JOIN "Request" r ON r.id = c.id)
      UNION ALL
      (SELECT queue, position, id, "requestTitle", status, "helpType", quantity, NULL, "unitLabel", NULL, NULL, total,
              "deliveredQuantity", "createdAt", "supplierName", "requestId", disputed, "firstRequestId",
              "lastRequestId", "firstDisputedRequestId", "lastDisputedRequestId"
       FROM (${rankedPledgeQueues(organisationId)}) ranked
       WHERE position <= ${LIST_SQL})
    ) lists
    ORDER BY part, position`);
  return {
    // as requestorPledgeQueues reads them, in the same order
    queues: pledgeQueues(
      rows
        .filter((r) => r.part === "answer" || r.part === "confirm")
        .map((r) => ({
          id: r.id!,
          queue: r.part as RequestorPledgeRow["queue"],
          status: r.status as PledgeStatus,
          quantity: r.quantity!,
          deliveredQuantity: r.deliveredQuantity,
          createdAt: r.createdAt!,
          supplierName: r.supplierName!,
          requestId: r.requestId!,
          requestTitle: r.title!,
          helpType: r.helpType!,
          unitLabel: r.unitLabel,
          total: r.n!,
          disputed: r.disputed!,
          firstRequestId: r.firstRequestId!,
          lastRequestId: r.lastRequestId!,
          firstDisputedRequestId: r.firstDisputedRequestId,
          lastDisputedRequestId: r.lastDisputedRequestId,
        })),
    ),
    byStatus: rows.filter((r) => r.part === "count"),
    recent: rows.filter((r) => r.part === "recent"),
    sentBack: rows.filter((r) => r.part === "sentBack"),
    closing: rows.filter((r) => r.part === "closing"),
  };
}

// Raw SQL: this page is a requestor's landing page, and Prisma 6 would send ten queries for it (relations are
// fetched one query each) and compile each shape for about a millisecond (decision 010). The closing-soon list reads
// the expiry run's own rule, in its SQL form (expiry-rule.ts), so the two cannot drift apart. One query a view.
export async function vcseDashboard(organisationId: string, asOf = new Date()) {
  const requests = await groupDashboardRows(organisationId, asOf);
  // the oldest ten of each: offers to answer (by when offered), deliveries to confirm (by when last changed)
  const queues = requests.queues;
  const requestsByStatus: Partial<Record<RequestStatus, number>> = Object.fromEntries(
    requests.byStatus.map((s) => [s.status, Number(s.n)]),
  );
  // its date passed: the next expiry run closes it (isPastNeededBy, with London's day worked out once)
  const passedBefore = neededByPassedBefore(asOf);
  return {
    pledgesAwaitingResponse: queues.pledgesAwaitingResponse,
    pledgesAwaitingResponseCount: queues.pledgesAwaitingResponseCount,
    deliveriesToConfirm: queues.deliveriesToConfirm,
    deliveriesToConfirmCount: queues.deliveriesToConfirmCount,
    requestsByStatus,
    changesRequested: requests.sentBack.map((r) => ({ id: r.id!, title: r.title! })),
    changesRequestedCount: requestsByStatus.CHANGES_REQUESTED ?? 0,
    requests: requests.recent.map((r) => ({
      id: r.id!,
      title: r.title!,
      status: r.status as RequestStatus,
      // how much is still needed, or once closed what it came to, in the words of the request's own page
      need: stillNeeded({
        helpType: r.helpType!,
        quantity: r.quantity!,
        pledgedQuantity: r.pledgedQuantity!,
        unitLabel: r.unitLabel,
        status: r.status as RequestStatus,
        delivered: r.deliveredQuantity ?? 0,
      }),
      neededBy: r.neededBy!.toISOString(),
    })),
    closingSoon: requests.closing.map((r) => {
      const status = r.status as RequestStatus;
      return {
        id: r.id!,
        title: r.title!,
        status,
        neededBy: r.neededBy!.toISOString(),
        passed: r.neededBy! < passedBefore,
        // a published request may be extended once (the state machine, and the rule the domain adds)
        canExtend: requestRefusal({ status, extendedAt: r.extendedAt }, "extend", "REQUESTOR") === null,
      };
    }),
    closingSoonCount: Number(requests.closing[0]?.n ?? 0),
    closingSoonDays: CLOSING_SOON_DAYS,
  };
}
