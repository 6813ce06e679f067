// The council officer's dashboard: every figure is an aggregate query (count / group by), never a scan of
// rows in Node. Progress and RAG come from progress.ts through loadCommitmentProgress.
import { londonDay, londonMidnight, yearBeforeToday } from "~/domain/calendar.ts";
import { missingAwardDate, notInPipeline } from "~/domain/contracts/contracts.server.ts";
import { db, Prisma, readRows } from "~/db.server.ts";
import {
  OVERDUE_STATUSES,
  pastDueBefore,
  REPORTING_CONTRACT_STATUSES,
} from "~/domain/reporting/returns-rules.ts";
import {
  previousQuarter,
  quarterIndex,
  quarterLabel,
  quarterOf,
  type FinancialQuarter,
} from "~/domain/contracts/quarters.ts";
import { helpTypeOrder } from "~/domain/marketplace/help-types.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";
import type { ComplianceBucket } from "./dashboard-lists.ts";
import { requestorPledgeQueues } from "./dashboard-people.server.ts";
import {
  awardedCommitments,
  loadCommitmentProgress,
  type CommitmentRow,
} from "./dashboard-progress.server.ts";
import { toHundredths } from "./progress.ts";
import {
  contractProgressSummary,
  localValueByYear,
  localValueHundredths,
  summariseByMeasure,
} from "./dashboard-totals.ts";
import { returnWithinTermSql } from "./returns-term.server.ts";

export async function awardedWithCommitments(councilId: string, asOf: Date) {
  // whole days (London's, as "today" is everywhere), so the contracts list filtered "awarded since" that day
  // shows exactly these contracts
  const since = yearBeforeToday(asOf);
  const awarded = { councilId, ...notInPipeline, awardedOn: { gte: since, lte: londonDay(asOf) } };
  const [total, withCommitments, noAwardDate] = await Promise.all([
    db.contract.count({ where: awarded }),
    db.contract.count({ where: { ...awarded, commitments: { some: {} } } }),
    // cannot be counted as awarded in the last 12 months or not: shown beside the KPI so it is not taken as complete
    db.contract.count({ where: { councilId, ...missingAwardDate } }),
  ]);
  return {
    since,
    total,
    withCommitments,
    noAwardDate,
    percent: total === 0 ? null : Math.round((withCommitments / total) * 1000) / 10,
  };
}

export type ComplianceRow = FinancialQuarter & {
  label: string;
  // by the first submission: a return queried and sent again keeps the timeliness of its first sending
  onTime: number;
  late: number;
  // never submitted, on a contract still reporting: past the due date, or not yet due
  overdue: number;
  notYetDue: number;
  total: number;
  // with the supplier after the due date, queried ones included: the council's "overdue" returns queue
  pastDueWithSupplier: number;
};

// The buckets of a quarter's returns (COMPLIANCE_BUCKETS, dashboard-lists.ts) as SQL over "KpiReturn" r, the
// contract's "owed" flag and the first submission f.at (see returnCompliance).

// isPastDue (returns-rules.ts) for a moment stored in a row: the London day it fell on, after the due date. A
// return's own page and the returns lists tell the same of it (daysSubmittedLate, firstSubmittedAt).
// Timestamps are stored as UTC without a zone, so they are read as UTC before turning them into London time.
const firstSentPastDue = Prisma.sql`(f.at at time zone 'UTC' at time zone 'Europe/London')::date > r."dueDate"`;

function bucketSql(bucket: ComplianceBucket, asOf: Date) {
  const pastDue = Prisma.sql`r."dueDate" < ${pastDueBefore(asOf)}::date`;
  switch (bucket) {
    case "on-time":
      return Prisma.sql`not ${firstSentPastDue}`;
    case "late":
      return firstSentPastDue;
    case "overdue":
      return Prisma.sql`f.at is null and owed and ${pastDue}`;
    case "not-yet-due":
      return Prisma.sql`f.at is null and owed and not ${pastDue}`;
    case "counted":
      return Prisma.sql`(f.at is not null or owed)`;
  }
}

