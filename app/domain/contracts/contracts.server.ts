// Contracts: register, edit (with a field-by-field history), find, and read for officers and suppliers.
import type { Viewer } from "~/auth/permissions.server.ts";
import { councilStaff } from "~/domain/accounts/members.server.ts";
import { recentlyAudited, SENT_TWICE_WINDOW_MS, writeAudit } from "~/domain/audit/audit.server.ts";
import { dayToDate, londonDay } from "~/domain/calendar.ts";
import { amountForForm } from "~/domain/numbers.ts";
import {
  containingText,
  db,
  isTransactionGivenUp,
  isUniqueViolation,
  sameTextAs,
  setLockTimeout,
  type Tx,
} from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { officerCouncilIds, readableContracts } from "./access.server.ts";
import {
  changesFrom,
  CONTRACT_FIELD_LABELS,
  diffSnapshots,
  staleEdit,
  unitFrom,
  unitsFrom,
  type Snapshot,
  type StaleEdit,
} from "./history.ts";
import { compareNames } from "./labels.ts";
import { termProblems } from "./plan.ts";
import { announceDueReturns, openDueReturns, settleReturnsIn } from "./returns-due.server.ts";
import { removeWithdrawnEvidence } from "~/domain/reporting/returns-jobs.server.ts";
import {
  contractReference,
  terminatedOnDay,
  termSchema,
  type ContractEdit,
  type ContractFilters,
  type ContractInput,
} from "./schemas.ts";
import {
  hasSupplierRecord,
  NOTHING_REPORTED,
  supplierChangeRefusal,
  supplierChoices,
  supplierProblem,
} from "./suppliers.server.ts";

export const PAGE_SIZE = 25;

export type Actor = { councilId: string; actorUserId: string; ipAddress: string | null };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function contractSnapshot(c: {
  reference: string;
  title: string;
  department: string;
  valueGbp: { toString(): string };
  awardedOn: Date | null;
  startDate: Date;
  endDate: Date;
  planReference: string | null;
  status: string;
  terminatedOn: Date | null;
  supplierOrganisation: { name: string };
  contractManager: { name: string } | null;
}): Snapshot {
  return {
    reference: c.reference,
    title: c.title,
    supplier: c.supplierOrganisation.name,
    department: c.department,
    contractManager: c.contractManager?.name ?? null,
    valueGbp: Number(c.valueGbp.toString()).toFixed(2),
    awardedOn: day(c.awardedOn),
    startDate: day(c.startDate),
    endDate: day(c.endDate),
    planReference: c.planReference,
    status: c.status,
    terminatedOn: day(c.terminatedOn),
  };
}

// a contract's own fields, as its page shows them and its history compares them
const contractColumns = {
  reference: true,
  title: true,
  department: true,
  valueGbp: true,
  awardedOn: true,
  startDate: true,
  endDate: true,
  planReference: true,
  status: true,
  terminatedOn: true,
} as const;

const snapshotSelect = {
  ...contractColumns,
  supplierOrganisation: { select: { name: true } },
  contractManager: { select: { name: true } },
} as const;

// ───────────── finding contracts ─────────────

// Awarded, or past it, with no award date recorded: the contracts the dashboard's "awarded in the last 12
// months" cannot count. A contract still in the pipeline has not been awarded, so it is not missing one.
// Awarded: a contract in the pipeline is not, whatever award date it holds (a tender's expected date, say)
export const notInPipeline = { status: { not: "PIPELINE" } } satisfies Prisma.ContractWhereInput;

export const missingAwardDate = {
  awardedOn: null,
  status: { not: "PIPELINE" },
} satisfies Prisma.ContractWhereInput;

function filterWhere(councilId: string, f: ContractFilters): Prisma.ContractWhereInput {
  return {
    councilId,
    ...(f.department ? { department: f.department } : {}),
    ...(f.supplier ? { supplierOrganisationId: f.supplier } : {}),
    ...(f.manager ? { contractManagerId: f.manager } : {}),
    ...(f.status ? { status: f.status } : {}),
    AND: [
      ...(f.commitments === "yes" ? [{ commitments: { some: {} } }] : []),
      ...(f.commitments === "no" ? [{ commitments: { none: {} } }] : []),
      ...(f.measure ? [{ commitments: { some: { measureId: f.measure } } }] : []),
      ...(f.awardDate === "none" ? [missingAwardDate] : []),
      ...(f.awardedSince || f.awarded ? [notInPipeline] : []),
      ...(f.localValue
        ? [
            {
              commitments: {
                some: {
                  measure: {
                    proxyValueGbp: { not: null },
                    unit: { notIn: ["PERCENT" as const, "QUALITATIVE" as const] },
                  },
                },
              },
            },
          ]
        : []),
    ],
    ...(f.awardedSince
      ? // up to today in London, as the dashboard's figure counts
        { awardedOn: { gte: dayToDate(f.awardedSince), lte: londonDay(new Date()) } }
      : {}),
    ...(f.q
      ? {
          // the plan reference too: the "golden thread" from a pipeline's plan to the contract it became
          OR: [
            { reference: containingText(f.q) },
            { title: containingText(f.q) },
            { planReference: containingText(f.q) },
          ],
        }
      : {}),
  };
}

