// A contract's social value commitments and their quarterly delivery plans.
import { SENT_TWICE_WINDOW_MS, writeAudit } from "~/domain/audit/audit.server.ts";
import { db, isUniqueViolation, type Tx } from "~/db.server.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { lockContractRows, type Actor } from "./contracts.server.ts";
import {
  COMMITMENT_FIELD_LABELS,
  diffSnapshots,
  staleEdit,
  type Snapshot,
  type StaleEdit,
} from "./history.ts";
import { countedIn } from "./labels.ts";
import { lockMeasureRows } from "./measures.server.ts";
import { checkCommitment } from "./plan.ts";
import { quarterLabel, quartersBetween, type QuarterNumber } from "./quarters.ts";
import { openDueReturns } from "./returns-due.server.ts";
import { planEntries, type CommitmentEdit, type CommitmentInput, type CommitmentRemoval } from "./schemas.ts";
import { amountForForm, figureForForm } from "~/domain/numbers.ts";

type FieldErrors = Record<string, string[]>;
type Result =
  { ok: true; id: string } | { ok: false; fieldErrors: FieldErrors } | { ok: false; notFound: true };
/** An edit can also find that someone else saved first. */
type UpdateResult = Result | { ok: false; stale: StaleEdit };
/** So can a removal: the page asking first is read again, showing what they saved. */
type RemoveResult = Result | { ok: false; stale: true };

const quantityText = (value: { toString(): string } | null) =>
  value === null ? null : Number(value.toString()).toFixed(2);

/** "Q1 2026/27: 10.00; Q2 2026/27: 5.00" — how a plan reads in the history. */
export function planText(
  plan: { financialYear: number; quarter: number; quantity: { toString(): string } }[],
) {
  if (plan.length === 0) return null;
  return [...plan]
    .sort((a, b) => a.financialYear * 4 + a.quarter - (b.financialYear * 4 + b.quarter))
    .map((p) => `${quarterLabel(p.financialYear, p.quarter as QuarterNumber)}: ${quantityText(p.quantity)}`)
    .join("; ");
}

export function commitmentSnapshot(c: {
  measure: { code: string; name: string };
  targetQuantity: { toString(): string } | null;
  qualitativeText: string | null;
  narrative: string | null;
  plan: { financialYear: number; quarter: number; quantity: { toString(): string } }[];
}): Snapshot {
  return {
    measure: `${c.measure.code} ${c.measure.name}`,
    targetQuantity: quantityText(c.targetQuantity),
    qualitativeText: c.qualitativeText,
    narrative: c.narrative,
    plan: planText(c.plan),
  };
}

/** The contract a commitment form belongs to, with the quarters of its term. */
export async function getContractForCommitments(councilId: string, contractId: string) {
  const contract = await db.contract.findFirst({
    where: { id: contractId, councilId },
    select: {
      id: true,
      reference: true,
      title: true,
      startDate: true,
      endDate: true,
      commitments: { select: { measureId: true } },
    },
  });
  if (!contract) return null;
  const quarters = quartersBetween(contract.startDate, contract.endDate).map((q) => ({
    key: `${q.financialYear}-${q.quarter}`,
    label: quarterLabel(q.financialYear, q.quarter),
  }));
  return { ...contract, quarters, usedMeasureIds: contract.commitments.map((c) => c.measureId) };
}

/**
 * A return line that records something against its commitment: an answer, a note, evidence or a query, or any line
 * of a return that was sent. Saving a draft stores a line for every commitment, answered or not: an unanswered line
 * of an unsent return records nothing, and goes with its commitment (the foreign key cascades).
 */
const RECORDED_LINE = {
  OR: [
    { quantity: { not: null } },
    { narrative: { not: null } },
    { note: { not: null } },
    { evidenceUrl: { not: null } },
    { queryComment: { not: null } },
    { evidence: { some: {} } },
    { kpiReturn: { status: { in: ["SUBMITTED", "ACCEPTED"] } } },
  ],
} satisfies Prisma.KpiReturnLineWhereInput;

// What an edit or a removal checks the commitment against: what is saved now, its version and its delivery records.
const savedSelect = {
  updatedAt: true,
  targetQuantity: true,
  qualitativeText: true,
  narrative: true,
  measure: { select: { code: true, name: true, unit: true } },
  plan: { select: { financialYear: true, quarter: true, targetQuantity: true } },
  _count: { select: { pledges: true, returnLines: { where: RECORDED_LINE } } },
} as const;