const complianceFrom = Prisma.sql`
    from "KpiReturn" r join "Contract" c on c.id = r."contractId"
    -- a terminated or pipeline contract's returns are no longer owed, nor one for a quarter outside its
    -- term as it now stands (a queried return left behind by a shortened term), but what was sent still counts
    cross join lateral (
      select c.status::text = any(${REPORTING_CONTRACT_STATUSES}::text[]) and ${returnWithinTermSql} as owed
    ) o
    -- a return with no history (written before it was kept) falls back to its latest submission
    left join lateral (
      select coalesce(min(e."createdAt"), r."submittedAt") as at
      from "KpiReturnEvent" e where e."returnId" = r.id and e."toStatus" = 'SUBMITTED'
    ) f on true`;

// The returns behind one of a quarter's compliance figures, for the returns list the figure links to.
export async function complianceReturnIds(
  councilId: string,
  quarter: FinancialQuarter,
  bucket: ComplianceBucket,
  asOf: Date,
) {
  const rows = await readRows<{ id: string }[]>(Prisma.sql`
    select r.id ${complianceFrom}
    where c."councilId" = ${councilId} and r."financialYear" = ${quarter.financialYear}
      and r.quarter = ${quarter.quarter} and ${bucketSql(bucket, asOf)}`);
  return rows.map((r) => r.id);
}

// Returns for the quarters that have ended (a return is due after its quarter), newest last. A return is on
// time when it was first submitted by the end of its due date in London (as isPastDue draws the line), late
// when first submitted after it. The first submission is read from the return's history: submittedAt is the
// latest.
export async function returnCompliance(
  councilId: string,
  asOf: Date,
  quarters = 4,
): Promise<ComplianceRow[]> {
  const last = previousQuarter(quarterOf(asOf));
  const lastIndex = quarterIndex(last);
  const awaiting = OVERDUE_STATUSES;
  const rows = await readRows<
    {
      financialYear: number;
      quarter: number;
      onTime: bigint;
      late: bigint;
      overdue: bigint;
      notYetDue: bigint;
      pastDueWithSupplier: bigint;
    }[]
  >(Prisma.sql`
    select r."financialYear", r.quarter,
      count(*) filter (where ${bucketSql("on-time", asOf)}) as "onTime",
      count(*) filter (where ${bucketSql("late", asOf)}) as late,
      count(*) filter (where ${bucketSql("overdue", asOf)}) as overdue,
      count(*) filter (where ${bucketSql("not-yet-due", asOf)}) as "notYetDue",
      count(*) filter (
        where owed and r.status::text = any(${awaiting}::text[]) and r."dueDate" < ${pastDueBefore(asOf)}::date
      ) as "pastDueWithSupplier"
    ${complianceFrom}
    where c."councilId" = ${councilId}
      and r."financialYear" * 4 + r.quarter - 1 between ${lastIndex - quarters + 1} and ${lastIndex}
    group by 1, 2`);
  const result: ComplianceRow[] = [];
  for (let i = lastIndex - quarters + 1; i <= lastIndex; i++) {
    const q = { financialYear: Math.floor(i / 4), quarter: ((i % 4) + 1) as 1 | 2 | 3 | 4 };
    const row = rows.find((r) => r.financialYear === q.financialYear && r.quarter === q.quarter);
    const counts = {
      onTime: Number(row?.onTime ?? 0),
      late: Number(row?.late ?? 0),
      overdue: Number(row?.overdue ?? 0),
      notYetDue: Number(row?.notYetDue ?? 0),
    };
    result.push({
      ...q,
      label: quarterLabel(q.financialYear, q.quarter),
      ...counts,
      total: counts.onTime + counts.late + counts.overdue + counts.notYetDue,
      pastDueWithSupplier: Number(row?.pastDueWithSupplier ?? 0),
    });
  }
  return result;
}