export async function listCouncilContracts(councilId: string, filters: ContractFilters) {
  const where = filterWhere(councilId, filters);
  const [total, rows] = await Promise.all([
    db.contract.count({ where }),
    db.contract.findMany({
      where,
      orderBy: [{ reference: "asc" }],
      ...pageWindow(filters.page, PAGE_SIZE),
      select: {
        id: true,
        reference: true,
        title: true,
        department: true,
        status: true,
        endDate: true,
        terminatedOn: true,
        valueGbp: true,
        supplierOrganisation: { select: { name: true } },
        contractManager: { select: { name: true } },
        _count: { select: { commitments: true } },
      },
    }),
  ]);
  return {
    total,
    pageCount: pageCountOf(total, PAGE_SIZE),
    contracts: rows.map(({ valueGbp, _count, endDate, terminatedOn, ...c }) => ({
      ...c,
      endDate: day(endDate)!,
      terminatedOn: day(terminatedOn),
      valueGbp: valueGbp.toFixed(2),
      commitmentCount: _count.commitments,
    })),
  };
}

/** The choices in the filter form: only values that occur in this council's contracts. */
export async function contractFilterOptions(councilId: string) {
  const [departments, suppliers, managers] = await Promise.all([
    db.contract.findMany({
      where: { councilId },
      distinct: ["department"],
      orderBy: { department: "asc" },
      select: { department: true },
    }),
    db.organisation.findMany({
      where: { contractsAsSupplier: { some: { councilId } } },
      orderBy: [{ name: "asc" }, { companyNumber: "asc" }],
      select: { id: true, name: true, companyNumber: true },
    }),
    db.user.findMany({
      where: { managedContracts: { some: { councilId } } },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      select: { id: true, name: true, email: true },
    }),
  ]);
  // as people read a list, not as the database orders text (byte by byte: "Zeta Ltd" before "acme ltd", "Lot 10"
  // before "Lot 2"): letters in any case together, numbers by their value
  return {
    departments: departments.map((d) => d.department).sort(compareNames),
    suppliers: toldApart(
      inNameOrder(suppliers, (s) => s.companyNumber ?? ""),
      (s) => (s.companyNumber ? `company number ${s.companyNumber}` : null),
    ),
    managers: toldApart(
      inNameOrder(managers, (m) => m.email),
      (m) => m.email,
    ),
  };
}

/** People or organisations in the order of their names as people read them, those with one name by `then`. */
function inNameOrder<T extends { name: string }>(choices: T[], then: (choice: T) => string): T[] {
  return [...choices].sort((a, b) => compareNames(a.name, b.name) || compareNames(then(a), then(b)));
}

/**
 * People or organisations to choose from by name, two of whom may share one (two officers called Sarah Jones, two
 * suppliers called Greenway Ltd): those are told apart by `detail` (an email address, for the council's own staff),
 * or by their place in the list. Only the id and the words shown go to the page.
 */
function toldApart<T extends { id: string; name: string }>(
  choices: T[],
  detail: (choice: T) => string | null,
): { id: string; name: string }[] {
  const count = new Map<string, number>();
  for (const c of choices) count.set(c.name.toLowerCase(), (count.get(c.name.toLowerCase()) ?? 0) + 1);
  const seen = new Map<string, number>();
  return choices.map((c) => {
    const key = c.name.toLowerCase();
    if ((count.get(key) ?? 0) < 2) return { id: c.id, name: c.name };
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return { id: c.id, name: `${c.name} (${detail(c) ?? nth})` };
  });
}

/**
 * The choices in the contract form: verified suppliers (see suppliers.server.ts) and the council's staff. A
 * contract being changed keeps its own supplier on the list, and offers no other once it is fixed.
 */
