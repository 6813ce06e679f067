// Changing returns: save, submit, review, and evidence. Each change is one transaction guarded on the
// state it started from, and writes its history event, audit entry and emails in that transaction.
import { db, type Tx } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import {
  returnAcceptedEmail,
  returnQueriedEmail,
  returnSubmittedEmail,
} from "~/email/templates/returns-notices.tsx";
import type { ReturnStatus } from "~/generated/prisma/enums.ts";
import { evidenceStorage, type StoredUpload } from "./evidence-storage.server.ts";
import {
  emailBase,
  managerRecipients,
  returnEmailSelect,
  type ReturnForEmail,
  sendReturnEmail,
  stillWorksForCouncil,
  supplierRecipients,
} from "./returns-emails.server.ts";
import { submittedLines, type SubmittedLine } from "./returns-changes.ts";
import { returnWhere } from "./returns-queries.server.ts";
import { allowedFrom, isPastDue, nextStatus, RETURN_STATUS_LABELS } from "./returns-rules.ts";
import {
  FORM_OUT_OF_DATE,
  normaliseQuantity,
  QUERIED_SINCE_OPENED,
  queriedSinceShown,
  REVIEW_COMMITMENTS_CHANGED,
  type ReturnFormValue,
  type ReturnLineSpec,
  type ReviewValue,
} from "./returns-schema.ts";

export type ChangeResult =
  // notSaved: a submit (or review) that found it already submitted (or reviewed) otherwise, and saved nothing
  | { ok: true; status: ReturnStatus; unchanged?: boolean; notSaved?: true }
  | { ok: false; notFound: true }
  | { ok: false; formError: string; stale?: true };

/** What an officer who also works for a return's supplier is told: the review is another officer's to make. */
export function ownSupplierReview(supplierName: string) {
  return `You also work for ${supplierName}, which sent this return, so another officer of the council must accept or query it.`;
}

export const resubmittedSinceOpened =
  "This return was changed and resubmitted since you opened it. Review the new version.";

type Actor = { actorUserId: string; ipAddress: string | null };

const changedElsewhere =
  "This return was changed by someone else while you were working on it. Reload the page to see it.";

function notEditable(status: ReturnStatus) {
  return `This return is ${RETURN_STATUS_LABELS[status].toLowerCase()} and can no longer be changed.`;
}

async function recordTransition(
  tx: Tx,
  returnId: string,
  from: ReturnStatus,
  to: ReturnStatus,
  actorUserId: string,
  comment: string | null = null,
  answers?: SubmittedLine[],
) {
  await tx.kpiReturnEvent.create({
    data: { returnId, fromStatus: from, toStatus: to, actorUserId, comment, submittedLines: answers },
  });
}

// The answers as they are sent, evidence files included, kept with the submission.
async function answersAsSent(tx: Tx, returnId: string) {
  const lines = await tx.kpiReturnLine.findMany({
    where: { returnId },
    select: {
      commitmentId: true,
      quantity: true,
      narrative: true,
      note: true,
      evidenceUrl: true,
      evidence: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, originalName: true } },
    },
  });
  return submittedLines(lines);
}

// Another request changed the return between our read and our guarded update: if it made the same change
// (a double-clicked button, two tabs), that is success; anything else is a conflict to reload.
async function settledElsewhere(
  tx: Tx,
  returnId: string,
  wanted: ReturnStatus | null,
): Promise<ChangeResult> {
  const now = await tx.kpiReturn.findUnique({ where: { id: returnId }, select: { status: true } });
  if (wanted && now?.status === wanted) return { ok: true, status: wanted, unchanged: true };
  return { ok: false, formError: changedElsewhere };
}

/** A line's answers as the form's entry for it stores them. */
function lineFields(spec: ReturnLineSpec, entry: ReturnFormValue["lines"][number]) {
  return {
    quantity: spec.unit === "QUALITATIVE" ? null : (normaliseQuantity(entry.quantity, spec.unit) ?? null),
    narrative: spec.unit === "QUALITATIVE" ? (entry.narrative ?? null) : null,
    note: entry.note ?? null,
    evidenceUrl: entry.evidenceUrl ?? null,
  };
}

