// A business's answers to one survey cycle: consent, page-by-page saving, submission, withdrawal.
// Nothing is stored before consent; the special-category part goes through ./protected-answers.server.ts.
import { db, isUniqueViolation, type Tx } from "~/db.server.ts";
import type { MemberRole } from "~/generated/prisma/enums.ts";
import { SENT_TWICE_WINDOW_MS, writeSurveyResponseAudit } from "~/domain/audit/audit.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { appUrl } from "~/env.server.ts";
import { emailBrandingOfCouncil } from "~/domain/content/branding.server.ts";
import { renderSurveySubmittedEmail } from "~/email/templates/survey-submitted.tsx";
import {
  copyProtectedAnswers,
  deleteProtectedAnswers,
  readOwnProtectedAnswers,
  saveProtectedAnswers,
} from "./protected-answers.server.ts";
import { backgroundsFor, PREFER_NOT, type Topic } from "./questions.ts";
import { isAcceptingAnswers } from "./eligibility.server.ts";
import { classifyFromBands } from "./size.ts";

// Every answer a response holds outside the protected answers.
const answerColumns = {
  staffHeadcountBand: true,
  turnoverBand: true,
  balanceSheetBand: true,
  derivedSize: true,
  barriers: true,
  barriersOther: true,
  councilCouldDo: true,
  meetTheBuyerInterest: true,
  contactConsentAnswer: true,
  contactConsent: true,
  contactName: true,
  contactEmail: true,
} as const;

export const responseSelect = {
  id: true,
  status: true,
  respondentUserId: true,
  consentGivenAt: true,
  submittedAt: true,
  ...answerColumns,
  resumeAt: true,
} as const;

export type OwnResponse = NonNullable<Awaited<ReturnType<typeof getOwnResponse>>>;

export function getOwnResponse(cycleId: string, organisationId: string) {
  return db.surveyResponse.findFirst({
    where: { cycleId, organisationId, status: { not: "WITHDRAWN" } },
    select: responseSelect,
  });
}

// A business's answers are seen and changed by the person who answered and by its owners; other members
// only learn that someone in the business has answered.
export function mayUseAnswers(
  response: { respondentUserId: string | null },
  reader: { userId: string; role: MemberRole },
) {
  return reader.role === "OWNER" || response.respondentUserId === reader.userId;
}

// The response and its protected answers, for the respondent's own pages (the read is audited). Null when
// there is none, or when it is a colleague's.
export async function getOwnAnswers(input: {
  cycleId: string;
  organisationId: string;
  userId: string;
  role: MemberRole;
  ipAddress?: string | null;
}) {
  const response = await getOwnResponse(input.cycleId, input.organisationId);
  if (!response || !mayUseAnswers(response, input)) return null;
  const protectedAnswers = await readOwnProtectedAnswers({
    responseId: response.id,
    organisationId: input.organisationId,
    userId: input.userId,
    ipAddress: input.ipAddress,
  });
  return { response, protectedAnswers };
}

type Actor = { userId: string; organisationId: string; ipAddress?: string | null };
type ConsentingActor = Actor & { role: MemberRole };

// Consent creates the response; next year starts from the business's last submitted answers. Two consents
// sent at once (two colleagues, or a double click) make one response: the one that loses the race re-reads it.
// Null when the cycle stopped taking answers since the page was read: nothing is stored (nor last year's answers
// copied into a survey that has closed, whose close deleted the answers never sent).
export async function giveConsent(
  cycle: { id: string; councilId: string; year: number },
  actor: ConsentingActor,
) {
  try {
    return await recordConsent(cycle, actor);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return recordConsent(cycle, actor);
  }
}

