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
    // a supplier the council rejected is not a business it surveys, even with an invitation
    where: { id: organisationId, kind: "SUPPLIER", status: { not: "REJECTED" } },
    select: supplierFactsSelect,
  });
  if (!org) return [];
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
  // them, as it was told) though the council has since changed its area.
  const answered = (c: (typeof cycles)[number]) => c.responses.some((r) => r.status !== "WITHDRAWN");
  return cycles
    .filter((c) => c.invitations.length > 0 || answered(c) || isEligibleByArea(org, councilAreas(c.council)))
    .map((c) => ({
      id: c.id,
      year: c.year,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      councilName: c.council.name,
      accepting: isAcceptingAnswers(c),
      responseStatus: c.responses[0]?.status ?? null,
    }));
}

// The cycle, if this supplier may answer it (null otherwise: the route answers 404).
export async function cycleForRespondent(cycleId: string, organisationId: string) {
  const cycles = await cyclesOpenTo(organisationId);
  const listed = cycles.find((c) => c.id === cycleId);
  if (!listed) return null;
  const cycle = await db.surveyCycle.findUnique({
    where: { id: cycleId },
    select: {
      id: true,
      councilId: true,
      year: true,
      opensOn: true,
      closesOn: true,
      status: true,
      privacyNotice: true,
      dpiaReference: true,
      retentionMonths: true,
      council: { select: { name: true } },
    },
  });
  return cycle ? { ...cycle, accepting: isAcceptingAnswers(cycle) } : null;
}