// Largest commitments first: by the committed local £ the "Committed local £" column shows (so a terminated
// contract ranks by what it was held to, decision 025), then contract value, then reference.
function rankContracts(
  byContract: Map<string, CommitmentRow[]>,
  { progress, quarterly }: Pick<Awaited<ReturnType<typeof loadCommitmentProgress>>, "progress" | "quarterly">,
  limit: number,
) {
  const ranked = Array.from(byContract, ([id, commitments]) => ({
    id,
    contract: commitments[0]!.contract,
    summary: contractProgressSummary(commitments, progress, quarterly),
  }));
  const committed = (row: (typeof ranked)[number]) => toHundredths(row.summary.local.committed);
  const value = (row: (typeof ranked)[number]) => toHundredths(row.contract.valueGbp);
  ranked.sort((a, b) => {
    const byLocal = committed(b) - committed(a);
    if (byLocal !== 0n) return byLocal > 0n ? 1 : -1;
    const byValue = value(b) - value(a);
    if (byValue !== 0n) return byValue > 0n ? 1 : -1;
    return a.contract.reference < b.contract.reference
      ? -1
      : a.contract.reference > b.contract.reference
        ? 1
        : 0;
  });
  return ranked.slice(0, limit);
}

export type MarketplaceActivity = {
  since: string;
  opened: number;
  fulfilled: number;
  expired: number;
  medianDaysToFirstPledge: number | null;
  // the requests the median is taken over
  firstPledgeRequests: number;
  byHelpType: { helpType: HelpType; pledged: number; confirmed: number }[];
};

export async function marketplaceActivity(councilId: string, asOf: Date): Promise<MarketplaceActivity> {
  // whole days (London's, as "today" is everywhere), so the council's request list filtered "since" that day
  // shows exactly these requests
  const sinceDay = yearBeforeToday(asOf);
  // times are compared with the moment that day began in London, dates (needed-by) with the day
  const since = londonMidnight(sinceDay);
  // a pledge confirmed before confirmedAt was recorded falls back to its last change
  const confirmedSince = Prisma.sql`(p.status = 'CONFIRMED' and coalesce(p."confirmedAt", p."updatedAt") >= ${since})`;
  // a declined or withdrawn pledge is not pledged: a type of help with only those would show a row of noughts
  const pledgedSince = Prisma.sql`(p.status not in ('DECLINED', 'WITHDRAWN') and p."createdAt" >= ${since})`;
  const [counts, byHelpType, median] = await Promise.all([
    readRows<{ opened: bigint; fulfilled: bigint; expired: bigint }[]>(Prisma.sql`
      select
        count(*) filter (where "publishedAt" >= ${since} and "publishedAt" <= ${asOf}) as opened,
        count(*) filter (where status = 'FULFILLED' and coalesce("fulfilledAt", "updatedAt") >= ${since}) as fulfilled,
        count(*) filter (where status = 'EXPIRED' and ("closedAt" >= ${since} or ("closedAt" is null and "neededBy" >= ${sinceDay}))) as expired
      from "Request" where "councilId" = ${councilId}`),
    // pledged by when the pledge was made, confirmed by when it was confirmed (a pledge made before the
    // window and confirmed in it is confirmed in it)
    readRows<{ helpType: HelpType; pledged: bigint; confirmed: bigint }[]>(Prisma.sql`
      select r."helpType",
        coalesce(sum(p.quantity) filter (where ${pledgedSince}), 0) as pledged,
        coalesce(sum(coalesce(p."deliveredQuantity", p.quantity)) filter (where ${confirmedSince}), 0) as confirmed
      from "Pledge" p join "Request" r on r.id = p."requestId"
      where r."councilId" = ${councilId} and (${pledgedSince} or ${confirmedSince})
      group by 1`),
    readRows<{ median: number | null; requests: bigint }[]>(Prisma.sql`
      select percentile_cont(0.5) within group (order by extract(epoch from f.first_pledge - r."publishedAt") / 86400)
        as median, count(*) as requests
      -- driven from the pledges, not from every request in the window (a lookup per request took 1.6 s on
      -- 50,000 requests); a request published in the window is only pledged to after it was published, so
      -- its first pledge is among the window's
      from (
        select p."requestId", min(p."createdAt") as first_pledge
        from "Pledge" p where p."createdAt" >= ${since}
        group by p."requestId"
      ) f
      join "Request" r on r.id = f."requestId"
      where r."councilId" = ${councilId} and r."publishedAt" >= ${since}`),
  ]);
  const c = counts[0];
  const medianDays = median[0]?.median;
  return {
    since: sinceDay.toISOString(),
    opened: Number(c?.opened ?? 0),
    fulfilled: Number(c?.fulfilled ?? 0),
    expired: Number(c?.expired ?? 0),
    medianDaysToFirstPledge: medianDays == null ? null : Math.round(Number(medianDays) * 10) / 10,
    firstPledgeRequests: Number(median[0]?.requests ?? 0),
    // the help types' own order, as everywhere else (the query's grouping gives whatever order it likes)
    byHelpType: byHelpType
      .map((r) => ({
        helpType: r.helpType,
        pledged: Number(r.pledged),
        confirmed: Number(r.confirmed),
      }))
      .sort((a, b) => helpTypeOrder(a.helpType) - helpTypeOrder(b.helpType)),
  };
}