/** A pledge counted towards the commitment, or a KPI return line recording anything for it, keeps it. */
const hasDelivery = (saved: { _count: { pledges: number; returnLines: number } }) =>
  saved._count.pledges + saved._count.returnLines > 0;

/** A saved target or planned quantity as the edit form shows it, as it would be typed: "1,250.50" for pounds, 1250
 * hours as "1,250", 12.5 as "12.5" (the form reads each back as what was saved). */
const quantityForForm = (value: { toFixed(places: number): string }, unit: MeasureUnit) =>
  unit === "GBP" ? amountForForm(value.toFixed(2)) : figureForForm(value.toFixed(2));

export async function getCommitmentForEdit(councilId: string, contractId: string, commitmentId: string) {
  const c = await db.commitment.findFirst({
    where: { id: commitmentId, contractId, contract: { councilId } },
    select: {
      id: true,
      measureId: true,
      ...savedSelect,
      measure: { select: { code: true, name: true, unit: true, helpText: true } },
    },
  });
  if (!c) return null;
  return {
    id: c.id,
    version: c.updatedAt.toISOString(),
    measureId: c.measureId,
    measure: c.measure,
    targetQuantity: c.targetQuantity ? quantityForForm(c.targetQuantity, c.measure.unit) : "",
    qualitativeText: c.qualitativeText ?? "",
    narrative: c.narrative ?? "",
    plan: Object.fromEntries(
      c.plan.map((p) => [
        `${p.financialYear}-${p.quarter}`,
        quantityForForm(p.targetQuantity, c.measure.unit),
      ]),
    ) as Record<string, string>,
    hasDelivery: hasDelivery(c),
  };
}

/** The unit of a commitment's measure, which its figures are read in (it cannot change: commitments use it), or
 * null when the council has no such commitment on the contract. */
export async function commitmentUnit(councilId: string, contractId: string, commitmentId: string) {
  const c = await db.commitment.findFirst({
    where: { id: commitmentId, contractId, contract: { councilId } },
    select: { measure: { select: { unit: true } } },
  });
  return c?.measure.unit ?? null;
}

/**
 * What the page asking "remove this commitment?" says: the commitment as saved now, as its history writes it (its
 * version is what the removal is checked against), and what removing it does to what refers to it: delivery
 * recorded against it keeps it (`hasDelivery`); the blank lines for it in returns not yet sent go with it.
 */
export async function getCommitmentForRemoval(councilId: string, contractId: string, commitmentId: string) {
  const [c, lines] = await Promise.all([
    db.commitment.findFirst({
      where: { id: commitmentId, contractId, contract: { councilId } },
      select: { id: true, ...savedSelect },
    }),
    db.kpiReturnLine.count({ where: { commitmentId } }),
  ]);
  if (!c) return null;
  const saved = savedSnapshot(c);
  return {
    id: c.id,
    version: c.updatedAt.toISOString(),
    measure: c.measure,
    targetQuantity: saved.targetQuantity,
    qualitativeText: saved.qualitativeText,
    /** "Q1 2026/27: 10.00; Q2 2026/27: 5.00" (planText), or null */
    plan: saved.plan,
    pledges: c._count.pledges,
    recordedLines: c._count.returnLines,
    blankLines: lines - c._count.returnLines,
    hasDelivery: hasDelivery(c),
  };
}

function audit(tx: Tx, actor: Actor, contractId: string, action: string, details: object) {
  return writeAudit(
    {
      actorUserId: actor.actorUserId,
      organisationId: actor.councilId,
      actorOrganisationId: actor.councilId,
      action,
      entityType: "Contract",
      entityId: contractId,
      details: details as never,
      ipAddress: actor.ipAddress,
    },
    tx,
  );
}

/**
 * The latest history entry about one commitment, if this person made it moments ago with `action`: how a form sent
 * twice (a double click, a form sent again after a slow answer) is told from a colleague's change (decision 024).
 */
