// Loads a cycle's submitted responses (and the previous cycle's) for the aggregate report and exports.
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { readProtectedAnswersForCycle } from "./protected-answers.server.ts";
import { BARRIERS, PREFER_NOT, preferNotChoice } from "./questions.ts";
import { buildReport, NOT_PUBLISHED, numbersExplained, type ReportResponse } from "./report.ts";
import { displayCount, displayPercent, displayTotal } from "./suppression.ts";

type Reader = { userId: string; councilId: string; ipAddress?: string | null };

async function responsesOf(reader: Reader, cycleId: string, purpose: "report" | "export") {
  const rows = await db.surveyResponse.findMany({
    where: { cycleId, status: "SUBMITTED", cycle: { councilId: reader.councilId } },
    select: {
      id: true,
      derivedSize: true,
      barriers: true,
      meetTheBuyerInterest: true,
      contactConsent: true,
      contactConsentAnswer: true,
      councilCouldDo: true,
      barriersOther: true,
    },
  });
  const protectedAnswers = await readProtectedAnswersForCycle({ ...reader, cycleId, purpose });
  return rows.map((r): ReportResponse & { councilCouldDo: string | null; barriersOther: string | null } => ({
    // "Prefer not to say" is stored in the answer's own column: it is not something the business wrote
    councilCouldDo: r.councilCouldDo === PREFER_NOT ? null : r.councilCouldDo,
    barriersOther: r.barriersOther,
    derivedSize: r.derivedSize,
    barriers: r.barriers,
    meetTheBuyerInterest: r.meetTheBuyerInterest,
    contactConsent: r.contactConsent,
    contactConsentAnswer: r.contactConsentAnswer,
    protectedAnswers: protectedAnswers.get(r.id) ?? {},
  }));
}

// Year-on-year compares with the latest earlier cycle that has closed (an open one's figures still move).
export async function previousCycle(councilId: string, year: number) {
  return db.surveyCycle.findFirst({
    where: { councilId, year: { lt: year }, status: "CLOSED" },
    orderBy: { year: "desc" },
    select: { id: true, year: true },
  });
}

type ReportCycle = { id: string; year: number; status: string; anonymisedAt: Date | null };

// The report exists only once the cycle has closed: while it is open, comparing it before and after one
// business's (audited, visible) submission would give that business's answers away.
export function reportAvailable(cycle: { status: string }) {
  return cycle.status === "CLOSED";
}

export async function cycleReport(
  reader: Reader,
  cycle: ReportCycle,
  purpose: "report" | "export" = "report",
) {
  if (!reportAvailable(cycle)) return null;
  const before = await previousCycle(reader.councilId, cycle.year);
  const current = await responsesOf(reader, cycle.id, purpose);
  const previous = before ? await responsesOf(reader, before.id, purpose) : null;
  // totals leave here already suppressed: the exact count of a small cycle never reaches the page's data
  return {
    respondents: displayTotal(current.length),
    previousYear: before?.year ?? null,
    previousRespondents: previous ? displayTotal(previous.length) : null,
    tables: buildReport(current, previous),
    comments: commentsOf(current),
    // what businesses wrote goes at anonymisation: the page says so rather than "No comments"
    commentsDeleted: cycle.anonymisedAt !== null,
  };
}

// What businesses wrote in their own words, for the council to read: in alphabetical order (the order says
// nothing about who wrote what) and only from a cycle with enough answers that a comment is one of many.
export const COMMENTS_FROM = 5;
function commentsOf(responses: { councilCouldDo: string | null; barriersOther: string | null }[]) {
  if (responses.length < COMMENTS_FROM) return null;
  const texts = (pick: (r: (typeof responses)[number]) => string | null) =>
    responses
      .map(pick)
      .filter((text): text is string => Boolean(text?.trim()))
      .sort((a, b) => a.localeCompare(b, "en-GB"));
  return { councilCouldDo: texts((r) => r.councilCouldDo), barriersOther: texts((r) => r.barriersOther) };
}

// The exports are tables for a CSV download (csvTableResponse in app/server/csv-response.server.ts writes them): a
// file name, the header's columns and each row's cells under them.
export async function aggregateCsv(reader: Reader, cycle: ReportCycle) {
  const report = await cycleReport(reader, cycle, "export");
  if (!report) return null;
  const header = [
    "Question",
    "Answer",
    `Count ${cycle.year}`,
    `Percent ${cycle.year}`,
    `Count ${report.previousYear ?? "previous"}`,
    `Percent ${report.previousYear ?? "previous"}`,
    "Change (percentage points)",
  ];
  const rows: unknown[][] = [];
  for (const table of report.tables) {
    if (table.hidden) {
      rows.push([table.title, NOT_PUBLISHED, "", "", "", "", ""]);
      continue;
    }
    for (const row of table.rows)
      rows.push([
        table.title,
        row.label,
        displayCount(row.current),
        displayPercent(row.current),
        row.previous ? displayCount(row.previous) : "",
        row.previous ? displayPercent(row.previous) : "",
        row.change ?? "",
      ]);
  }
  // the year before's total too: its counts and percentages are read against it
  rows.push(["Responses", "Total", report.respondents, "", report.previousRespondents ?? "", "", ""]);
  for (const text of report.comments?.barriersOther ?? [])
    rows.push(["Other barriers (in the business's words)", text, "", "", "", "", ""]);
  for (const text of report.comments?.councilCouldDo ?? [])
    rows.push(["What the council could do (in the business's words)", text, "", "", "", "", ""]);
  for (const text of numbersExplained(report.tables))
    rows.push(["About the numbers", text, "", "", "", "", ""]);
  return { filename: `supplier-survey-${cycle.year}-aggregate.csv`, header, rows };
}

// Businesses that agreed to be contacted: name, contact and barriers only (no protected answers).
export async function contactsCsv(reader: Reader, cycle: { id: string; year: number }) {
  // every choice the barriers question offers, "Prefer not to say" included, in the words the business read
  const labels = new Map([...BARRIERS, preferNotChoice].map((b) => [b.value, b.label]));
  await writeAudit({
    actorUserId: reader.userId,
    organisationId: reader.councilId,
    actorOrganisationId: reader.councilId,
    action: "survey.contacts.export",
    entityType: "SurveyCycle",
    entityId: cycle.id,
    ipAddress: reader.ipAddress ?? null,
  });
  async function* rows() {
    const pageSize = 500;
    for (let skip = 0; ; skip += pageSize) {
      const page = await db.surveyResponse.findMany({
        where: {
          cycleId: cycle.id,
          status: "SUBMITTED",
          contactConsent: true,
          organisationId: { not: null },
          cycle: { councilId: reader.councilId },
        },
        orderBy: { id: "asc" },
        skip,
        take: pageSize,
        select: {
          contactName: true,
          contactEmail: true,
          barriers: true,
          barriersOther: true,
          organisation: { select: { name: true } },
        },
      });
      for (const r of page)
        yield [
          r.organisation?.name ?? "",
          r.contactName ?? "",
          r.contactEmail ?? "",
          r.barriers.map((b) => labels.get(b) ?? b).join("; "),
          r.barriersOther ?? "",
        ];
      if (page.length < pageSize) return;
    }
  }
  return {
    filename: `supplier-survey-${cycle.year}-contacts.csv`,
    header: ["Business", "Contact name", "Contact email", "Barriers", "Other barriers"],
    rows: rows(),
  };
}
