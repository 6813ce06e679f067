// The ONLY code that reads or writes SurveyProtectedAnswers (special category data, Equality Act 2010).
// Officers' reads check the survey role on a council membership in the database itself (not only in the
// route) and every read or export writes an audit entry. Answers are never logged.
import { db, type Tx } from "~/db.server.ts";
import { writeAudit, writeSurveyResponseAudit } from "~/domain/audit/audit.server.ts";
import { PROTECTED_FIELDS } from "./questions.ts";

export type ProtectedAnswers = Record<string, string>;

export class SurveyAccessDenied extends Error {
  constructor() {
    super("survey access denied");
  }
}

function clean(value: unknown): ProtectedAnswers {
  const answers: ProtectedAnswers = {};
  if (!value || typeof value !== "object") return answers;
  for (const field of PROTECTED_FIELDS) {
    const answer = (value as Record<string, unknown>)[field];
    if (typeof answer === "string" && answer) answers[field] = answer;
  }
  return answers;
}

// The respondent's own answers, for their question pages and check-your-answers page: only the person who
// answered and the business's owners may read them, never any other member of the business.
export async function readOwnProtectedAnswers(input: {
  responseId: string;
  organisationId: string;
  userId: string;
  ipAddress?: string | null;
}): Promise<ProtectedAnswers> {
  const row = await db.surveyProtectedAnswers.findFirst({
    where: {
      responseId: input.responseId,
      response: {
        organisationId: input.organisationId,
        OR: [
          { respondentUserId: input.userId },
          { organisation: { memberships: { some: { userId: input.userId, role: "OWNER" } } } },
        ],
      },
    },
    select: { answers: true },
  });
  if (!row) return {};
  await writeSurveyResponseAudit({
    actorUserId: input.userId,
    action: "survey.answers.read_own",
    entityId: input.responseId,
    ipAddress: input.ipAddress ?? null,
  });
  return clean(row.answers);
}

// Merges one page's answers into the response's protected answers (undefined = not answered: removed).
export async function saveProtectedAnswers(
  tx: Tx,
  responseId: string,
  changes: Record<string, string | undefined>,
): Promise<ProtectedAnswers> {
  const existing = await tx.surveyProtectedAnswers.findUnique({
    where: { responseId },
    select: { answers: true },
  });
  const answers = clean(existing?.answers);
  for (const [field, value] of Object.entries(changes)) {
    if (!PROTECTED_FIELDS.includes(field)) continue;
    if (value) answers[field] = value;
    else delete answers[field];
  }
  await tx.surveyProtectedAnswers.upsert({
    where: { responseId },
    create: { responseId, answers },
    update: { answers },
  });
  return answers;
}

// Next year starts from last year's answers: copied inside the transaction that records consent.
export async function copyProtectedAnswers(tx: Tx, fromResponseId: string, toResponseId: string) {
  const previous = await tx.surveyProtectedAnswers.findUnique({
    where: { responseId: fromResponseId },
    select: { answers: true },
  });
  if (!previous) return;
  const answers = clean(previous.answers);
  await tx.surveyProtectedAnswers.upsert({
    where: { responseId: toResponseId },
    create: { responseId: toResponseId, answers },
    update: { answers },
  });
}

export async function deleteProtectedAnswers(tx: Tx, responseId: string) {
  await tx.surveyProtectedAnswers.deleteMany({ where: { responseId } });
}

// When a cycle closes, answers that were never sent (and withdrawn responses) are not part of the record:
// they and their protected answers go. Returns how many responses were deleted.
export async function deleteUnsentResponses(tx: Tx, cycleIds: string[]) {
  if (cycleIds.length === 0) return 0;
  const unsent = { cycleId: { in: cycleIds }, status: { not: "SUBMITTED" as const } };
  // The responses first, then their protected answers, in the order saving, sending and withdrawing take them:
  // the other way round, closing and a page being saved each held what the other was waiting for (a deadlock).
  await tx.$queryRaw`
    SELECT id FROM "SurveyResponse"
    WHERE "cycleId" = ANY(${cycleIds}::text[]) AND status <> 'SUBMITTED'
    ORDER BY id FOR UPDATE`;
  await tx.surveyProtectedAnswers.deleteMany({ where: { response: unsent } });
  const { count } = await tx.surveyResponse.deleteMany({ where: unsent });
  return count;
}

// Anonymisation moves each kept response to a fresh id: its protected answers move with it, unread by anyone.
export async function moveProtectedAnswers(tx: Tx, moves: { from: string; to: string }[], now: Date) {
  const newId = new Map(moves.map((m) => [m.from, m.to]));
  const rows = await tx.surveyProtectedAnswers.findMany({
    where: { responseId: { in: [...newId.keys()] } },
    select: { responseId: true, answers: true },
  });
  await tx.surveyProtectedAnswers.createMany({
    data: rows.map((r) => ({
      responseId: newId.get(r.responseId)!,
      answers: clean(r.answers),
      updatedAt: now,
    })),
  });
  await tx.surveyProtectedAnswers.deleteMany({ where: { responseId: { in: [...newId.keys()] } } });
}

async function requireSurveyRole(userId: string, councilId: string) {
  const membership = await db.membership.findFirst({
    where: {
      userId,
      organisationId: councilId,
      surveyAccess: true,
      role: { in: ["ADMIN", "OFFICER"] },
      organisation: { kind: "COUNCIL" },
      user: { deletedAt: null },
    },
    select: { id: true },
  });
  if (!membership) throw new SurveyAccessDenied();
}

// Submitted responses' protected answers (by response id) for the aggregate report or its CSV export.
export async function readProtectedAnswersForCycle(input: {
  userId: string;
  councilId: string;
  cycleId: string;
  purpose: "report" | "export";
  ipAddress?: string | null;
}): Promise<Map<string, ProtectedAnswers>> {
  await requireSurveyRole(input.userId, input.councilId);
  const rows = await db.surveyProtectedAnswers.findMany({
    where: {
      response: { cycleId: input.cycleId, status: "SUBMITTED", cycle: { councilId: input.councilId } },
    },
    select: { answers: true, responseId: true },
    orderBy: { responseId: "asc" },
  });
  await writeAudit({
    actorUserId: input.userId,
    organisationId: input.councilId,
    actorOrganisationId: input.councilId,
    action: input.purpose === "export" ? "survey.answers.export" : "survey.answers.read",
    entityType: "SurveyCycle",
    entityId: input.cycleId,
    // no count: every council admin reads the audit log, and an exact count would undo the report's "<5"
    ipAddress: input.ipAddress ?? null,
  });
  return new Map(rows.map((r) => [r.responseId, clean(r.answers)]));
}
