// Daily survey housekeeping: closes cycles past their closing date, and once a closed cycle's retention
// period has passed, anonymises its answers — the answers that feed the aggregate report stay, every
// link to the business (organisation, respondent, contact details, free text, invitations) goes.
import { addMonths } from "date-fns";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function closeFinishedCycles(now: Date) {
  const { count } = await db.surveyCycle.updateMany({
    where: { status: "OPEN", closesOn: { lt: new Date(now.getTime() - DAY_MS) } },
    data: { status: "CLOSED", closedAt: now },
  });
  return count;
}

export function retentionEndsOn(cycle: { closesOn: Date; closedAt: Date | null; retentionMonths: number }) {
  const closed = cycle.closedAt && cycle.closedAt < cycle.closesOn ? cycle.closedAt : cycle.closesOn;
  return addMonths(closed, cycle.retentionMonths);
}

export async function anonymiseExpiredCycles(now: Date) {
  const candidates = await db.surveyCycle.findMany({
    where: { status: "CLOSED", anonymisedAt: null },
    select: { id: true, councilId: true, closesOn: true, closedAt: true, retentionMonths: true },
  });
  const due = candidates.filter((c) => retentionEndsOn(c) <= now);
  for (const cycle of due) {
    await db.$transaction(async (tx) => {
      // Unsubmitted and withdrawn responses are not part of the record: nothing of them is kept.
      await tx.surveyResponse.deleteMany({ where: { cycleId: cycle.id, status: { not: "SUBMITTED" } } });
      const { count } = await tx.surveyResponse.updateMany({
        where: { cycleId: cycle.id, anonymisedAt: null },
        data: {
          organisationId: null,
          respondentUserId: null,
          contactConsent: false,
          contactName: null,
          contactEmail: null,
          barriersOther: null,
          councilCouldDo: null,
          anonymisedAt: now,
        },
      });
      await tx.surveyInvitation.deleteMany({ where: { cycleId: cycle.id } });
      await tx.surveyCycle.update({ where: { id: cycle.id }, data: { anonymisedAt: now } });
      await writeAudit(
        {
          actorUserId: null,
          organisationId: cycle.councilId,
          action: "survey.cycle.anonymise",
          entityType: "SurveyCycle",
          entityId: cycle.id,
          details: { responses: count },
        },
        tx,
      );
    });
  }
  return due.length;
}

export async function runSurveyHousekeeping(now: Date) {
  const closed = await closeFinishedCycles(now);
  const anonymised = await anonymiseExpiredCycles(now);
  return { closed, anonymised };
}