export async function contractFormOptions(
  councilId: string,
  current?: { supplierOrganisationId: string; supplierFixed: boolean; contractManagerId?: string },
) {
  const [suppliers, managers] = await Promise.all([
    supplierChoices(current?.supplierOrganisationId).then((choices) =>
      current?.supplierFixed ? choices.filter((s) => s.id === current.supplierOrganisationId) : choices,
    ),
    db.user.findMany({
      where: { deletedAt: null, memberships: { some: councilStaff(councilId) } },
      select: { id: true, name: true, email: true },
    }),
  ]);
  // in the order of the contract list's filter: as people read names (compareNames)
  const choices = toldApart(
    inNameOrder(managers, (m) => m.email),
    (m) => m.email,
  );
  // A manager who has left stays on the list while the contract names them: missing from it, the form showed
  // "Not set", and saving any other change took them off the contract unasked
  const leaver = current?.contractManagerId
    ? managers.some((m) => m.id === current.contractManagerId)
      ? null
      : await db.user.findUnique({
          where: { id: current.contractManagerId },
          select: { id: true, name: true },
        })
    : null;
  return {
    suppliers,
    managers: leaver
      ? [...choices, { id: leaver.id, name: `${leaver.name} (no longer works for the council)` }]
      : choices,
  };
}

/** A contract the viewer may read, and whether they read it as its council's officer or its supplier. */
export async function findContractForViewer(viewer: Viewer, id: string) {
  const contract = await db.contract.findFirst({
    where: { id, ...readableContracts(viewer) },
    select: {
      id: true,
      councilId: true,
      ...contractColumns,
      updatedAt: true,
      council: { select: { name: true } },
      supplierOrganisation: { select: { id: true, name: true } },
      contractManager: { select: { id: true, name: true } },
      commitments: {
        orderBy: { measure: { code: "asc" } },
        select: {
          id: true,
          targetQuantity: true,
          qualitativeText: true,
          narrative: true,
          measure: { select: { code: true, name: true, unit: true, helpText: true, retiredAt: true } },
        },
      },
    },
  });
  if (!contract) return null;
  const asOfficer = officerCouncilIds(viewer).includes(contract.councilId);
  // leaving the council leaves the contract's manager in place: the page says so, so someone picks a new one
  const managerHasLeft = contract.contractManager
    ? (await db.membership.count({
        where: {
          userId: contract.contractManager.id,
          user: { deletedAt: null },
          ...councilStaff(contract.councilId),
        },
      })) === 0
    : false;
  return { contract, managerHasLeft, viewAs: asOfficer ? ("officer" as const) : ("supplier" as const) };
}

/** A supplier's contracts with every council, with their commitments, a page (PAGE_SIZE contracts) at a time. */
export async function listSupplierContracts(supplierOrganisationId: string, page: number) {
  const where = { supplierOrganisationId };
  const [total, contracts] = await Promise.all([
    db.contract.count({ where }),
    supplierContractsPage(where, page),
  ]);
  return { total, pageCount: pageCountOf(total, PAGE_SIZE), contracts };
}

function supplierContractsPage(where: Prisma.ContractWhereInput, page: number) {
  return db.contract.findMany({
    where,
    orderBy: [{ council: { name: "asc" } }, { reference: "asc" }, { id: "asc" }],
    ...pageWindow(page, PAGE_SIZE),
    select: {
      id: true,
      reference: true,
      title: true,
      status: true,
      startDate: true,
      endDate: true,
      terminatedOn: true,
      council: { select: { name: true } },
      commitments: {
        orderBy: { measure: { code: "asc" } },
        select: {
          id: true,
          targetQuantity: true,
          qualitativeText: true,
          measure: { select: { code: true, name: true, unit: true, helpText: true } },
        },
      },
    },
  });
}

/** The contract as its edit form starts. */
export async function getContractForEdit(councilId: string, id: string) {
  const c = await db.contract.findFirst({
    where: { id, councilId },
    select: {
      id: true,
      ...detailsSelect,
      updatedAt: true,
      supplierOrganisation: { select: { name: true } },
    },
  });
  if (!c) return null;
  const { supplierOrganisation, updatedAt, ...values } = c;
  return {
    ...values,
    version: updatedAt.toISOString(),
    supplierName: supplierOrganisation.name,
    supplierFixed: await hasSupplierRecord(db, id),
    contractManagerId: c.contractManagerId ?? "",
    // "1,250.50", as the officer would write it, not "1250.50"
    valueGbp: amountForForm(c.valueGbp.toFixed(2)),
    awardedOn: day(c.awardedOn) ?? "",
    startDate: day(c.startDate)!,
    endDate: day(c.endDate)!,
    planReference: c.planReference ?? "",
    terminatedOn: day(c.terminatedOn) ?? "",
  };
}