// A submit that finds the return already submitted: the same answers sent again (a double click, a form sent
// twice) are done; different ones (another tab, a colleague) are not saved either, and the supplier is told so.
async function alreadySubmitted(
  tx: Tx,
  returnId: string,
  specs: ReturnLineSpec[],
  value: ReturnFormValue,
): Promise<ChangeResult> {
  const stored = await tx.kpiReturnLine.findMany({
    where: { returnId },
    select: { commitmentId: true, quantity: true, narrative: true, note: true, evidenceUrl: true },
  });
  const same = specs.every((spec, index) => {
    const sent = lineFields(spec, value.lines[index]);
    const line = stored.find((l) => l.commitmentId === spec.commitmentId);
    return (
      (line?.quantity?.toFixed(2) ?? null) ===
        (sent.quantity === null ? null : Number(sent.quantity).toFixed(2)) &&
      (line?.narrative ?? null) === sent.narrative &&
      (line?.note ?? null) === sent.note &&
      (line?.evidenceUrl ?? null) === sent.evidenceUrl
    );
  });
  return { ok: true, status: "SUBMITTED", unchanged: true, ...(same ? {} : { notSaved: true as const }) };
}

/** Saves the supplier's figures as a draft, or submits them with the declaration. */
export async function saveReturn(
  input: Actor & {
    returnId: string;
    supplierOrganisationId: string;
    specs: ReturnLineSpec[];
    value: ReturnFormValue;
  },
): Promise<ChangeResult> {
  const { returnId, value } = input;
  return db.$transaction(async (tx) => {
    const current = await tx.kpiReturn.findFirst({
      where: {
        id: returnId,
        ...returnWhere({ kind: "SUPPLIER", organisationId: input.supplierOrganisationId }),
      },
      select: { status: true, reviewedAt: true, reviewedById: true, ...returnEmailSelect },
    });
    if (!current) return { ok: false, notFound: true };
    if (value.intent === "submit" && queriedSinceShown(current, value.reviewShown)) {
      return { ok: false, formError: QUERIED_SINCE_OPENED };
    }
    // a second click on "Submit" (or a resent form) finds it already submitted: nothing more to do
    if (value.intent === "submit" && current.status === "SUBMITTED") {
      return alreadySubmitted(tx, returnId, input.specs, value);
    }
    let from = current.status;
    let to = nextStatus(from, value.intent);
    if (!to) return { ok: false, formError: notEditable(from) };
    // the commitments the form was checked against, held until we are done: one removed by an officer since the
    // page read them would have no line to take the figures (a foreign-key failure, a 500)
    const commitmentIds = input.specs.map((spec) => spec.commitmentId);
    const held = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Commitment" WHERE id = ANY(${commitmentIds}::text[]) FOR SHARE`;
    if (held.length !== new Set(commitmentIds).size) return { ok: false, formError: FORM_OUT_OF_DATE };
    const now = new Date();
    const submitting = value.intent === "submit";
    // `reviewedAt`: the review read with the status, so a submit cannot slip past a query made in between
    const moveFrom = (status: ReturnStatus, next: ReturnStatus, reviewedAt: Date | null) =>
      tx.kpiReturn.updateMany({
        where: { id: returnId, status, reviewedAt },
        data: {
          status: next,
          ...(submitting
            ? { submittedAt: now, submittedById: input.actorUserId, declarationAccepted: true }
            : {}),
        },
      });
    // who queried the version being answered: a retry below reads it again with the state it moves from
    let reviewedById = current.reviewedById;
    let guarded = await moveFrom(from, to, current.reviewedAt);
    if (guarded.count !== 1) {
      // Another request moved it first. A double-clicked "Save draft" on a new return finds it a draft
      // (and a save between our read and update leaves it editable): the supplier's form applies just the
      // same, so try once more from the state now committed (our update waited for that change's lock).
      const again = await tx.kpiReturn.findUnique({
        where: { id: returnId },
        select: { status: true, reviewedAt: true, reviewedById: true },
      });
      if (again && submitting && queriedSinceShown(again, value.reviewShown)) {
        return { ok: false, formError: QUERIED_SINCE_OPENED };
      }
      const retryTo = again ? nextStatus(again.status, value.intent) : null;
      if (again && retryTo) {
        reviewedById = again.reviewedById;
        from = again.status;
        to = retryTo;
        guarded = await moveFrom(from, to, again.reviewedAt);
      }
      if (guarded.count !== 1) {
        if (submitting && again?.status === "SUBMITTED") {
          return alreadySubmitted(tx, returnId, input.specs, value);
        }
        return settledElsewhere(tx, returnId, submitting ? "SUBMITTED" : null);
      }
    }

    for (const [index, spec] of input.specs.entries()) {
      const fields = lineFields(spec, value.lines[index]);
      await tx.kpiReturnLine.upsert({
        where: { returnId_commitmentId: { returnId, commitmentId: spec.commitmentId } },
        create: { returnId, commitmentId: spec.commitmentId, ...fields },
        update: fields,
      });
    }

    if (to !== from) {
      const answers = submitting ? await answersAsSent(tx, returnId) : undefined;
      await recordTransition(tx, returnId, from, to, input.actorUserId, null, answers);
    }
    if (submitting) {
      await writeAudit(
        {
          actorUserId: input.actorUserId,
          organisationId: current.contract.councilId,
          actorOrganisationId: input.supplierOrganisationId,
          action: "return.submit",
          entityType: "KpiReturn",
          entityId: returnId,
          details: { from },
          ipAddress: input.ipAddress,
        },
        tx,
      );
      const notice = (resubmitted?: "yourQuery" | "aQuery") =>
        returnSubmittedEmail({
          ...emailBase(current, `/returns/${returnId}/review`),
          supplierName: current.contract.supplierOrganisation.name,
          resubmitted,
        });
      if (from !== "QUERIED") {
        await sendReturnEmail(
          tx,
          current,
          await managerRecipients(tx, current),
          "returns-submitted",
          await notice(),
        );
      } else {
        const { queriedBy, others } = await resubmissionRecipients(tx, current, reviewedById);
        if (queriedBy)
          await sendReturnEmail(tx, current, [queriedBy], "returns-submitted", await notice("yourQuery"));
        if (others.length)
          await sendReturnEmail(tx, current, others, "returns-submitted", await notice("aQuery"));
      }
    }
    return { ok: true, status: to };
  });
}

