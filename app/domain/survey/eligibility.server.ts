// Who may answer a council's survey: SME suppliers whose registered postcode is in the council's area,
// and any business invited by an emailed link.
import { londonDay } from "~/domain/calendar.ts";
import { db } from "~/db.server.ts";
import type { BusinessSize } from "~/generated/prisma/enums.ts";
import { classifyFromBands, isSme, outwardCode } from "./size.ts";

type SupplierFacts = {
  businessSize: BusinessSize | null;
  registeredPostcode: string | null;
  staffHeadcount: number | null;
  turnoverBand: string | null;
  balanceSheetBand: string | null;
};

export function supplierSize(org: SupplierFacts): BusinessSize | null {
  if (org.businessSize) return org.businessSize;
  const staffBand =
    org.staffHeadcount === null
      ? null
      : org.staffHeadcount < 10
        ? "0_9"
        : org.staffHeadcount < 50
          ? "10_49"
          : org.staffHeadcount < 250
            ? "50_249"
            : "250_PLUS";
  return classifyFromBands({
    staffHeadcountBand: staffBand,
    turnoverBand: org.turnoverBand,
    balanceSheetBand: org.balanceSheetBand,
  });
}

// A council's area for the survey: the postcode areas of its active districts (what its officers keep up to date
// on the districts page) and any listed in its settings.
export const councilAreaSelect = {
  councilSettings: { select: { postcodeAreas: true } },
  districts: { where: { active: true }, select: { postcodeAreas: true } },
} as const;

export function councilAreas(council: {
  councilSettings: { postcodeAreas: string[] } | null;
  districts: { postcodeAreas: string[] }[];
}) {
  const areas = [
    ...(council.councilSettings?.postcodeAreas ?? []),
    ...council.districts.flatMap((d) => d.postcodeAreas),
  ];
  return [...new Set(areas.map((a) => a.toUpperCase().replace(/\s+/g, "")))];
}

export function isEligibleByArea(org: SupplierFacts, postcodeAreas: string[]) {
  const outward = outwardCode(org.registeredPostcode);
  const areas = postcodeAreas.map((a) => a.toUpperCase().replace(/\s+/g, ""));
  return isSme(supplierSize(org)) && outward !== null && areas.includes(outward);
}

// Answers are taken only while the cycle is open and between its opening and closing dates.
export function isAcceptingAnswers(
  cycle: { status: string; opensOn: Date; closesOn: Date },
  now = new Date(),
) {
  return (
    cycle.status === "OPEN" &&
    // opening and closing dates are days in London, where the council works
    cycle.opensOn.getTime() <= londonDay(now).getTime() &&
    londonDay(now).getTime() <= cycle.closesOn.getTime()
  );
}

const supplierFactsSelect = {
  businessSize: true,
  registeredPostcode: true,
  staffHeadcount: true,
  turnoverBand: true,
  balanceSheetBand: true,
} as const;

// Open cycles this supplier may answer.
export async function cyclesOpenTo(organisationId: string) {
  const org = await db.organisation.findFirst({
    where: { id: organisationId, kind: "SUPPLIER" },
    select: { ...supplierFactsSelect, status: true },
  });
  if (!org) return [];
  // a supplier the council rejected is not a business it surveys, even with an invitation
  const rejected = org.status === "REJECTED";
  const cycles = await db.surveyCycle.findMany({
    where: { status: "OPEN" },
    orderBy: [{ closesOn: "asc" }],
    select: {
      id: true,
      year: true,
      opensOn: true,
      closesOn: true,
      status: true,
      council: { select: { name: true, ...councilAreaSelect } },
      invitations: { where: { organisationId }, select: { id: true }, take: 1 },
      responses: { where: { organisationId }, select: { status: true, submittedAt: true } },
    },
  });
  // A business that has answered keeps its answers' pages until the survey closes (to see, change or withdraw
  // them, as it was told) though the council has since changed its area, or rejected it (a business may answer
  // while waiting to be verified: rejected, its special category answers stayed with the council out of its reach).
  const answered = (c: (typeof cycles)[number]) => c.responses.some((r) => r.status !== "WITHDRAWN");
  return cycles
    .filter(
      (c) =>
        answered(c) ||
        (!rejected && (c.invitations.length > 0 || isEligibleByArea(org, councilAreas(c.council)))),
    )
    .map((c) => ({
      id: c.id,
      year: c.year,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      councilName: c.council.name,
      accepting: isAcceptingAnswers(c),
      responseStatus: c.responses[0]?.status ?? null,
      // listed only for the answers it gave: answers it never sent can no longer be sent
      rejected,
    }));
}

const respondentCycleSelect = {
  id: true,
  councilId: true,
  year: true,
  opensOn: true,
  closesOn: true,
  status: true,
  closedAt: true,
  privacyNotice: true,
  dpiaReference: true,
  retentionMonths: true,
  council: { select: { name: true, contactEmail: true } },
} as const;

// The day a closed cycle stopped taking answers: its closing date, or the day an officer closed it early.
export function closedOn(cycle: { closesOn: Date; closedAt: Date | null }) {
  const closedDay = cycle.closedAt ? londonDay(cycle.closedAt) : null;
  return closedDay && closedDay < cycle.closesOn ? closedDay : cycle.closesOn;
}

// The cycle, if this supplier may answer it, or may still learn what became of its answers to it now it has closed
// (null otherwise: the route answers 404). "rejected": the council rejected the business, which keeps the pages only
// for answers it gave: it may see, change or withdraw answers it sent, and see or delete answers it never sent.
export async function cycleForRespondent(cycleId: string, organisationId: string) {
  const cycles = await cyclesOpenTo(organisationId);
  const listed = cycles.find((c) => c.id === cycleId);
  if (!listed) return closedCycleFor(cycleId, organisationId);
  const cycle = await db.surveyCycle.findUnique({ where: { id: cycleId }, select: respondentCycleSelect });
  return cycle
    ? { ...cycle, accepting: isAcceptingAnswers(cycle), anonymised: false, rejected: listed.rejected }
    : null;
}

// A closed cycle is still shown (to say it closed, and whether the answers arrived) to a business it was open to:
// one that answered, withdrew or was invited, or one in the council's area, as cyclesOpenTo decides while it runs.
// Once anonymised, answers and invitations are no longer tied to any business: only the area rule can still say.
// Anyone else gets null, so whether a business took part is never shown outside it.
async function closedCycleFor(cycleId: string, organisationId: string) {
  const org = await db.organisation.findFirst({
    where: { id: organisationId, kind: "SUPPLIER" },
    select: { ...supplierFactsSelect, status: true },
  });
  if (!org) return null;
  const cycle = await db.surveyCycle.findFirst({
    where: { id: cycleId, status: "CLOSED" },
    select: { ...respondentCycleSelect, anonymisedAt: true },
  });
  if (!cycle) return null;
  const [invited, answered, council] = await Promise.all([
    db.surveyInvitation.count({ where: { cycleId, organisationId } }),
    db.surveyResponse.count({ where: { cycleId, organisationId } }),
    db.organisation.findUniqueOrThrow({ where: { id: cycle.councilId }, select: councilAreaSelect }),
  ]);
  // a business the council rejected learns only what became of answers it gave
  if (
    org.status === "REJECTED"
      ? answered === 0
      : invited === 0 && answered === 0 && !isEligibleByArea(org, councilAreas(council))
  )
    return null;
  const { anonymisedAt, ...shown } = cycle;
  return {
    ...shown,
    accepting: false,
    anonymised: anonymisedAt !== null,
    rejected: org.status === "REJECTED",
  };
}