function recordConsent(cycle: { id: string; councilId: string; year: number }, actor: ConsentingActor) {
  return db.$transaction(async (tx) => {
    // held as saving holds it: a close waits for this consent, then deletes what it stored
    const [held] = await tx.$queryRaw<{ status: string; opensOn: Date; closesOn: Date }[]>`
      SELECT status::text AS status, "opensOn", "closesOn" FROM "SurveyCycle" WHERE id = ${cycle.id} FOR SHARE`;
    if (!held || !isAcceptingAnswers(held)) return null;
    const existing = await tx.surveyResponse.findUnique({
      where: { cycleId_organisationId: { cycleId: cycle.id, organisationId: actor.organisationId } },
      select: { id: true, status: true },
    });
    if (existing && existing.status !== "WITHDRAWN") return { responseId: existing.id, prefilled: false };
    const lastYear = await tx.surveyResponse.findFirst({
      where: {
        organisationId: actor.organisationId,
        status: "SUBMITTED",
        cycle: { councilId: cycle.councilId, year: { lt: cycle.year } },
      },
      orderBy: { cycle: { year: "desc" } },
      select: { ...responseSelect, id: true },
    });
    // Last year's answers are someone's to start from only if they may see them: the colleague who gave them
    // or an owner. Anyone else starts with a blank form.
    const previous = lastYear && mayUseAnswers(lastYear, actor) ? lastYear : null;
    const carried = previous
      ? {
          staffHeadcountBand: previous.staffHeadcountBand,
          turnoverBand: previous.turnoverBand,
          balanceSheetBand: previous.balanceSheetBand,
          derivedSize: previous.derivedSize,
          barriers: previous.barriers,
          barriersOther: previous.barriersOther,
          councilCouldDo: previous.councilCouldDo,
          meetTheBuyerInterest: previous.meetTheBuyerInterest,
          // consent to be contacted is asked afresh each year, never ticked in advance; the contact details
          // are kept ready in case the answer is yes again
          contactName: previous.contactName,
          contactEmail: previous.contactEmail,
        }
      : {};
    const data = {
      ...carried,
      status: "IN_PROGRESS" as const,
      consentGivenAt: new Date(),
      submittedAt: null,
      resumeAt: null,
      respondentUserId: actor.userId,
    };
    const response = existing
      ? await tx.surveyResponse.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.surveyResponse.create({
          data: { ...data, cycleId: cycle.id, organisationId: actor.organisationId },
          select: { id: true },
        });
    if (previous) await copyProtectedAnswers(tx, previous.id, response.id);
    await writeSurveyResponseAudit(
      {
        actorUserId: actor.userId,
        action: "survey.consent",
        entityId: response.id,
        details: { prefilled: Boolean(previous) },
        ipAddress: actor.ipAddress,
      },
      tx,
    );
    return { responseId: response.id, prefilled: Boolean(previous) };
  });
}

// Holds the response for a change, and says whether it is still there to change: a page read just before the
// business withdrew must not store answers (or send them) after the withdrawal. Saving, sending and withdrawing
// each take this lock first, so they happen one after the other.
async function lockUnwithdrawn(tx: Tx, responseId: string) {
  const status = await lockedStatus(tx, responseId);
  return status !== null && status !== "WITHDRAWN";
}

