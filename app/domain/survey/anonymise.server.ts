// Daily survey housekeeping: closes cycles past their closing date, and once a closed cycle's retention
// period has passed, anonymises its answers — the answers that feed the aggregate report stay, every
// link to the business (organisation, respondent, contact details, free text, invitations, the receipts emailed to
// those who answered, and the response's id and timestamps, which the audit log records) goes.
import crypto from "node:crypto";
import { addMonths } from "date-fns";
import { londonDay, londonMidnight } from "~/domain/calendar.ts";
import { db, type Tx } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { forEachItem } from "~/jobs/each-item.server.ts";
import { deleteUnsentResponses, moveProtectedAnswers } from "./protected-answers.server.ts";
import { contactConsentAnswerOf } from "./report.ts";
import { keepReachedAtClose } from "./cycles.server.ts";

// Closing also deletes the answers that were never sent, in the same transaction (as closeCycle does), and is
// logged as a close by hand is, with no one as the actor.
export async function closeFinishedCycles(now: Date) {
  return db.$transaction(
    async (tx) => {
      const closed = await tx.surveyCycle.updateManyAndReturn({
        // closed once its closing day is over in London
        where: { status: "OPEN", closesOn: { lt: londonDay(now) } },
        data: { status: "CLOSED", closedAt: now },
        select: { id: true, councilId: true },
      });
      // who each reached, kept before the unsent answers go: its response rate is read against it from now on
      for (const cycle of closed) await keepReachedAtClose(tx, cycle);
      await deleteUnsentResponses(
        tx,
        closed.map((c) => c.id),
      );
      for (const cycle of closed) {
        await writeAudit(
          {
            actorUserId: null,
            organisationId: cycle.councilId,
            actorOrganisationId: null,
            action: "survey.cycle.close",
            entityType: "SurveyCycle",
            entityId: cycle.id,
            details: { reason: "closing date passed" },
          },
          tx,
        );
      }
      return closed.length;
      // each cycle closed reads its council's eligible businesses: more than the default five seconds for many
    },
    { timeout: 60_000 },
  );
}

// The retention period runs from when the survey stopped taking answers: closed by hand, or its closing day over
// in London (the closing day is the last day to answer, so not its first moment).
export function retentionEndsOn(cycle: { closesOn: Date; closedAt: Date | null; retentionMonths: number }) {
  const closingDayOver = londonMidnight(new Date(cycle.closesOn.getTime() + 24 * 60 * 60 * 1000));
  const closed = cycle.closedAt && cycle.closedAt < closingDayOver ? cycle.closedAt : closingDayOver;
  return addMonths(closed, cycle.retentionMonths);
}

/**
 * What a response keeps of its contact once the person to contact is gone (anonymisation, or that person deleting
 * their account): the name and address go; the answer to "may we contact you" stays as given, written out, since
 * the report counts it ("Agreed to be contacted").
 */
export function withoutContactPerson(r: { contactConsentAnswer: string | null; contactConsent: boolean }) {
  return { contactName: null, contactEmail: null, contactConsentAnswer: contactConsentAnswerOf(r) };
}

// The audit log names each response (consent, submission, reads) beside its business, and is kept. So the kept
// answers move to new rows with fresh random ids, in a shuffled order and with no timestamp of their own (only
// the cycle and the time of anonymisation, the same for all), and the originals are deleted.
async function moveToFreshRows(tx: Tx, cycleId: string, now: Date) {
  const kept = await tx.surveyResponse.findMany({
    where: { cycleId, status: "SUBMITTED", anonymisedAt: null },
    select: {
      id: true,
      staffHeadcountBand: true,
      turnoverBand: true,
      balanceSheetBand: true,
      derivedSize: true,
      barriers: true,
      meetTheBuyerInterest: true,
      // reported as "Agreed to be contacted"; the contact details themselves go (withoutContactPerson), and the
      // contacts export only ever lists responses still tied to a business
      contactConsentAnswer: true,
      contactConsent: true,
    },
  });
  const moves = shuffle(kept).map((response) => ({ response, to: crypto.randomUUID() }));
  await tx.surveyResponse.createMany({
    data: moves.map(({ response: { id: _old, ...answers }, to }) => ({
      ...answers,
      ...withoutContactPerson(answers),
      id: to,
      cycleId,
      status: "SUBMITTED" as const,
      consentGivenAt: null,
      submittedAt: null,
      anonymisedAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  });
  await moveProtectedAnswers(
    tx,
    moves.map((m) => ({ from: m.response.id, to: m.to })),
    now,
  );
  await tx.surveyResponse.deleteMany({ where: { id: { in: kept.map((k) => k.id) } } });
}

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export async function anonymiseExpiredCycles(now: Date) {
  const candidates = await db.surveyCycle.findMany({
    where: { status: "CLOSED", anonymisedAt: null },
    orderBy: { id: "asc" },
    select: { id: true, councilId: true, closesOn: true, closedAt: true, retentionMonths: true },
  });
  const due = candidates.filter((c) => retentionEndsOn(c) <= now);
  // a cycle that fails is left whole for the next night; the councils' other cycles still go when due
  const failed = await forEachItem(
    "survey-housekeeping",
    due,
    async (cycle) => {
      await db.$transaction(
        async (tx) => {
          // Unsubmitted and withdrawn responses are not part of the record: nothing of them is kept.
          await deleteUnsentResponses(tx, [cycle.id]);
          await moveToFreshRows(tx, cycle.id, now);
          await tx.surveyInvitation.deleteMany({ where: { cycleId: cycle.id } });
          // Each receipt ("answers received", "answers changed") names a business that answered, and the outbox keeps
          // every email: they go too. Only a receipt links to the cycle's own page.
          await tx.emailOutbox.deleteMany({
            where: {
              template: "survey-submitted",
              councilId: cycle.councilId,
              html: { contains: `/survey/${cycle.id}"` },
            },
          });
          await tx.surveyCycle.update({ where: { id: cycle.id }, data: { anonymisedAt: now } });
          await writeAudit(
            {
              actorUserId: null,
              organisationId: cycle.councilId,
              actorOrganisationId: null,
              action: "survey.cycle.anonymise",
              entityType: "SurveyCycle",
              entityId: cycle.id,
              // no count of the responses kept: every council admin reads the log, and a closed cycle's
              // number of answers is shown only as the report shows it ("<5", decision 007)
            },
            tx,
          );
        },
        { timeout: 120_000 },
      );
    },
    // never the answers an error might quote
    { errorDetails: false },
  );
  return { anonymised: due.length - failed, failed };
}

export async function runSurveyHousekeeping(now: Date) {
  const closed = await closeFinishedCycles(now);
  const { anonymised, failed } = await anonymiseExpiredCycles(now);
  return { closed, anonymised, failed };
}