async function ownLatestChange(
  tx: Tx,
  actor: Actor,
  contractId: string,
  commitmentId: string,
  action: "commitment.add" | "commitment.update" | "commitment.remove",
) {
  const latest = await tx.auditLog.findFirst({
    where: {
      organisationId: actor.councilId,
      entityType: "Contract",
      entityId: contractId,
      details: { path: ["commitmentId"], equals: commitmentId },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { action: true, actorUserId: true, createdAt: true },
  });
  return (
    latest?.action === action &&
    latest.actorUserId === actor.actorUserId &&
    latest.createdAt.getTime() > Date.now() - SENT_TWICE_WINDOW_MS
  );
}

const sameSnapshot = (a: Snapshot, b: Snapshot) => JSON.stringify(a) === JSON.stringify(b);

/**
 * "Add commitment" sent twice: the second finds the measure taken by the commitment the first added. It is
 * answered as the first was when this person added that very commitment moments ago and it still holds what was
 * sent; a commitment added before, or by a colleague, is still refused as a duplicate.
 */
async function addedMomentsAgo(actor: Actor, contractId: string, measureId: string, sent: Snapshot) {
  const existing = await db.commitment.findFirst({
    where: { contractId, measureId, contract: { councilId: actor.councilId } },
    select: { id: true, ...savedSelect },
  });
  if (!existing || !sameSnapshot(savedSnapshot(existing), sent)) return null;
  return (await ownLatestChange(db, actor, contractId, existing.id, "commitment.add")) ? existing.id : null;
}

/**
 * Adds a commitment. `input.unit` is the unit its figures were read in (commitmentSchemaFor), when they were: a
 * measure whose unit has changed since is refused, so a "£" read for pounds is not saved as hours.
 */
export async function addCommitment(
  actor: Actor,
  contractId: string,
  input: CommitmentInput & { unit?: MeasureUnit | null },
): Promise<Result> {
  const result = await saveNewCommitment(actor, contractId, input);
  // a contract's first commitment makes the returns of its quarters already ended due: opened at once, not at
  // the daily job's next run
  if (result.ok) await openDueReturns([contractId]);
  return result;
}

async function saveNewCommitment(
  actor: Actor,
  contractId: string,
  input: CommitmentInput & { unit?: MeasureUnit | null },
): Promise<Result> {
  // what this form would add, once checked: a second send finding it already added is answered as the first was
  let sent: Snapshot | null = null;
  try {
    return await db.$transaction(async (tx) => {
      // the term checked below stays as read until this commitment is saved (see lockContractRows)
      await lockContractRows(tx, { id: contractId, councilId: actor.councilId }, "FOR SHARE");
      const contract = await tx.contract.findFirst({
        where: { id: contractId, councilId: actor.councilId },
        select: { startDate: true, endDate: true },
      });
      if (!contract) return { ok: false, notFound: true };
      // the unit checked below stays as read until this commitment is saved (see lockMeasureRows)
      await lockMeasureRows(tx, { id: input.measureId, councilId: actor.councilId }, "FOR SHARE");
      const measure = await tx.measure.findFirst({
        where: { id: input.measureId, councilId: actor.councilId, retiredAt: null },
        select: { id: true, code: true, name: true, unit: true },
      });
      if (!measure) return { ok: false, fieldErrors: { measureId: ["Choose a measure from the list"] } };
      if (input.unit !== undefined && input.unit !== measure.unit)
        return {
          ok: false,
          fieldErrors: {
            measureId: [
              `This measure has just changed: it is now ${countedIn(measure.unit)}. Check the target and plan, then add the commitment again.`,
            ],
          },
        };
      const checked = checkCommitment(
        {
          unit: measure.unit,
          targetQuantity: input.targetQuantity,
          qualitativeText: input.qualitativeText,
          plan: planEntries(input),
        },
        contract,
      );
      if (!checked.ok) return { ok: false, fieldErrors: checked.errors as FieldErrors };
      const { plan, ...values } = checked.value;
      sent = commitmentSnapshot({ measure, ...values, narrative: input.narrative ?? null, plan });
      const created = await tx.commitment.create({
        data: {
          contractId,
          measureId: measure.id,
          ...values,
          narrative: input.narrative ?? null,
          plan: {
            createMany: {
              data: plan.map((p) => ({
                financialYear: p.financialYear,
                quarter: p.quarter,
                targetQuantity: p.quantity,
              })),
            },
          },
        },
        select: { id: true },
      });
      await audit(tx, actor, contractId, "commitment.add", {
        measure: measure.code,
        unit: measure.unit,
        commitmentId: created.id,
        changes: diffSnapshots({}, sent, COMMITMENT_FIELD_LABELS),
      });
      return { ok: true, id: created.id };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const repeat = sent ? await addedMomentsAgo(actor, contractId, input.measureId, sent) : null;
    if (repeat) return { ok: true, id: repeat };
    return {
      ok: false,
      fieldErrors: { measureId: ["This contract already has a commitment for this measure"] },
    };
  }
}

type Saved = {
  updatedAt: Date;
  targetQuantity: { toString(): string } | null;
  qualitativeText: string | null;
  narrative: string | null;
  measure: { code: string; name: string };
  plan: { financialYear: number; quarter: number; targetQuantity: { toString(): string } }[];
  _count: { pledges: number; returnLines: number };
};

const savedSnapshot = (saved: Saved) =>
  commitmentSnapshot({ ...saved, plan: saved.plan.map((p) => ({ ...p, quantity: p.targetQuantity })) });

const deliveryRecorded = (): Result => ({
  ok: false,
  fieldErrors: {
    form: ["Pledges or KPI returns record delivery against this commitment, so it cannot be removed."],
  },
});

/** The answers sent, as the history writes a commitment. */
const yoursSnapshot = (saved: Saved, input: CommitmentEdit) =>
  commitmentSnapshot({
    measure: saved.measure,
    targetQuantity: input.targetQuantity ?? null,
    qualitativeText: input.qualitativeText || null,
    narrative: input.narrative || null,
    plan: planEntries(input).filter((p) => Number(p.quantity) !== 0),
  });

/** A colleague saved since the form was read: what they saved, beside the answers sent (kept in the form). */
function staleAgainst(saved: Saved, input: CommitmentEdit) {
  const stale = staleEdit(
    saved.updatedAt,
    savedSnapshot(saved),
    yoursSnapshot(saved, input),
    COMMITMENT_FIELD_LABELS,
  );
  return { ok: false, stale } satisfies UpdateResult;
}

/**
 * A save whose version is not the one saved now, and which is this very save sent twice: the commitment holds the
 * answers sent and its latest change is this person's save, moments ago. Anything else is a colleague's change,
 * shown beside the answers.
 */
async function staleOrRepeat(
  tx: Tx,
  actor: Actor,
  contractId: string,
  commitmentId: string,
  saved: Saved,
  input: CommitmentEdit,
): Promise<UpdateResult> {
  const repeat =
    sameSnapshot(savedSnapshot(saved), yoursSnapshot(saved, input)) &&
    (await ownLatestChange(tx, actor, contractId, commitmentId, "commitment.update"));
  return repeat ? { ok: true, id: commitmentId } : staleAgainst(saved, input);
}

const readSaved = (tx: Tx, actor: Actor, contractId: string, commitmentId: string) =>
  tx.commitment.findFirst({
    where: { id: commitmentId, contractId, contract: { councilId: actor.councilId } },
    select: savedSelect,
  });

/** A save guarded on the version it checked changed nothing: a colleague's save landed while this one was checked.
 * It is refused as if it had been read first, the answers kept. */
async function changedMeanwhile(
  tx: Tx,
  actor: Actor,
  contractId: string,
  commitmentId: string,
  input: CommitmentEdit,
): Promise<UpdateResult> {
  const now = await readSaved(tx, actor, contractId, commitmentId);
  if (!now) return { ok: false, notFound: true };
  return staleOrRepeat(tx, actor, contractId, commitmentId, now, input);
}

export async function updateCommitment(
  actor: Actor,
  contractId: string,
  commitmentId: string,
  input: CommitmentEdit,
): Promise<UpdateResult> {
  const result = await saveCommitmentEdit(actor, contractId, commitmentId, input);
  // a plan moved to start earlier makes the returns of quarters already ended due: opened at once, as addCommitment
  if (result.ok) await openDueReturns([contractId]);
  return result;
}

function saveCommitmentEdit(
  actor: Actor,
  contractId: string,
  commitmentId: string,
  input: CommitmentEdit,
): Promise<UpdateResult> {
  return db.$transaction(async (tx) => {
    // the term checked below stays as read until the plan is saved (see lockContractRows)
    await lockContractRows(tx, { id: contractId, councilId: actor.councilId }, "FOR SHARE");
    const current = await tx.commitment.findFirst({
      where: { id: commitmentId, contractId, contract: { councilId: actor.councilId } },
      select: { ...savedSelect, contract: { select: { startDate: true, endDate: true } } },
    });
    if (!current) return { ok: false, notFound: true };
    const before = savedSnapshot(current);
    // a colleague saved since this form was read: show what they saved instead of overwriting it (unless it is
    // this very save, sent twice)
    if (input.version !== current.updatedAt.toISOString())
      return staleOrRepeat(tx, actor, contractId, commitmentId, current, input);
    const checked = checkCommitment(
      {
        unit: current.measure.unit,
        targetQuantity: input.targetQuantity,
        qualitativeText: input.qualitativeText,
        plan: planEntries(input),
      },
      current.contract,
    );
    if (!checked.ok) return { ok: false, fieldErrors: checked.errors as FieldErrors };
    const { plan, ...values } = checked.value;
    const after = commitmentSnapshot({
      measure: current.measure,
      ...values,
      narrative: input.narrative ?? null,
      plan,
    });
    // nothing to change: nothing written, so colleagues' open forms (and this one, if sent again) stay current
    if (sameSnapshot(before, after)) return { ok: true, id: commitmentId };
    const { count } = await tx.commitment.updateMany({
      where: { id: commitmentId, updatedAt: current.updatedAt },
      data: { ...values, narrative: input.narrative ?? null },
    });
    if (count !== 1) return changedMeanwhile(tx, actor, contractId, commitmentId, input);
    await tx.commitmentPlan.deleteMany({ where: { commitmentId } });
    await tx.commitmentPlan.createMany({
      data: plan.map((p) => ({
        commitmentId,
        financialYear: p.financialYear,
        quarter: p.quarter,
        targetQuantity: p.quantity,
      })),
    });
    const changes = diffSnapshots(before, after, COMMITMENT_FIELD_LABELS);
    if (changes.length)
      await audit(tx, actor, contractId, "commitment.update", {
        measure: current.measure.code,
        unit: current.measure.unit,
        commitmentId,
        changes,
      });
    return { ok: true, id: commitmentId };
  });
}

/**
 * The measure code of a commitment removed from this contract, as its history records the removal, or null when
 * no commitment of that id was removed from it: a link to the removal page opened again says it is gone.
 */
export async function removedCommitment(councilId: string, contractId: string, commitmentId: string) {
  const entry = await db.auditLog.findFirst({
    where: {
      organisationId: councilId,
      entityType: "Contract",
      entityId: contractId,
      action: "commitment.remove",
      details: { path: ["commitmentId"], equals: commitmentId },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { details: true },
  });
  if (!entry) return null;
  const measure = (entry.details as { measure?: unknown } | null)?.measure;
  return { measure: typeof measure === "string" ? measure : null };
}

/** A commitment with pledges or KPI returns against it holds delivery records, so it stays; one a colleague has
 * changed since the form was read stays too, until the user has seen what they changed. */
export async function removeCommitment(
  actor: Actor,
  contractId: string,
  commitmentId: string,
  input: CommitmentRemoval,
): Promise<RemoveResult> {
  // "Remove" sent twice: the second finds the commitment gone, removed by this person moments ago
  const gone = async (tx: Tx): Promise<RemoveResult> =>
    (await ownLatestChange(tx, actor, contractId, commitmentId, "commitment.remove"))
      ? { ok: true, id: commitmentId }
      : { ok: false, notFound: true };
  // a colleague's change is shown by the page asking first, read again after this answer
  const stale: RemoveResult = { ok: false, stale: true };
  return db.$transaction(async (tx) => {
    const current = await readSaved(tx, actor, contractId, commitmentId);
    if (!current) return gone(tx);
    if (hasDelivery(current)) return deliveryRecorded();
    if (input.version !== current.updatedAt.toISOString()) return stale;
    // a pledge would lose its commitment and a KPI return line would go with it: neither may land meanwhile
    const { count } = await tx.commitment.deleteMany({
      where: {
        id: commitmentId,
        updatedAt: current.updatedAt,
        pledges: { none: {} },
        returnLines: { none: RECORDED_LINE },
      },
    });
    // a colleague's change, or a delivery record, landed while this removal was checked
    if (count !== 1) {
      const now = await readSaved(tx, actor, contractId, commitmentId);
      if (!now) return gone(tx);
      return input.version === now.updatedAt.toISOString() && hasDelivery(now) ? deliveryRecorded() : stale;
    }
    await audit(tx, actor, contractId, "commitment.remove", {
      measure: current.measure.code,
      unit: current.measure.unit,
      commitmentId,
      changes: diffSnapshots(savedSnapshot(current), {}, COMMITMENT_FIELD_LABELS),
    });
    return { ok: true, id: commitmentId };
  });
}