/**
 * Who hears that a queried return was sent again: the officer who queried it, and the contract manager too when
 * someone else, while each still reviews the council's returns. With neither, whoever hears of a first submission
 * (the contract manager, or the council's admins). `queriedBy` is the querier's address, told it answers their query.
 */
async function resubmissionRecipients(
  tx: Tx,
  kpiReturn: ReturnForEmail,
  reviewedById: string | null,
): Promise<{ queriedBy: string | null; others: string[] }> {
  const { councilId, contractManager: manager } = kpiReturn.contract;
  const reviewer = reviewedById
    ? await tx.user.findUnique({ where: { id: reviewedById }, select: { email: true } })
    : null;
  const queriedBy =
    reviewer && (await stillWorksForCouncil(tx, reviewedById!, councilId)) ? reviewer.email : null;
  if (!queriedBy) return { queriedBy: null, others: await managerRecipients(tx, kpiReturn) };
  const managerToo =
    manager && manager.id !== reviewedById && (await stillWorksForCouncil(tx, manager.id, councilId));
  return { queriedBy, others: managerToo && manager.email !== queriedBy ? [manager.email] : [] };
}

// A review that finds the version it was made on already reviewed the same way: the same review sent again (a
// double click, a form sent twice) is done; another officer's (or tab's) with other comments is not sent either,
// and the officer is told so.
async function alreadyReviewed(
  tx: Tx,
  returnId: string,
  status: ReturnStatus,
  value: ReviewValue,
): Promise<ChangeResult> {
  const made = await tx.kpiReturn.findUniqueOrThrow({
    where: { id: returnId },
    select: { reviewComment: true, lines: { select: { commitmentId: true, queryComment: true } } },
  });
  const sent = new Map(
    value.intent === "query" ? queriedLines(value).map((l) => [l.commitmentId, l.comment]) : [],
  );
  const same =
    made.reviewComment === (value.comment ?? null) &&
    made.lines.every((line) => line.queryComment === (sent.get(line.commitmentId) ?? null)) &&
    [...sent.keys()].every((commitmentId) => made.lines.some((l) => l.commitmentId === commitmentId));
  return { ok: true, status, unchanged: true, ...(same ? {} : { notSaved: true as const }) };
}