async function lockedStatus(tx: Tx, responseId: string) {
  const [row] = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM "SurveyResponse" WHERE id = ${responseId} FOR UPDATE`;
  return row?.status ?? null;
}

// Holds the response's cycle open while answers are stored, sent or withdrawn: a page read just before an officer
// closed the cycle (or the closing job ran) must not change answers after the close, which deletes the answers
// never sent; the close waits for this hold, then deletes what this stored. Taken before the response's own lock,
// in the order the close takes them. False when the cycle no longer takes answers.
async function holdCycleOpen(tx: Tx, responseId: string) {
  const [cycle] = await tx.$queryRaw<{ status: string; opensOn: Date; closesOn: Date }[]>`
    SELECT c.status::text AS status, c."opensOn", c."closesOn"
    FROM "SurveyCycle" c JOIN "SurveyResponse" r ON r."cycleId" = c.id
    WHERE r.id = ${responseId}
    FOR SHARE OF c`;
  return cycle !== undefined && isAcceptingAnswers(cycle);
}

// Whether the business may go on with answers it has not sent: not once the council has rejected it (it is not a
// business the council surveys; it keeps only the answers it had sent, to see, change or withdraw). Held so that a
// rejection at the same moment comes wholly before or after the save or send.
async function mayGoOnAnswering(tx: Tx, responseId: string) {
  const [row] = await tx.$queryRaw<{ status: string }[]>`
    SELECT o.status::text AS status
    FROM "Organisation" o JOIN "SurveyResponse" r ON r."organisationId" = o.id
    WHERE r.id = ${responseId}
    FOR SHARE OF o`;
  return row !== undefined && row.status !== "REJECTED";
}

// Saves one question page. Returns the protected answers after the change (for the next-page choice), or null
// when the response was withdrawn or its cycle closed meanwhile (nothing is stored), or "not-verified" when the
// answers were never sent and the council has rejected the business (nothing is stored). A change to answers already
// sent counts in the council's report at once, so it is logged then (which page, not what).
export async function saveTopicAnswers(
  responseId: string,
  topic: Topic,
  values: Record<string, unknown>,
  actor: { userId: string; ipAddress?: string | null },
): Promise<Record<string, string> | null | "not-verified"> {
  return db.$transaction(async (tx) => {
    if (!(await holdCycleOpen(tx, responseId))) return null;
    if (!(await lockUnwithdrawn(tx, responseId))) return null;
    const before = await answersNow(tx, responseId);
    if (before.status !== "SUBMITTED" && !(await mayGoOnAnswering(tx, responseId))) return "not-verified";
    const stored = await storeTopicAnswers(tx, responseId, topic, values);
    const after = await answersNow(tx, responseId);
    if (after.answers === before.answers) {
      // a page saved as it was ("Save and continue" through answers already given): no change, so sending the
      // answers again is not a change either (submitResponse compares updatedAt with submittedAt) and no
      // "changed" receipt goes out. The raw update puts updatedAt back as it was (Prisma's own would set it to now), as UTC whatever the connection's time zone.
      await tx.$executeRaw`
        UPDATE "SurveyResponse" SET "updatedAt" = (${before.updatedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC')
        WHERE id = ${responseId}`;
      return stored;
    }
    if (before.status === "SUBMITTED")
      await writeSurveyResponseAudit(
        {
          actorUserId: actor.userId,
          action: "survey.response.update",
          entityId: responseId,
          details: { page: topic.slug },
          ipAddress: actor.ipAddress,
        },
        tx,
      );
    return stored;
  });
}

/** Every answer of a response as one text, to tell whether a save changed any, with its status and updatedAt. */
async function answersNow(tx: Tx, responseId: string) {
  const { status, updatedAt, protectedAnswers, ...answers } = await tx.surveyResponse.findUniqueOrThrow({
    where: { id: responseId },
    select: {
      status: true,
      updatedAt: true,
      ...answerColumns,
      protectedAnswers: { select: { answers: true } },
    },
  });
  return { status, updatedAt, answers: JSON.stringify([answers, protectedAnswers?.answers ?? null]) };
}

async function storeTopicAnswers(
  tx: Tx,
  responseId: string,
  topic: Topic,
  values: Record<string, unknown>,
): Promise<Record<string, string>> {
  if (topic.protected) {
    // The response records when its answers last changed (submitResponse compares it with submittedAt).
    await tx.surveyResponse.update({ where: { id: responseId }, data: { updatedAt: new Date() } });
    const changes: Record<string, string | undefined> = {};
    for (const q of topic.questions) changes[q.name] = (values[q.name] as string | undefined) ?? undefined;
    if (topic.slug === "ethnic-group") {
      // A background from another broad group no longer fits: drop it.
      const current = await saveProtectedAnswers(tx, responseId, changes);
      const background = current.ethnicBackground;
      const fits =
        background === PREFER_NOT || backgroundsFor(current.ethnicGroup).some((b) => b.value === background);
      if (background && !fits) return saveProtectedAnswers(tx, responseId, { ethnicBackground: undefined });
      return current;
    }
    return saveProtectedAnswers(tx, responseId, changes);
  }
  const data: Record<string, unknown> = {};
  for (const q of topic.questions) {
    const value = values[q.name];
    if (q.name === "contactConsent") {
      data.contactConsentAnswer = (value as string | undefined) ?? null;
      data.contactConsent = value === "YES";
    } else if (q.kind === "checkbox")
      // each choice once: the report counts a business once per barrier it chose
      data[q.name] = [...new Set((value as string[] | undefined) ?? [])];
    else if (q.preferNotBox && values[`${q.name}PreferNot`] === PREFER_NOT) data[q.name] = PREFER_NOT;
    else data[q.name] = (value as string | undefined) ?? null;
  }
  if (topic.slug === "meet-the-buyer" && values.contactConsent !== "YES") {
    data.contactName = null;
    data.contactEmail = null;
  }
  const updated = await tx.surveyResponse.update({
    where: { id: responseId },
    data,
    select: { staffHeadcountBand: true, turnoverBand: true, balanceSheetBand: true },
  });
  if (topic.slug === "business-size")
    await tx.surveyResponse.update({
      where: { id: responseId },
      data: { derivedSize: classifyFromBands(updated) },
    });
  return {};
}

// Where "Continue the survey" goes next time: a question page's slug, or "check-answers".
// Not an answer: raw SQL leaves updatedAt (when the answers last changed) as it is, where Prisma's update sets it.
export async function rememberResumePoint(responseId: string, resumeAt: string) {
  await db.$executeRaw`UPDATE "SurveyResponse" SET "resumeAt" = ${resumeAt} WHERE id = ${responseId}`;
}

// Sends the answers. A second press of Send (or a resend with nothing changed since) sends no second email
// and writes no "change" entry: the row is locked, so the second request waits for the first and sees it.
export async function submitResponse(
  input: Actor & {
    responseId: string;
    email: string;
    councilId: string;
    cycleId: string;
    year: number;
  },
) {
  return db.$transaction(async (tx) => {
    if (!(await holdCycleOpen(tx, input.responseId))) return { sent: false, closed: true };
    const [current] = await tx.$queryRaw<
      {
        status: string;
        submittedAt: Date | null;
        updatedAt: Date;
        respondentUserId: string | null;
        contactConsent: boolean;
      }[]
    >`
      SELECT status::text AS status, "submittedAt", "updatedAt", "respondentUserId", "contactConsent"
      FROM "SurveyResponse"
      WHERE id = ${input.responseId} AND "organisationId" = ${input.organisationId}
      FOR UPDATE`;
    // deleted (answers never sent) in another window since the page was read: nothing is left to send
    if (!current) return { sent: false, withdrawn: true };
    // withdrawn after the page was read: sending must not bring it back (as an empty response)
    if (current.status === "WITHDRAWN") return { sent: false, withdrawn: true };
    // answers never sent, from a business the council has since rejected: they are not sent (answers it had sent
    // it may still change, and send again for a receipt)
    if (current.status !== "SUBMITTED" && !(await mayGoOnAnswering(tx, input.responseId)))
      return { sent: false, notVerified: true };
    const wasSubmitted = current.status === "SUBMITTED";
    if (wasSubmitted && current.submittedAt && current.updatedAt <= current.submittedAt)
      return { sent: false };
    const now = new Date();
    await tx.surveyResponse.update({
      where: { id: input.responseId, organisationId: input.organisationId },
      // An owner sending a colleague's answers sends them for the business: the colleague who gave them stays
      // the respondent (and keeps seeing them); only answers whose respondent has gone become the sender's.
      data: {
        status: "SUBMITTED",
        submittedAt: now,
        updatedAt: now,
        respondentUserId: current.respondentUserId ?? input.userId,
        // last year's contact details are kept ready in case the answer is yes again: sent without that yes (the
        // page never visited this year), they are not kept, as a "no" on the page does not keep them
        ...(current.contactConsent ? {} : { contactName: null, contactEmail: null }),
      },
    });
    await writeSurveyResponseAudit(
      {
        actorUserId: input.userId,
        action: wasSubmitted ? "survey.response.change" : "survey.response.submit",
        entityId: input.responseId,
        ipAddress: input.ipAddress,
      },
      tx,
    );
    const email = await renderSurveySubmittedEmail({
      ...(await emailBrandingOfCouncil(tx, input.councilId)),
      year: input.year,
      answersUrl: `${appUrl()}/survey/${input.cycleId}`,
      changed: wasSubmitted,
    });
    await enqueueEmail(tx, {
      ...email,
      to: input.email,
      template: "survey-submitted",
      councilId: input.councilId,
    });
    return { sent: true };
  });
}

// Withdrawal deletes every answer of answers sent; only the fact of withdrawal remains. Answers never sent are deleted
// outright, with the response itself: the council never had them, so nothing of them is kept (no "withdrawn" state for
// the business's list or the council's figures to count), and the business may start again as if it never had. The
// audit entry stays, and records which it was. "already" when it was already withdrawn or deleted (the same form sent
// twice): nothing is done or logged again. "closed" when the survey stopped taking answers since the page was read:
// like a change, a withdrawal is never made after the close (the report counts the answers sent).
export async function withdrawResponse(
  input: Actor & { responseId: string },
): Promise<"withdrawn" | "deleted" | "already" | "closed"> {
  return db.$transaction(async (tx) => {
    if (!(await holdCycleOpen(tx, input.responseId)))
      // answers never sent, deleted meanwhile by the same form sent at the same moment: not a close
      return (await lockedStatus(tx, input.responseId)) === null ? "already" : "closed";
    const status = await lockedStatus(tx, input.responseId);
    if (status === null || status === "WITHDRAWN") return "already";
    const sent = status === "SUBMITTED";
    const { cycleId } = await tx.surveyResponse.findUniqueOrThrow({
      where: { id: input.responseId },
      select: { cycleId: true },
    });
    // logged first: the entry is filed with the response's council and business, read from the response
    await writeSurveyResponseAudit(
      {
        actorUserId: input.userId,
        action: "survey.response.withdraw",
        entityId: input.responseId,
        // answers never sent were deleted, not withdrawn from the council: the form sent again is told the same,
        // found by the cycle once the response is gone
        details: { sent, cycleId },
        ipAddress: input.ipAddress,
      },
      tx,
    );
    await deleteProtectedAnswers(tx, input.responseId);
    if (!sent) {
      await tx.surveyResponse.delete({
        where: { id: input.responseId, organisationId: input.organisationId },
      });
      return "deleted";
    }
    await tx.surveyResponse.update({
      where: { id: input.responseId, organisationId: input.organisationId },
      data: {
        status: "WITHDRAWN",
        submittedAt: null,
        staffHeadcountBand: null,
        turnoverBand: null,
        balanceSheetBand: null,
        derivedSize: null,
        barriers: [],
        barriersOther: null,
        councilCouldDo: null,
        meetTheBuyerInterest: null,
        contactConsentAnswer: null,
        contactConsent: false,
        contactName: null,
        contactEmail: null,
        // where they got to says something about the answers (the ethnic background page follows a group)
        resumeAt: null,
      },
    });
    return "withdrawn";
  });
}

// Whether this person sent the answers now held (and so was emailed a receipt): each send emails whoever sent, and
// an owner can see answers a colleague sent (or send them again). A send from before the answers were withdrawn does
// not count. Answers whose sending was never logged (stored before it was) are taken as sent by their respondent.
export async function sentTheAnswers(response: SentResponse, userId: string) {
  const sends = await sendsOf(response);
  if (sends.length === 0) return response.respondentUserId === userId;
  return sends.some((send) => send.actorUserId === userId);
}

// Whether this person made the last send, the one whose date the survey's first page gives: a colleague who sent
// the answers first was told "You sent your answers on" the day the owner later sent a change.
export async function sentTheAnswersLast(response: SentResponse, userId: string) {
  const sends = await sendsOf(response);
  if (sends.length === 0) return response.respondentUserId === userId;
  return sends.at(-1)!.actorUserId === userId;
}

type SentResponse = { id: string; consentGivenAt: Date | null; respondentUserId: string | null };

function sendsOf(response: SentResponse) {
  return db.auditLog.findMany({
    where: {
      entityType: "SurveyResponse",
      entityId: response.id,
      action: { in: ["survey.response.submit", "survey.response.change"] },
      ...(response.consentGivenAt ? { createdAt: { gte: response.consentGivenAt } } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { actorUserId: true },
  });
}

// Whether the business's answers to the cycle were withdrawn (and not given again since): the confirmation page,
// opened from the browser's history after a withdrawal, says so rather than "Page not found".
export async function wereWithdrawn(cycleId: string, organisationId: string) {
  const withdrawn = await db.surveyResponse.count({
    where: { cycleId, organisationId, status: "WITHDRAWN" },
  });
  return withdrawn > 0;
}

// Whether this person withdrew (or deleted) the business's answers moments ago, and whether those had been sent
// (null: not just now): 'Withdraw' sent again (a double click, a form sent again after a slow answer) is answered as
// the first was. Answers never sent leave no response behind: the entry is found by the cycle it records.
export async function withdrewJustNow(cycleId: string, organisationId: string, userId: string) {
  const withdrawn = await db.surveyResponse.findFirst({
    where: { cycleId, organisationId, status: "WITHDRAWN" },
    select: { id: true },
  });
  const entry = await db.auditLog.findFirst({
    where: {
      actorUserId: userId,
      action: "survey.response.withdraw",
      createdAt: { gt: new Date(Date.now() - SENT_TWICE_WINDOW_MS) },
      OR: [
        ...(withdrawn ? [{ entityId: withdrawn.id }] : []),
        { actorOrganisationId: organisationId, details: { path: ["cycleId"], equals: cycleId } },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { details: true },
  });
  if (!entry) return null;
  const details = entry.details as { sent?: boolean } | null;
  // logged before it said: taken as sent, as it was then told
  return { sent: details?.sent ?? true };
}