// ───────────── changing contracts ─────────────

type FieldErrors = Record<string, string[]>;
/** The contract already holding a reference that was refused, for the form to link to. */
export type ReferenceHolder = { id: string; reference: string; title: string };
type Result =
  | { ok: true; id: string }
  | { ok: false; fieldErrors: FieldErrors; takenBy?: ReferenceHolder }
  | { ok: false; notFound: true };
/** An edit can also find that someone else saved first. */
type UpdateResult = Result | { ok: false; stale: StaleEdit };

async function checkParties(
  tx: Tx,
  councilId: string,
  input: ContractInput,
  current?: { supplierOrganisationId: string; contractManagerId: string | null },
): Promise<FieldErrors> {
  const currentSupplierId = current?.supplierOrganisationId;
  const errors: FieldErrors = {};
  // a contract keeps the supplier it has, whatever became of its verification since
  if (input.supplierOrganisationId !== currentSupplierId) {
    const problem = await supplierProblem(tx, input.supplierOrganisationId);
    if (problem) errors.supplierOrganisationId = [problem];
  }
  // the contract's own manager may stay on it after leaving the council (its page says so); a new one must be staff
  if (input.contractManagerId && input.contractManagerId !== current?.contractManagerId) {
    const manager = await tx.membership.findFirst({
      where: { userId: input.contractManagerId, ...councilStaff(councilId) },
      select: { id: true },
    });
    if (!manager) errors.contractManagerId = ["Choose a contract manager from your council"];
  }
  // nobody manages their own company's contract: its returns are theirs to review (reviewReturn refuses it)
  const managerChanged = input.contractManagerId !== (current?.contractManagerId ?? "");
  if (
    input.contractManagerId &&
    !errors.contractManagerId &&
    (managerChanged || input.supplierOrganisationId !== currentSupplierId)
  ) {
    const supplierMember = await tx.membership.findFirst({
      where: { userId: input.contractManagerId, organisationId: input.supplierOrganisationId },
      select: { user: { select: { name: true } }, organisation: { select: { name: true } } },
    });
    if (supplierMember)
      errors.contractManagerId = [
        `${supplierMember.user.name} also works for ${supplierMember.organisation.name}, the contract's supplier: choose a contract manager who does not`,
      ];
  }
  return errors;
}

function contractData(input: ContractInput) {
  return {
    reference: input.reference,
    title: input.title,
    supplierOrganisationId: input.supplierOrganisationId,
    department: input.department,
    contractManagerId: input.contractManagerId || null,
    valueGbp: input.valueGbp,
    awardedOn: input.awardedOn ? dayToDate(input.awardedOn) : null,
    startDate: dayToDate(input.startDate),
    endDate: dayToDate(input.endDate),
    planReference: input.planReference || null,
    status: input.status,
    terminatedOn: dayOrNull(terminatedOnDay(input)),
  };
}

const dayOrNull = (value: string | null) => (value ? dayToDate(value) : null);

type Details = Omit<ReturnType<typeof contractData>, "valueGbp"> & {
  valueGbp: string | { toFixed(digits: number): string };
};

// the fields of a contract its form and the CSV import set
export const detailsSelect = {
  ...contractColumns,
  supplierOrganisationId: true,
  contractManagerId: true,
} as const;

/** Whether a stored contract already holds exactly what the form would write (ids, not names, compared). */
function sameDetails(stored: Details, input: ContractInput) {
  const text = (c: Details) =>
    JSON.stringify([
      c.reference,
      c.title,
      c.supplierOrganisationId,
      c.department,
      c.contractManagerId,
      typeof c.valueGbp === "string" ? c.valueGbp : c.valueGbp.toFixed(2),
      day(c.awardedOn),
      day(c.startDate),
      day(c.endDate),
      c.planReference,
      c.status,
      day(c.terminatedOn),
    ]);
  return text(stored) === text(contractData(input));
}

/**
 * "Register contract" sent twice (a double click, a form sent again after a slow answer): the second finds the
 * reference taken by the contract the first registered. It is answered as the first was when this person
 * registered that very contract moments ago and it still holds the details sent (decision 024); any other
 * clash of references is still refused.
 */