export async function councilDashboard(councilId: string, options: { top: number; asOf?: Date }) {
  const asOf = options.asOf ?? new Date();
  const [settings, awarded, compliance, activity, all] = await Promise.all([
    db.councilSettings.findUnique({
      where: { organisationId: councilId },
      select: { proxyValueSource: true },
    }),
    awardedWithCommitments(councilId, asOf),
    returnCompliance(councilId, asOf),
    marketplaceActivity(councilId, asOf),
    // delivered against committed, the measures, the top contracts and the local £: awarded contracts only
    loadCommitmentProgress(awardedCommitments({ councilId }), asOf),
  ]);
  const byContract = new Map<string, CommitmentRow[]>();
  for (const c of all.commitments) {
    const list = byContract.get(c.contractId);
    if (list) list.push(c);
    else byContract.set(c.contractId, [c]);
  }
  const top = rankContracts(byContract, all, options.top);
  const details = new Map(
    (
      await db.contract.findMany({
        where: { id: { in: top.map((row) => row.id) } },
        select: {
          id: true,
          title: true,
          department: true,
          supplierOrganisation: { select: { name: true } },
        },
      })
    ).map((k) => [k.id, k]),
  );
  return {
    asOf: asOf.toISOString(),
    currentQuarter: quarterLabel(all.current.financialYear, all.current.quarter as 1 | 2 | 3 | 4),
    // a year not yet started has no delivery to show: the page says so rather than £0.00
    currentFinancialYear: all.current.financialYear,
    proxyValueSource: settings?.proxyValueSource ?? null,
    awarded: { ...awarded, since: awarded.since.toISOString() },
    compliance,
    activity,
    measures: summariseByMeasure(all.commitments, all.progress),
    localValue: localValueHundredths(all.commitments, all.progress, all.quarterly),
    localValueByYear: localValueByYear(all.commitments, all.quarterly),
    // the contracts the top contracts are chosen from: when no more than asked for, the list is all of them
    contractsWithCommitments: byContract.size,
    topContracts: top.flatMap(({ id, contract, summary }) => {
      const k = details.get(id);
      // read apart from the progress: a contract gone in between is left out
      if (!k) return [];
      return [
        {
          id,
          reference: contract.reference,
          title: k.title,
          department: k.department,
          supplier: k.supplierOrganisation.name,
          valueGbp: contract.valueGbp.toString(),
          ...summary,
        },
      ];
    }),
  };
}

export type RequestActionCount = {
  count: number;
  // set when every pledge counted is on this one request: its manage page is where they are handled
  requestId: string | null;
};

// What the council must do on the marketplace requests it posted itself (it is a requestor too), by the same
// queues as a VCSE's dashboard: read fresh, never from the dashboard cache, since it is what the officer acts on.
// Deliveries to confirm and disputed pledges are counted apart, so the figures add up.
export async function councilRequestActions(councilId: string): Promise<{
  toAnswer: RequestActionCount;
  toConfirm: RequestActionCount;
  disputed: RequestActionCount;
}> {
  const queues = await requestorPledgeQueues(councilId, 1);
  const action = (count: number, requestId: string | null) => ({
    count,
    requestId: count > 0 ? requestId : null,
  });
  return {
    toAnswer: action(queues.pledgesAwaitingResponseCount, queues.onlyRequest.answer),
    toConfirm: action(queues.deliveriesToConfirmCount - queues.disputedCount, queues.onlyRequest.confirm),
    disputed: action(queues.disputedCount, queues.onlyRequest.disputed),
  };
}