/** The lines a query comments on, each once (the last comment sent for it). */
function queriedLines(value: ReviewValue): { commitmentId: string; comment: string }[] {
  const comments = new Map<string, string>();
  for (const line of value.lineComments) if (line.comment) comments.set(line.commitmentId, line.comment);
  return [...comments].map(([commitmentId, comment]) => ({ commitmentId, comment }));
}

/** The contract manager (any officer of the council) accepts or queries a submitted return. */
export async function reviewReturn(
  input: Actor & { returnId: string; councilId: string; value: ReviewValue },
): Promise<ChangeResult> {
  const { returnId, value } = input;
  return db.$transaction(async (tx) => {
    const current = await tx.kpiReturn.findFirst({
      where: { id: returnId, ...returnWhere({ kind: "COUNCIL", organisationId: input.councilId }) },
      select: {
        status: true,
        submittedAt: true,
        ...returnEmailSelect,
        contract: {
          select: {
            ...returnEmailSelect.contract.select,
            commitments: {
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              select: { id: true, measure: { select: { name: true } } },
            },
          },
        },
      },
    });
    if (!current) return { ok: false, notFound: true };
    // nobody signs off their own company's return: an officer who also works for its supplier leaves it to another
    const supplier = current.contract.supplierOrganisationId;
    if (await tx.membership.findFirst({ where: { userId: input.actorUserId, organisationId: supplier } }))
      return { ok: false, formError: ownSupplierReview(current.contract.supplierOrganisation.name) };
    const seen = value.submittedAt ? new Date(value.submittedAt) : null;
    const sameVersion = (submittedAt: Date | null | undefined) =>
      seen !== null && submittedAt?.getTime() === seen.getTime();
    const to = nextStatus(current.status, value.intent);
    if (!to) {
      const already = value.intent === "accept" ? "ACCEPTED" : "QUERIED";
      if (current.status === already && sameVersion(current.submittedAt)) {
        return alreadyReviewed(tx, returnId, already, value);
      }
      if (current.status === already) return { ok: false, stale: true, formError: resubmittedSinceOpened };
      return {
        ok: false,
        formError: `This return is ${RETURN_STATUS_LABELS[current.status].toLowerCase()}: only a submitted return can be reviewed.`,
      };
    }
    if (!seen || !sameVersion(current.submittedAt)) {
      return { ok: false, stale: true, formError: resubmittedSinceOpened };
    }
    // every line of the return may be queried, one its supplier has not answered yet too (a commitment added
    // since it was sent): a comment on a commitment the contract no longer has would be lost, so nothing is sent
    const lineNames = new Set(current.contract.commitments.map((c) => c.id));
    const queried = to === "QUERIED" ? queriedLines(value) : [];
    if (queried.some((l) => !lineNames.has(l.commitmentId))) {
      return { ok: false, formError: REVIEW_COMMITMENTS_CHANGED };
    }
    const guarded = await tx.kpiReturn.updateMany({
      // the version reviewed must still be the one submitted: a resubmission changes submittedAt
      where: { id: returnId, status: "SUBMITTED", submittedAt: seen },
      data: {
        status: to,
        reviewedAt: new Date(),
        reviewedById: input.actorUserId,
        reviewComment: value.comment ?? null,
        // queried after its due date: the supplier has been told what to change, so the next overdue notice
        // waits the council's usual interval from now instead of chasing them (and this officer) tomorrow
        ...(to === "QUERIED" && isPastDue(current.dueDate, new Date())
          ? { overdueNoticeSentAt: new Date() }
          : {}),
      },
    });
    if (guarded.count !== 1) {
      const now = await tx.kpiReturn.findUnique({
        where: { id: returnId },
        select: { status: true, submittedAt: true },
      });
      if (!sameVersion(now?.submittedAt))
        return { ok: false, stale: true, formError: resubmittedSinceOpened };
      if (now?.status === to) return alreadyReviewed(tx, returnId, to, value);
      return settledElsewhere(tx, returnId, to);
    }

    // the comments of a previous query are replaced by this review's
    await tx.kpiReturnLine.updateMany({ where: { returnId }, data: { queryComment: null } });
    for (const line of queried) {
      await tx.kpiReturnLine.upsert({
        where: { returnId_commitmentId: { returnId, commitmentId: line.commitmentId } },
        create: { returnId, commitmentId: line.commitmentId, queryComment: line.comment },
        update: { queryComment: line.comment },
      });
    }
    const lineQueries = current.contract.commitments
      .map((c) => ({
        measureName: c.measure.name,
        comment: queried.find((l) => l.commitmentId === c.id)?.comment,
      }))
      .filter((l): l is { measureName: string; comment: string } => Boolean(l.comment));
    // the history keeps every comment, because line comments are replaced at the next review
    const historyComment =
      [value.comment, ...lineQueries.map((l) => `${l.measureName}: ${l.comment}`)]
        .filter(Boolean)
        .join("\n") || null;
    await recordTransition(tx, returnId, "SUBMITTED", to, input.actorUserId, historyComment);
    await writeAudit(
      {
        actorUserId: input.actorUserId,
        organisationId: input.councilId,
        actorOrganisationId: input.councilId,
        action: to === "ACCEPTED" ? "return.accept" : "return.query",
        entityType: "KpiReturn",
        entityId: returnId,
        ipAddress: input.ipAddress,
      },
      tx,
    );
    const base = emailBase(current);
    const email =
      to === "ACCEPTED"
        ? await returnAcceptedEmail({ ...base, comment: value.comment ?? null })
        : await returnQueriedEmail({
            ...base,
            comment: value.comment ?? null,
            lineQueries,
            queriedBy: (
              await tx.user.findUnique({ where: { id: input.actorUserId }, select: { name: true } })
            )?.name,
          });
    await sendReturnEmail(
      tx,
      current,
      await supplierRecipients(tx, current.contract.supplierOrganisationId),
      to === "ACCEPTED" ? "returns-accepted" : "returns-queried",
      email,
    );
    return { ok: true, status: to };
  });
}