async function registeredMomentsAgo(actor: Actor, input: ContractInput) {
  const existing = await db.contract.findFirst({
    where: { councilId: actor.councilId, reference: sameTextAs(input.reference) },
    select: { id: true, ...detailsSelect },
  });
  if (!existing || !sameDetails(existing, input)) return null;
  const made = await recentlyAudited({
    actorUserId: actor.actorUserId,
    action: "contract.create",
    entityId: existing.id,
  });
  return made ? existing.id : null;
}

/**
 * "Save changes" sent twice: the second names the version the first replaced. It is answered as saved when the
 * contract holds exactly the answers sent and its latest change is this person's edit, moments ago; a
 * colleague's change in between is shown as before.
 */
async function savedMomentsAgo(tx: Tx, actor: Actor, id: string, saved: Details, input: ContractInput) {
  if (!sameDetails(saved, input)) return false;
  const latest = await tx.auditLog.findFirst({
    where: { organisationId: actor.councilId, entityType: "Contract", entityId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { action: true, actorUserId: true, createdAt: true },
  });
  return (
    latest?.action === "contract.update" &&
    latest.actorUserId === actor.actorUserId &&
    latest.createdAt.getTime() > Date.now() - SENT_TWICE_WINDOW_MS
  );
}

/**
 * Holds the contract rows a change reads until its transaction ends (decision 012's row locks). A term change takes
 * them FOR UPDATE and a commitment's plan FOR SHARE, which wait for each other: without, an officer shortening the
 * term and a colleague adding a commitment with targets in the quarters it drops each checked the other's old
 * state, and both saved, leaving targets outside the term (a foreign key takes only a lock a term change passes).
 * References match in any case, as the council's unique index on them does.
 */
export async function lockContractRows(
  tx: Tx,
  which: { id: string; councilId: string } | { councilId: string; references: string[] },
  mode: "FOR UPDATE" | "FOR SHARE",
) {
  const lock = Prisma.raw(mode);
  if ("id" in which)
    await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${which.id} AND "councilId" = ${which.councilId} ${lock}`;
  else if (which.references.length)
    await tx.$queryRaw`SELECT id FROM "Contract" WHERE "councilId" = ${which.councilId}
      AND lower(reference) IN (SELECT lower(r) FROM unnest(${which.references}::text[]) r) ORDER BY id ${lock}`;
}

/**
 * A reference the council already uses (in any case) refused, naming the contract that holds it, so the officer can
 * open it: "Reference ABC-1 is already used by ‘Library’". The form links to it next to the field (takenBy). Should
 * that contract have gone meanwhile, the refusal names none.
 */
async function referenceTaken(councilId: string, reference: string, except?: string) {
  const holder = await referenceHolder(councilId, reference, except);
  if (!holder)
    return {
      ok: false as const,
      fieldErrors: { reference: ["Your council already has a contract with this reference"] },
    };
  return { ok: false as const, ...heldBy(holder) };
}

/** Another of the council's contracts (not `except`, the one being changed) with the reference, in any case. */
function referenceHolder(councilId: string, reference: string, except?: string) {
  return db.contract.findFirst({
    where: { councilId, reference: sameTextAs(reference), ...(except ? { id: { not: except } } : {}) },
    select: { id: true, reference: true, title: true },
  });
}

const heldBy = (holder: ReferenceHolder) => ({
  fieldErrors: {
    reference: [
      `Reference ${holder.reference} is already used by ‘${holder.title}’. Use a different reference or open that contract.`,
    ],
  },
  takenBy: holder,
});

/**
 * A contract form's problems only the council's records can tell, said with the form's own problems rather than once
 * those are put right: another of the council's contracts (not `exceptContractId`, the one being changed) already
 * uses the reference typed; and, for a contract being changed, its commitments' plans have quarters the dates typed
 * leave outside its term. Each is checked only when its answers have no problem of their own (`hasOwnProblem`).
 * Null when there is nothing to add. Saving checks again (a colleague may take the reference in between).
 */
export async function contractProblemsAlongside(
  councilId: string,
  sent: { reference: unknown; startDate: unknown; endDate: unknown },
  hasOwnProblem: (field: "reference" | "startDate" | "endDate") => boolean,
  exceptContractId?: string,
) {
  const fieldErrors: FieldErrors = {};
  let takenBy: ReferenceHolder | null = null;
  const reference = hasOwnProblem("reference") ? null : contractReference.safeParse(sent.reference);
  const holder = reference?.success
    ? await referenceHolder(councilId, reference.data, exceptContractId)
    : null;
  if (holder) {
    const held = heldBy(holder);
    Object.assign(fieldErrors, held.fieldErrors);
    takenBy = held.takenBy;
  }
  const term =
    exceptContractId && !hasOwnProblem("startDate") && !hasOwnProblem("endDate")
      ? termSchema.safeParse({ startDate: sent.startDate, endDate: sent.endDate })
      : null;
  if (term?.success) Object.assign(fieldErrors, await plansLeftOut(councilId, exceptContractId!, term.data));
  return Object.keys(fieldErrors).length ? { fieldErrors, takenBy } : null;
}

/** Why the dates of a term (`term`, ISO days) are refused for a contract: its commitments' plan quarters they leave
 * out, next to the date that leaves them out (termProblems), or nothing. */
async function plansLeftOut(
  councilId: string,
  contractId: string,
  term: { startDate: string; endDate: string },
) {
  const commitments = await db.commitment.findMany({
    where: { contractId, contract: { councilId } },
    select: planSelect,
  });
  return termProblemsOf(commitments, term);
}

const planSelect = {
  measure: { select: { code: true } },
  plan: { select: { financialYear: true, quarter: true } },
} satisfies Prisma.CommitmentSelect;

function termProblemsOf(
  commitments: { measure: { code: string }; plan: { financialYear: number; quarter: number }[] }[],
  term: { startDate: string; endDate: string },
): FieldErrors {
  // each told next to the date that leaves it out (a later start strands the first quarters, not the last),
  // naming the commitments whose plans to change
  const problems = termProblems(
    commitments.map((c) => ({ code: c.measure.code, plan: c.plan })),
    { startDate: dayToDate(term.startDate), endDate: dayToDate(term.endDate) },
  );
  const errors: FieldErrors = {};
  for (const field of ["startDate", "endDate"] as const) {
    const problem = problems[field];
    if (problem) errors[field] = [problem];
  }
  return errors;
}

export async function createContract(actor: Actor, input: ContractInput): Promise<Result> {
  const result = await registerContract(actor, input);
  // the returns of its quarters already ended, at once rather than at the daily job's next run
  if (result.ok) await openDueReturns([result.id]);
  return result;
}

async function registerContract(actor: Actor, input: ContractInput): Promise<Result> {
  try {
    return await db.$transaction(async (tx) => {
      const errors = await checkParties(tx, actor.councilId, input);
      if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
      const created = await tx.contract.create({
        data: { ...contractData(input), councilId: actor.councilId },
        select: { id: true, ...snapshotSelect },
      });
      await writeAudit(
        {
          actorUserId: actor.actorUserId,
          organisationId: actor.councilId,
          actorOrganisationId: actor.councilId,
          action: "contract.create",
          entityType: "Contract",
          entityId: created.id,
          details: { changes: diffSnapshots({}, contractSnapshot(created), CONTRACT_FIELD_LABELS) },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
      return { ok: true, id: created.id };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const repeat = await registeredMomentsAgo(actor, input);
    return repeat ? { ok: true, id: repeat } : referenceTaken(actor.councilId, input.reference);
  }
}

/** A colleague saved since the form was read: what they saved, beside the answers sent (kept in the form). */
async function staleAgainst(
  tx: Tx,
  saved: Parameters<typeof contractSnapshot>[0] & { updatedAt: Date },
  input: ContractEdit,
) {
  const [supplier, manager] = await Promise.all([
    tx.organisation.findUnique({ where: { id: input.supplierOrganisationId }, select: { name: true } }),
    input.contractManagerId
      ? tx.user.findUnique({ where: { id: input.contractManagerId }, select: { name: true } })
      : null,
  ]);
  const yours = contractSnapshot({
    ...contractData(input),
    supplierOrganisation: { name: supplier?.name ?? "" },
    contractManager: manager,
  });
  const stale = staleEdit(saved.updatedAt, contractSnapshot(saved), yours, CONTRACT_FIELD_LABELS);
  return { ok: false, stale } satisfies UpdateResult;
}

// How long a save waits for the contract's row: an import opening the returns of thousands of contracts holds their
// rows for up to two minutes (openDueReturns), too long to hold the officer's page, so the save gives up and says so.
const CONTRACT_LOCK_WAIT_MS = 10_000;
// With the row held, how long the save waits for anything else: a return of the contract its supplier is saving, as
// the returns are settled (a wait given up there leaves them to the daily run; the save itself stands).
const SETTLE_LOCK_WAIT_MS = 2_000;
// The save's whole transaction past its wait for the row: the other waits, and the work, which takes a fraction of a
// second for a term of any length (it opens at most the returns of the five quarters the daily run opens, and
// withdraws the unsent ones a change drops). An officer whose save cannot finish is told the contract is busy within
// CONTRACT_LOCK_WAIT_MS plus this, some 15 seconds.
const SAVE_WORK_MS = 5_000;

export const CONTRACT_BUSY_MESSAGE =
  "Someone else is changing this contract's returns; try again in a minute";

export async function updateContract(
  actor: Actor,
  id: string,
  input: ContractEdit,
  // tests wait less
  { lockWaitMs = CONTRACT_LOCK_WAIT_MS }: { lockWaitMs?: number } = {},
): Promise<UpdateResult> {
  // the returns of quarters the term no longer covers, never sent, are withdrawn, and a contract moved from pipeline
  // to active, or given an earlier start, owes the returns of its quarters already ended: both at once rather than
  // at the daily job's next run, in the transaction that saves the term and holds the contract's row, so an opening
  // for the contract elsewhere (a commitment added, openDueReturns) waits for it or it for that
  let withdrawnEvidence: string[] = [];
  let result: UpdateResult;
  try {
    result = await db.$transaction(
      async (tx) => {
        // each lock waited for gives up on its own (the row's after lockWaitMs, any other after
        // SETTLE_LOCK_WAIT_MS); several waits in a row can still outlast the transaction's time, which Prisma then
        // closes (P2028): either way nothing is saved and the person is told to try again (below)
        await setLockTimeout(tx, lockWaitMs);
        // the contract's row is held until this save ends: a commitment added or changed meanwhile waits, and
        // then checks its plan against the term saved here; one that got in first is in the plan checked by the save
        await lockContractRows(tx, { id, councilId: actor.councilId }, "FOR UPDATE");
        await setLockTimeout(tx, Math.min(lockWaitMs, SETTLE_LOCK_WAIT_MS));
        const saved = await saveContractEdit(tx, actor, id, input);
        if (saved.ok) withdrawnEvidence = await settleReturnsIn(tx, id);
        return saved;
      },
      { maxWait: 10_000, timeout: lockWaitMs + SAVE_WORK_MS },
    );
  } catch (error) {
    if (isUniqueViolation(error)) return referenceTaken(actor.councilId, input.reference, id);
    // the save gave up waiting for the contract's row (lock_timeout), ran past its transaction's time (P2028) or
    // clashed with another change (a deadlock): nothing was saved, answered next to the form, with the answers
    // kept, never an error page
    if (isTransactionGivenUp(error)) return { ok: false, fieldErrors: { form: [CONTRACT_BUSY_MESSAGE] } };
    throw error;
  }
  if (result.ok) {
    await removeWithdrawnEvidence(withdrawnEvidence);
    await announceDueReturns([id]);
  }
  return result;
}

/** Saves the edit, in a transaction holding the contract's row FOR UPDATE. */
async function saveContractEdit(
  tx: Tx,
  actor: Actor,
  id: string,
  input: ContractEdit,
): Promise<UpdateResult> {
  const before = await tx.contract.findFirst({
    where: { id, councilId: actor.councilId },
    select: { ...snapshotSelect, ...detailsSelect, updatedAt: true },
  });
  if (!before) return { ok: false, notFound: true };
  // a colleague saved since this form was read: show what they saved instead of overwriting it (unless it
  // is this very save, sent twice)
  if (input.version !== before.updatedAt.toISOString())
    return (await savedMomentsAgo(tx, actor, id, before, input))
      ? { ok: true, id }
      : staleAgainst(tx, before, input);
  const errors = await checkParties(tx, actor.councilId, input, before);
  const supplierChanges = input.supplierOrganisationId !== before.supplierOrganisationId;
  if (supplierChanges && !errors.supplierOrganisationId && (await hasSupplierRecord(tx, id)))
    errors.supplierOrganisationId = [supplierChangeRefusal(before.supplierOrganisation.name)];
  const commitments = await tx.commitment.findMany({ where: { contractId: id }, select: planSelect });
  Object.assign(errors, termProblemsOf(commitments, input));
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  // nothing to change: nothing written, so colleagues' open forms (and this one, if sent again) stay current
  if (sameDetails(before, input)) return { ok: true, id };
  // the guard on updatedAt refuses to overwrite a change saved since this transaction read the row, and
  // a new supplier is written only if its predecessor still has nothing on the contract
  const { count } = await tx.contract.updateMany({
    where: {
      id,
      councilId: actor.councilId,
      updatedAt: before.updatedAt,
      ...(supplierChanges ? NOTHING_REPORTED : {}),
    },
    data: contractData(input),
  });
  // nothing written: a colleague's save, or the supplier's first return or pledge, landed while this one was
  // checked. Refused as if it had been read first, with the answers kept, never a bare "reload"
  if (count !== 1) {
    const now = await tx.contract.findFirst({
      where: { id, councilId: actor.councilId },
      select: { ...snapshotSelect, ...detailsSelect, updatedAt: true },
    });
    if (!now) return { ok: false, notFound: true };
    if (now.updatedAt.getTime() !== before.updatedAt.getTime())
      return (await savedMomentsAgo(tx, actor, id, now, input))
        ? { ok: true, id }
        : staleAgainst(tx, now, input);
    return {
      ok: false,
      fieldErrors: { supplierOrganisationId: [supplierChangeRefusal(before.supplierOrganisation.name)] },
    };
  }
  const after = await tx.contract.findUniqueOrThrow({ where: { id }, select: snapshotSelect });
  const changes = diffSnapshots(contractSnapshot(before), contractSnapshot(after), CONTRACT_FIELD_LABELS);
  if (changes.length)
    await writeAudit(
      {
        actorUserId: actor.actorUserId,
        organisationId: actor.councilId,
        actorOrganisationId: actor.councilId,
        action: "contract.update",
        entityType: "Contract",
        entityId: id,
        details: { changes },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
  return { ok: true, id };
}

// ───────────── history ─────────────

// What each change is called as a heading in a contract's "History of changes" (shown to council officers). The
// same codes are named in the audit log too (audit-labels.ts), worded for that page: an action in a column beside
// who did it and to which record ("Added a commitment"). Here a heading names what happened to this contract,
// with the measure it is about ("Commitment changed (SOC-01)"), then when and by whom; an automatic unlinking says why.
// tests/unit/contracts-s34-history-labels.test.ts fails on a contract or commitment code named there, not here.
export const HISTORY_ACTIONS: Record<string, string> = {
  "contract.create": "Contract registered",
  "contract.update": "Contract details changed",
  "contract.import_create": "Contract imported",
  "contract.import_update": "Contract changed by import",
  "commitment.add": "Commitment added",
  "commitment.update": "Commitment changed",
  "commitment.remove": "Commitment removed",
  "commitment.pledge_unlinked": "Marketplace pledge no longer counted: it is not in the measure's unit",
};

/** How many of a contract's latest changes its page lists. */
export const HISTORY_LIMIT = 200;

/** The recorded changes to a contract and its commitments, newest first: the latest HISTORY_LIMIT of them, and
 * one more if there are more (so the page can say that older ones are not shown). Each change comes with the unit
 * of its commitment's measure, when it has one (`units`, in the order of `changes`), so a target reads "100 hours".
 */
export async function contractHistory(councilId: string, contractId: string) {
  const [entries, measures] = await Promise.all([
    db.auditLog.findMany({
      where: { organisationId: councilId, entityType: "Contract", entityId: contractId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT + 1,
      select: { id: true, action: true, createdAt: true, details: true, actor: { select: { name: true } } },
    }),
    // entries written before the unit was recorded with them, and an import's (several measures in one entry,
    // labelled "JOB-02: Target"), find it by the measure's code: a unit cannot change once a commitment uses it
    db.measure.findMany({ where: { councilId }, select: { code: true, unit: true } }),
  ]);
  const unitOfCode = new Map(measures.map((m) => [m.code, m.unit]));
  return entries.map((e) => {
    const details = (e.details ?? {}) as { measure?: unknown };
    const measure = typeof details.measure === "string" ? details.measure : null;
    const unit = unitFrom(e.details) ?? (measure ? (unitOfCode.get(measure) ?? null) : null);
    const changes = changesFrom(e.details);
    const recorded = unitsFrom(e.details);
    return {
      id: e.id,
      what: HISTORY_ACTIONS[e.action] ?? e.action,
      measure,
      when: e.createdAt.toISOString(),
      who: e.actor?.name ?? "Someone no longer registered",
      changes,
      units: changes.map((c, index) => {
        if (unit) return unit;
        // an import's entry keeps each change's unit; older entries find it by the measure code in the label
        if (recorded && recorded.length === changes.length) return recorded[index] ?? null;
        const code = /^(.+): /.exec(c.label)?.[1];
        return code ? (unitOfCode.get(code) ?? null) : null;
      }),
    };
  });
}
