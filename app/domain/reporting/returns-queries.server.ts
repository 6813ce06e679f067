// Reading returns: the supplier's and the council's lists, and one return with everything its page shows.
// Every query is filtered by the organisation asking, so another organisation's return is simply not found.
import type { Viewer } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import { councilStaff } from "~/domain/accounts/members.server.ts";
import { londonMidnight } from "~/domain/calendar.ts";
import { progressFor } from "~/domain/contracts/progress.server.ts";
import { quarterLabel, type QuarterNumber } from "~/domain/contracts/quarters.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { MeasureUnit, ReturnStatus } from "~/generated/prisma/enums.ts";
import {
  daysSubmittedLate,
  firstSubmittedAt,
  isAwaitingSupplier,
  isChasedAsOverdue,
  isEditableBySupplier,
  isReportingContract,
  isWithinTerm,
  type NotOwedReason,
  OVERDUE_STATUSES,
  pastDueBefore,
  REPORTING_CONTRACT_STATUSES,
} from "./returns-rules.ts";
import {
  changesBetween,
  readSubmittedLines,
  type ResubmissionChanges,
  type SubmittedLine,
} from "./returns-changes.ts";
import { withoutCredentials } from "./evidence-link.ts";
import type { ReturnLineSpec } from "./returns-schema.ts";
import { notAwaitingOutsideTerm } from "./returns-term.server.ts";

export type ReturnAccess = { kind: "SUPPLIER" | "COUNCIL"; organisationId: string };

export function returnWhere(access: ReturnAccess): Prisma.KpiReturnWhereInput {
  return access.kind === "SUPPLIER"
    ? { contract: { supplierOrganisationId: access.organisationId } }
    : { contract: { councilId: access.organisationId } };
}

export const PAGE_SIZE = 25;