export type EvidenceResult =
  { ok: true; alreadyAttached?: true } | { ok: false; notFound: true } | { ok: false; formError: string };

/** Attaches a stored upload to the return's line for a commitment; removes the file if that is refused. */
export async function addEvidence(
  input: Actor & {
    returnId: string;
    supplierOrganisationId: string;
    commitmentId: string;
    file: StoredUpload;
  },
): Promise<EvidenceResult> {
  const result = await attachEvidence(input).catch(async (error: unknown) => {
    await evidenceStorage().remove(input.file.storageKey);
    throw error;
  });
  if (!result.ok || result.alreadyAttached) await evidenceStorage().remove(input.file.storageKey);
  return result;
}

function attachEvidence(
  input: Actor & {
    returnId: string;
    supplierOrganisationId: string;
    commitmentId: string;
    file: StoredUpload;
  },
) {
  return db.$transaction(async (tx): Promise<EvidenceResult> => {
    // the same file sent again to this line (a double-clicked button, a form sent twice) is attached once, even
    // if the first has since submitted the return: the lock makes one sending it at the same moment wait for
    // this one's commit, or this for its
    const sentBefore = () =>
      tx.evidenceFile.findFirst({
        where: {
          sha256: input.file.sha256,
          originalName: input.file.originalName,
          returnLine: { returnId: input.returnId, commitmentId: input.commitmentId },
        },
        select: { id: true },
      });
    const refused = await lockEditable(tx, input.returnId, input.supplierOrganisationId);
    if (refused) {
      return !("notFound" in refused) && (await sentBefore()) ? { ok: true, alreadyAttached: true } : refused;
    }
    const current = await tx.kpiReturn.findUniqueOrThrow({
      where: { id: input.returnId },
      select: { status: true, contractId: true, contract: { select: { councilId: true } } },
    });
    const commitment = await tx.commitment.findFirst({
      where: { id: input.commitmentId, contractId: current.contractId },
      select: { id: true },
    });
    if (!commitment) return { ok: false, notFound: true };
    if (await sentBefore()) return { ok: true, alreadyAttached: true };
    // uploading counts as starting the return
    if (current.status === "NOT_STARTED") {
      const moved = await tx.kpiReturn.updateMany({
        where: { id: input.returnId, status: "NOT_STARTED" },
        data: { status: "DRAFT" },
      });
      if (moved.count === 1) {
        await recordTransition(tx, input.returnId, "NOT_STARTED", "DRAFT", input.actorUserId);
      }
    }
    const line = await tx.kpiReturnLine.upsert({
      where: { returnId_commitmentId: { returnId: input.returnId, commitmentId: commitment.id } },
      create: { returnId: input.returnId, commitmentId: commitment.id },
      update: {},
      select: { id: true },
    });
    const evidence = await tx.evidenceFile.create({
      data: { ...input.file, returnLineId: line.id, uploadedById: input.actorUserId },
      select: { id: true },
    });
    await writeAudit(
      {
        actorUserId: input.actorUserId,
        organisationId: current.contract.councilId,
        actorOrganisationId: input.supplierOrganisationId,
        action: "return.evidence_upload",
        entityType: "EvidenceFile",
        entityId: evidence.id,
        details: { returnId: input.returnId, name: input.file.originalName, sha256: input.file.sha256 },
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return { ok: true };
  });
}

/**
 * Locks the return for this transaction if it is still the supplier's to edit, so a submit or review cannot
 * commit between our status check and the evidence change (theirs waits for ours, or ours sees theirs).
 * Returns why not otherwise.
 */
async function lockEditable(
  tx: Tx,
  returnId: string,
  supplierOrganisationId: string,
): Promise<Exclude<EvidenceResult, { ok: true }> | null> {
  const access = returnWhere({ kind: "SUPPLIER", organisationId: supplierOrganisationId });
  const locked = await tx.kpiReturn.updateMany({
    where: { id: returnId, ...access, status: { in: allowedFrom("save") } },
    data: { updatedAt: new Date() },
  });
  if (locked.count === 1) return null;
  const now = await tx.kpiReturn.findFirst({ where: { id: returnId, ...access }, select: { status: true } });
  if (!now) return { ok: false, notFound: true };
  return { ok: false, formError: notEditable(now.status) };
}

export async function removeEvidence(
  input: Actor & { returnId: string; supplierOrganisationId: string; evidenceId: string },
): Promise<EvidenceResult> {
  const result = await db.$transaction(async (tx) => {
    const evidence = await tx.evidenceFile.findFirst({
      where: {
        id: input.evidenceId,
        returnLine: {
          returnId: input.returnId,
          kpiReturn: returnWhere({ kind: "SUPPLIER", organisationId: input.supplierOrganisationId }),
        },
      },
      select: {
        storageKey: true,
        originalName: true,
        returnLine: {
          select: { kpiReturn: { select: { contract: { select: { councilId: true } } } } },
        },
      },
    });
    if (!evidence) return { ok: false as const, notFound: true as const };
    const refused = await lockEditable(tx, input.returnId, input.supplierOrganisationId);
    if (refused) return refused;
    const { contract } = evidence.returnLine.kpiReturn;
    await tx.evidenceFile.delete({ where: { id: input.evidenceId } });
    await writeAudit(
      {
        actorUserId: input.actorUserId,
        organisationId: contract.councilId,
        actorOrganisationId: input.supplierOrganisationId,
        action: "return.evidence_remove",
        entityType: "EvidenceFile",
        entityId: input.evidenceId,
        details: { returnId: input.returnId, name: evidence.originalName },
        ipAddress: input.ipAddress,
      },
      tx,
    );
    return { ok: true as const, storageKey: evidence.storageKey };
  });
  if (!result.ok) return result;
  await evidenceStorage().remove(result.storageKey);
  return { ok: true };
}