const listSelect = {
  id: true,
  financialYear: true,
  quarter: true,
  dueDate: true,
  periodStart: true,
  periodEnd: true,
  status: true,
  submittedAt: true,
  // the first submission, to tell one sent late (firstSubmittedAt)
  events: {
    where: { toStatus: "SUBMITTED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1,
    select: { toStatus: true, createdAt: true },
  },
  contract: {
    select: {
      id: true,
      title: true,
      reference: true,
      status: true,
      startDate: true,
      endDate: true,
      council: { select: { name: true } },
      supplierOrganisation: { select: { name: true } },
      contractManager: { select: { id: true, name: true } },
    },
  },
} satisfies Prisma.KpiReturnSelect;

type ListRow = Prisma.KpiReturnGetPayload<{ select: typeof listSelect }>;

function toListItem(row: ListRow, now: Date) {
  return {
    id: row.id,
    period: quarterLabel(row.financialYear, row.quarter as QuarterNumber),
    dueDate: row.dueDate.toISOString(),
    status: row.status,
    overdue: isChasedAsOverdue(row, now),
    notOwed: notOwedReason(row),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    daysSubmittedLate: daysSubmittedLate(row.dueDate, firstSubmittedAt(row.events, row.submittedAt)),
    contractTitle: row.contract.title,
    contractReference: row.contract.reference,
    councilName: row.contract.council.name,
    supplierName: row.contract.supplierOrganisation.name,
    managerName: row.contract.contractManager?.name ?? null,
  };
}

/**
 * Of these contract managers, those who no longer work for the council: removed, left, partnership-wide access
 * withdrawn, or account deleted (decision 023). Leaving keeps them as the contract's manager, so every page
 * naming them says so, or they read as the person looking after the return.
 */
export async function managersWhoLeft(
  councilId: string,
  managerIds: (string | null)[],
): Promise<Set<string>> {
  const ids = [...new Set(managerIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Set();
  const staying = await db.membership.findMany({
    where: { userId: { in: ids }, user: { deletedAt: null }, ...councilStaff(councilId) },
    select: { userId: true },
  });
  const still = new Set(staying.map((m) => m.userId));
  return new Set(ids.filter((id) => !still.has(id)));
}

export type ReturnListItem = ReturnType<typeof toListItem>;

/**
 * Why a return still with the supplier is not owed, or null when it is: its contract's returns are no longer
 * owed (terminated, or back in the pipeline: never sent), or its quarter is outside the contract's term as it
 * now stands (sent and queried before the term was shortened). It may still be sent.
 */
export function notOwedReason(row: {
  status: ListRow["status"];
  periodStart: Date;
  periodEnd: Date;
  contract: { status: ListRow["contract"]["status"]; startDate: Date; endDate: Date };
}): NotOwedReason | null {
  if (!OVERDUE_STATUSES.includes(row.status)) return null;
  if (!isReportingContract(row.contract.status)) return row.contract.status;
  return isWithinTerm(row, row.contract) ? null : "OUTSIDE_TERM";
}

// the council's list: each contract manager who has left is marked, as on the contract's page
async function councilPage(
  councilId: string,
  where: Prisma.KpiReturnWhereInput,
  pageNumber: number,
  now: Date,
  orderBy: Prisma.KpiReturnOrderByWithRelationInput[],
) {
  const [total, rows] = await Promise.all([
    db.kpiReturn.count({ where }),
    db.kpiReturn.findMany({
      where,
      select: listSelect,
      orderBy: [...orderBy, { id: "asc" }],
      ...pageWindow(pageNumber, PAGE_SIZE),
    }),
  ]);
  const managerId = (row: ListRow) => row.contract.contractManager?.id ?? null;
  const left = await managersWhoLeft(councilId, rows.map(managerId));
  return {
    total,
    pageCount: pageCountOf(total, PAGE_SIZE),
    items: rows.map((r) => ({ ...toListItem(r, now), managerHasLeft: left.has(managerId(r) ?? "") })),
  };
}

/** The supplier's own contracts that have returns, to narrow their list to one: nobody else's is offered. */
export function supplierReturnContracts(supplierOrganisationId: string) {
  return db.contract.findMany({
    where: { supplierOrganisationId, returns: { some: {} } },
    select: { id: true, reference: true, title: true, council: { select: { name: true } } },
    orderBy: [{ reference: "asc" }, { id: "asc" }],
  });
}

/**
 * The supplier's returns as one list, PAGE_SIZE a page: those still to do (oldest due first), then the rest
 * (latest due first). A page may hold the end of the first and the start of the second. Narrowed to one contract
 * by `contractId`: one that is not the supplier's matches nothing, as any return of it is filtered out.
 */
export async function listSupplierReturns(
  supplierOrganisationId: string,
  pageNumber: number,
  now: Date,
  contractId?: string,
) {
  // to do: not yet sent or accepted, on a contract whose returns are owed (as on the dashboard and in the
  // reminders); a terminated or pipeline contract's unsent returns are listed with the rest, marked not owed
  // a queried return left outside a shortened term is listed with the rest too, marked not owed
  const owed: Prisma.KpiReturnWhereInput = {
    status: { in: OVERDUE_STATUSES },
    contract: { status: { in: REPORTING_CONTRACT_STATUSES } },
    ...(await notAwaitingOutsideTerm({ supplierOrganisationId })),
  };
  const base: Prisma.KpiReturnWhereInput = {
    AND: [
      returnWhere({ kind: "SUPPLIER", organisationId: supplierOrganisationId }),
      contractId ? { contractId } : {},
    ],
  };
  const toDoWhere = { AND: [base, owed] };
  const doneWhere = { AND: [base, { NOT: owed }] };
  const [toDoTotal, doneTotal] = await Promise.all([
    db.kpiReturn.count({ where: toDoWhere }),
    db.kpiReturn.count({ where: doneWhere }),
  ]);
  const { skip: offset } = pageWindow(pageNumber, PAGE_SIZE);
  const toDoTake = Math.max(0, Math.min(PAGE_SIZE, toDoTotal - offset));
  const [toDo, done] = await Promise.all([
    toDoTake
      ? db.kpiReturn.findMany({
          where: toDoWhere,
          select: listSelect,
          orderBy: [{ dueDate: "asc" }, { id: "asc" }],
          skip: offset,
          take: toDoTake,
        })
      : [],
    toDoTake < PAGE_SIZE
      ? db.kpiReturn.findMany({
          where: doneWhere,
          select: listSelect,
          orderBy: [{ dueDate: "desc" }, { id: "asc" }],
          skip: Math.max(0, offset - toDoTotal),
          take: PAGE_SIZE - toDoTake,
        })
      : [],
  ]);
  return {
    toDo: { total: toDoTotal, items: toDo.map((r) => toListItem(r, now)) },
    done: { total: doneTotal, items: done.map((r) => toListItem(r, now)) },
    pageCount: pageCountOf(toDoTotal + doneTotal, PAGE_SIZE),
  };
}

export type CouncilQueue = "review" | "overdue" | "all";

export type CouncilReturnsFilter = {
  queue: CouncilQueue;
  managerId?: string;
  // narrowed to one quarter or one contract, as the dashboard and the departmental report link
  quarter?: { financialYear: number; quarter: number };
  contractId?: string;
  // only these returns: those behind one of the dashboard's compliance figures
  returnIds?: string[];
};

/**
 * Which of the council's returns a queue lists: the list and the dashboard's count of returns to review both read
 * it, so the figure and the list agree.
 */
export async function councilReturnsWhere(
  councilId: string,
  options: CouncilReturnsFilter,
  now: Date,
): Promise<Prisma.KpiReturnWhereInput> {
  return {
    contract: {
      councilId,
      ...(options.managerId ? { contractManagerId: options.managerId } : {}),
      // a terminated or pipeline contract's returns are not chased (see REPORTING_CONTRACT_STATUSES)
      ...(options.queue === "overdue" ? { status: { in: REPORTING_CONTRACT_STATUSES } } : {}),
    },
    ...(options.quarter ? options.quarter : {}),
    ...(options.contractId ? { contractId: options.contractId } : {}),
    ...(options.returnIds ? { id: { in: options.returnIds } } : {}),
    ...(options.queue === "review" ? { status: "SUBMITTED" } : {}),
    ...(options.queue === "overdue"
      ? {
          status: { in: OVERDUE_STATUSES },
          dueDate: { lt: pastDueBefore(now) },
          // nor is a queried return left outside a shortened term (isWithinTerm)
          ...(await notAwaitingOutsideTerm({ councilId })),
        }
      : {}),
  };
}

/** The council's queue: submitted returns to review, overdue ones, or everything; optionally only mine. */
export async function listCouncilReturns(
  councilId: string,
  options: CouncilReturnsFilter & { page: number },
  now: Date,
) {
  const where = await councilReturnsWhere(councilId, options, now);
  // to review: oldest due first and, as a quarter's returns share a due date, the longest waiting first
  const orderBy: Prisma.KpiReturnOrderByWithRelationInput[] =
    options.queue === "all"
      ? [{ dueDate: "desc" }]
      : options.queue === "review"
        ? [{ dueDate: "asc" }, { submittedAt: "asc" }]
        : [{ dueDate: "asc" }];
  return councilPage(councilId, where, options.page, now, orderBy);
}

/**
 * The council a return belongs to, to check the viewer is one of its officers (directly, as a member of
 * several councils, or partnership-wide) before anything else is read. Null when there is no such return.
 */
export async function returnCouncilId(returnId: string): Promise<string | null> {
  const found = await db.kpiReturn.findUnique({
    where: { id: returnId },
    select: { contract: { select: { councilId: true } } },
  });
  return found?.contract.councilId ?? null;
}

/** The commitments a return covers, in the order its form lists them. */
export async function returnLineSpecs(returnId: string, access: ReturnAccess) {
  const kpiReturn = await db.kpiReturn.findFirst({
    where: { id: returnId, ...returnWhere(access) },
    select: {
      status: true,
      reviewedAt: true,
      contract: {
        select: {
          commitments: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: {
              id: true,
              targetQuantity: true,
              qualitativeText: true,
              measure: { select: { name: true, unit: true } },
            },
          },
        },
      },
    },
  });
  if (!kpiReturn) return null;
  const specs: ReturnLineSpec[] = kpiReturn.contract.commitments.map((c) => ({
    commitmentId: c.id,
    measureName: c.measure.name,
    unit: isQualitativeCommitment(c) ? "QUALITATIVE" : c.measure.unit,
  }));
  return { status: kpiReturn.status, reviewedAt: kpiReturn.reviewedAt, specs };
}

/** A commitment is reported in words when its measure is qualitative or it has text and no target. */
export function isQualitativeCommitment(c: {
  targetQuantity: unknown;
  qualitativeText: string | null;
  measure: { unit: MeasureUnit };
}) {
  return c.measure.unit === "QUALITATIVE" || (c.targetQuantity == null && c.qualitativeText != null);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** One return with its contract, lines, evidence, linked pledges, progress and history. */
export async function getReturnPage(returnId: string, access: ReturnAccess, now: Date) {
  const r = await db.kpiReturn.findFirst({
    where: { id: returnId, ...returnWhere(access) },
    select: {
      id: true,
      financialYear: true,
      quarter: true,
      periodStart: true,
      periodEnd: true,
      dueDate: true,
      status: true,
      submittedAt: true,
      reviewedAt: true,
      reviewComment: true,
      submittedBy: { select: { name: true } },
      reviewedBy: { select: { name: true } },
      contract: {
        select: {
          id: true,
          title: true,
          reference: true,
          status: true,
          startDate: true,
          endDate: true,
          supplierOrganisationId: true,
          council: { select: { name: true } },
          councilId: true,
          supplierOrganisation: { select: { name: true } },
          contractManager: { select: { id: true, name: true } },
          commitments: {
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: {
              id: true,
              targetQuantity: true,
              qualitativeText: true,
              narrative: true,
              measure: { select: { name: true, unit: true, helpText: true } },
              plan: { select: { financialYear: true, quarter: true, targetQuantity: true } },
            },
          },
        },
      },
      lines: {
        select: {
          commitmentId: true,
          quantity: true,
          narrative: true,
          note: true,
          evidenceUrl: true,
          queryComment: true,
          evidence: {
            orderBy: { createdAt: "asc" },
            select: { id: true, originalName: true, contentType: true, sizeBytes: true, sha256: true },
          },
        },
      },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          comment: true,
          submittedLines: true,
          createdAt: true,
          actor: { select: { name: true } },
        },
      },
    },
  });
  if (!r) return null;
  // who accepted it and when, from its history: the acceptance that made it accepted
  const acceptance =
    r.status === "ACCEPTED" ? r.events.findLast((e) => e.toStatus === "ACCEPTED") : undefined;
  const commitments = r.contract.commitments;
  const manager = r.contract.contractManager;
  const [linkedPledges, progress, managerLeft] = await Promise.all([
    pledgesInPeriod(
      commitments.map((c) => c.id),
      r.contract.supplierOrganisationId,
      r.periodStart,
      r.periodEnd,
    ),
    progressFor(commitments, now),
    managersWhoLeft(r.contract.councilId, [manager?.id ?? null]),
  ]);
  const sent = access.kind === "COUNCIL" ? answersSentToCouncil(r.status, r.events) : null;
  const lines = commitments.map((c) => {
    const line = r.lines.find((l) => l.commitmentId === c.id);
    const answers = sent ? sentAnswers(sent.get(c.id), line) : currentAnswers(line);
    const cProgress = progress.get(c.id) ?? null;
    const linked = linkedPledges.filter((p) => p.commitmentId === c.id && p.status === "CONFIRMED");
    const awaiting = linkedPledges.filter((p) => p.commitmentId === c.id && p.status === "DELIVERED");
    return {
      commitmentId: c.id,
      measureName: c.measure.name,
      helpText: c.measure.helpText,
      unit: isQualitativeCommitment(c) ? ("QUALITATIVE" as const) : c.measure.unit,
      // what the supplier is held to: for a contract terminated early, the plan up to then (decision 025)
      target:
        (cProgress?.kind === "numeric" ? cProgress.committed : null) ?? c.targetQuantity?.toString() ?? null,
      qualitativeText: c.qualitativeText,
      // the delivery plan's figure for this return's quarter, to read the supplier's figure against
      plannedThisQuarter:
        c.plan
          .find((q) => q.financialYear === r.financialYear && q.quarter === r.quarter)
          ?.targetQuantity.toString() ?? null,
      ...answers,
      queryComment: line?.queryComment ?? null,
      pledges: linked.map((p) => ({
        id: p.id,
        requestTitle: p.request.title,
        quantity: (p.deliveredQuantity ?? p.quantity).toString(),
        deliveredOn: (p.deliveredOn ?? p.confirmedAt)?.toISOString() ?? null,
      })),
      pledgeTotal: linked.reduce((sum, p) => sum + (p.deliveredQuantity ?? p.quantity), 0).toString(),
      // reported delivered but not yet confirmed: they count once confirmed, so never in the supplier's figure
      awaitingConfirmation: awaiting.map((p) => ({
        id: p.id,
        requestTitle: p.request.title,
        quantity: (p.deliveredQuantity ?? p.quantity).toString(),
        deliveredOn: p.deliveredOn?.toISOString() ?? null,
      })),
      progress: cProgress,
    };
  });
  return {
    id: r.id,
    period: quarterLabel(r.financialYear, r.quarter as QuarterNumber),
    periodStart: r.periodStart.toISOString(),
    periodEnd: r.periodEnd.toISOString(),
    dueDate: r.dueDate.toISOString(),
    status: r.status,
    overdue: isChasedAsOverdue(r, now),
    notOwed: notOwedReason(r),
    editable: access.kind === "SUPPLIER" && isEditableBySupplier(r.status),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    submittedBy: r.submittedBy?.name ?? null,
    daysSubmittedLate: daysSubmittedLate(r.dueDate, firstSubmittedAt(r.events, r.submittedAt)),
    // sent more than once (queried, then sent again): the page's submission is the latest, lateness the first's
    resubmitted: r.events.filter((e) => e.toStatus === "SUBMITTED").length > 1,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewedBy: r.reviewedBy?.name ?? null,
    reviewComment: r.reviewComment,
    // `by` null: the officer's account is gone; a return accepted with no history of it (stored by hand): the
    // reviewer stored on the return
    accepted: acceptance
      ? { at: acceptance.createdAt.toISOString(), by: acceptance.actor?.name ?? null }
      : r.status === "ACCEPTED" && r.reviewedAt
        ? { at: r.reviewedAt.toISOString(), by: r.reviewedBy?.name ?? null }
        : null,
    contract: {
      id: r.contract.id,
      title: r.contract.title,
      reference: r.contract.reference,
      councilName: r.contract.council.name,
      supplierName: r.contract.supplierOrganisation.name,
      supplierOrganisationId: r.contract.supplierOrganisationId,
      managerName: manager?.name ?? null,
      managerHasLeft: manager ? managerLeft.has(manager.id) : false,
      startDate: r.contract.startDate.toISOString(),
      endDate: r.contract.endDate.toISOString(),
    },
    lines,
    history: withResubmissionChanges(r.events, commitments).map(({ event: e, changes }) => ({
      id: e.id,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      comment: e.comment,
      at: e.createdAt.toISOString(),
      // every change is made by someone: none named, their account is gone
      actorName: e.actor?.name ?? "a former user",
      changes,
    })),
  };
}

type StoredLine = {
  quantity: { toString(): string } | null;
  narrative: string | null;
  note: string | null;
  evidenceUrl: string | null;
  evidence: { id: string; originalName: string; contentType: string; sizeBytes: number; sha256: string }[];
};

function currentAnswers(line: StoredLine | undefined) {
  return {
    quantity: line?.quantity?.toString() ?? null,
    narrative: line?.narrative ?? null,
    note: line?.note ?? null,
    // a link stored with a user name or password (before the form refused them) is never shown with them
    evidenceUrl: withoutCredentials(line?.evidenceUrl ?? null),
    evidence: line?.evidence ?? [],
  };
}

/** A line's answers as last sent: its files those sent that the supplier has not removed since. */
function sentAnswers(kept: SubmittedLine | undefined, line: StoredLine | undefined) {
  const sentFiles = new Set(kept?.evidence.map((f) => f.id));
  return {
    quantity: kept?.quantity == null ? null : String(Number(kept.quantity)),
    narrative: kept?.narrative ?? null,
    note: kept?.note ?? null,
    evidenceUrl: kept?.evidenceUrl ?? null,
    evidence: (line?.evidence ?? []).filter((f) => sentFiles.has(f.id)),
  };
}

/**
 * What the council is shown of a return still with the supplier: what was last sent (nothing before the first
 * submission; the version queried while it is amended), by commitment, not the draft being written. Null when
 * the return is not with the supplier, or its last submission was sent before answers were kept (shown as it is).
 */
function answersSentToCouncil(
  status: ReturnStatus,
  events: { toStatus: ReturnStatus; submittedLines: unknown }[],
): Map<string, SubmittedLine> | null {
  if (!isAwaitingSupplier(status)) return null;
  const last = events.findLast((e) => e.toStatus === "SUBMITTED");
  if (!last) return new Map();
  const answers = readSubmittedLines(last.submittedLines);
  return answers ? new Map(answers.map((a) => [a.commitmentId, a])) : null;
}

/**
 * Each history event, and for a submission after the first what the supplier changed since the one before
 * (the version that was queried): unrecorded when either was sent before answers were kept.
 */
function withResubmissionChanges<E extends { toStatus: string; submittedLines: unknown }>(
  events: E[],
  commitments: {
    id: string;
    targetQuantity: unknown;
    qualitativeText: string | null;
    measure: { name: string; unit: MeasureUnit };
  }[],
) {
  const described = new Map(
    commitments.map((c, order) => [
      c.id,
      {
        order,
        measureName: c.measure.name,
        unit: isQualitativeCommitment(c) ? ("QUALITATIVE" as const) : c.measure.unit,
      },
    ]),
  );
  // in the order the return lists its commitments, one since removed from the contract last
  const orderOf = (commitmentId: string) => described.get(commitmentId)?.order ?? commitments.length;
  let previous: E | null = null;
  return events.map((event): { event: E; changes: ResubmissionChanges | null } => {
    if (event.toStatus !== "SUBMITTED") return { event, changes: null };
    const before = previous && readSubmittedLines(previous.submittedLines);
    const after = readSubmittedLines(event.submittedLines);
    const first = previous === null;
    previous = event;
    if (first) return { event, changes: null };
    if (!before || !after) return { event, changes: { recorded: false, lines: [] } };
    const lines = changesBetween(before, after)
      .map((change, index) => ({ change, index }))
      .sort((a, b) => orderOf(a.change.commitmentId) - orderOf(b.change.commitmentId) || a.index - b.index)
      .map(({ change }) => ({
        ...change,
        measureName: described.get(change.commitmentId)?.measureName ?? "A commitment since removed",
        unit: described.get(change.commitmentId)?.unit ?? null,
      }));
    return { event, changes: { recorded: true, lines } };
  });
}

export type ReturnPage = NonNullable<Awaited<ReturnType<typeof getReturnPage>>>;
export type ReturnPageLine = ReturnPage["lines"][number];

/**
 * Marketplace pledges linked to these commitments whose delivery falls in the period, shown beside the
 * supplier's own figure: confirmed ones are counted once (see progress.ts); delivered ones awaiting the
 * requestor's confirmation will be, so the supplier must leave them out of its figure too.
 */
async function pledgesInPeriod(
  commitmentIds: string[],
  supplierOrganisationId: string,
  periodStart: Date,
  periodEnd: Date,
) {
  if (commitmentIds.length === 0) return [];
  // a confirmation time falls in the quarter of its London day, as progress counts it (quarterOf)
  const startsAt = londonMidnight(periodStart);
  const endsBefore = londonMidnight(new Date(periodEnd.getTime() + DAY_MS));
  return db.pledge.findMany({
    where: {
      commitmentId: { in: commitmentIds },
      supplierOrganisationId,
      OR: [
        { status: "CONFIRMED", deliveredOn: { gte: periodStart, lte: periodEnd } },
        { status: "CONFIRMED", deliveredOn: null, confirmedAt: { gte: startsAt, lt: endsBefore } },
        { status: "DELIVERED", deliveredOn: { gte: periodStart, lte: periodEnd } },
      ],
    },
    orderBy: [{ deliveredOn: "asc" }, { id: "asc" }],
    select: {
      id: true,
      commitmentId: true,
      status: true,
      quantity: true,
      deliveredQuantity: true,
      deliveredOn: true,
      confirmedAt: true,
      request: { select: { title: true } },
    },
  });
}

/** An evidence file of a return on a contract of the viewer's organisations (its supplier, or its council's officers),
 * with the return's id, so a person refused the file can be shown the return's page; `file` is null for a file the
 * council may not have yet (one of a draft, as the return's page shows it). Null for any other evidence, so its
 * return is named to no one else. `asSupplier` says the viewer is the return's supplier, and `supplierMayUpload`
 * whether the supplier may change the return's evidence now, and `returnStatus` the return's status (what a person
 * told the file is gone can do). */
export async function getEvidenceForViewer(
  evidenceId: string,
  viewer: Viewer,
): Promise<{
  returnId: string;
  file: EvidenceDownload | null;
  asSupplier: boolean;
  supplierMayUpload: boolean;
  returnStatus: ReturnStatus;
} | null> {
  const supplierIds = viewer.memberships.filter((m) => m.kind === "SUPPLIER").map((m) => m.organisationId);
  const councilIds = viewer.memberships
    .filter((m) => m.kind === "COUNCIL" && (m.role === "ADMIN" || m.role === "OFFICER"))
    .map((m) => m.organisationId);
  const file = await db.evidenceFile.findFirst({
    where: {
      id: evidenceId,
      returnLine: {
        kpiReturn: {
          contract: {
            OR: [{ supplierOrganisationId: { in: supplierIds } }, { councilId: { in: councilIds } }],
          },
        },
      },
    },
    select: {
      storageKey: true,
      originalName: true,
      contentType: true,
      sizeBytes: true,
      returnLine: {
        select: {
          kpiReturn: {
            select: {
              id: true,
              status: true,
              contract: { select: { supplierOrganisationId: true } },
              events: {
                where: { toStatus: "SUBMITTED" },
                orderBy: [{ createdAt: "asc" }, { id: "asc" }],
                select: { toStatus: true, submittedLines: true },
              },
            },
          },
        },
      },
    },
  });
  if (!file) return null;
  const { returnLine, ...download } = file;
  const kpiReturn = returnLine.kpiReturn;
  const returnId = kpiReturn.id;
  const supplierMayUpload = isEditableBySupplier(kpiReturn.status);
  const returnStatus = kpiReturn.status;
  if (supplierIds.includes(kpiReturn.contract.supplierOrganisationId))
    return { returnId, file: download, asSupplier: true, supplierMayUpload, returnStatus };
  // the council: only a file the supplier sent it, as the return's page shows, never one of a draft being written
  const sent = answersSentToCouncil(kpiReturn.status, kpiReturn.events);
  if (sent && ![...sent.values()].some((line) => line.evidence.some((f) => f.id === evidenceId)))
    return { returnId, file: null, asSupplier: false, supplierMayUpload, returnStatus };
  return { returnId, file: download, asSupplier: false, supplierMayUpload, returnStatus };
}

type EvidenceDownload = { storageKey: string; originalName: string; contentType: string; sizeBytes: number };
