// Loads a cycle's submitted responses (and the previous cycle's) for the aggregate report and exports.
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { readProtectedAnswersForCycle } from "./protected-answers.server.ts";
import { BARRIERS } from "./questions.ts";
import { buildReport, type ReportResponse } from "./report.ts";
import { displayCount, displayPercent } from "./suppression.ts";

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
    },
  });
  const protectedAnswers = await readProtectedAnswersForCycle({ ...reader, cycleId, purpose });
  return rows.map((r): ReportResponse => ({
    derivedSize: r.derivedSize,
    barriers: r.barriers,
    meetTheBuyerInterest: r.meetTheBuyerInterest,
    contactConsent: r.contactConsent,
    protectedAnswers: protectedAnswers.get(r.id) ?? {},
  }));
}

export async function previousCycle(councilId: string, year: number) {
  return db.surveyCycle.findFirst({
    where: { councilId, year: { lt: year } },
    orderBy: { year: "desc" },
    select: { id: true, year: true },
  });
}

export async function cycleReport(
  reader: Reader,
  cycle: { id: string; year: number },
  purpose: "report" | "export" = "report",
) {
  const before = await previousCycle(reader.councilId, cycle.year);
  const current = await responsesOf(reader, cycle.id, purpose);
  const previous = before ? await responsesOf(reader, before.id, purpose) : null;
  return {
    respondents: current.length,
    previousYear: before?.year ?? null,
    previousRespondents: previous?.length ?? null,
    tables: buildReport(current, previous),
  };
}

// A spreadsheet must not run a business name as a formula.
const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function csvResponse(rows: AsyncIterable<unknown[]> | unknown[][], filename: string) {
  const csv = stringify({ cast: { string: neutralise } });
  Readable.from(rows).pipe(csv);
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

export async function aggregateCsv(reader: Reader, cycle: { id: string; year: number }) {
  const report = await cycleReport(reader, cycle, "export");
  const header = [
    "Question",
    "Answer",
    `Count ${cycle.year}`,
    `Percent ${cycle.year}`,
    `Count ${report.previousYear ?? "previous"}`,
    `Percent ${report.previousYear ?? "previous"}`,
    "Change (percentage points)",
  ];
  const rows: unknown[][] = [header];
  for (const table of report.tables) {
    if (table.hidden) {
      rows.push([table.title, "Not published: too few answers to show safely", "", "", "", "", ""]);
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
  rows.push(["Responses", "Total", report.respondents < 5 ? "<5" : report.respondents, "", "", "", ""]);
  return csvResponse(rows, `supplier-survey-${cycle.year}-aggregate.csv`);
}

// Businesses that agreed to be contacted: name, contact and barriers only (no protected answers).
export async function contactsCsv(reader: Reader, cycle: { id: string; year: number }) {
  const labels = new Map(BARRIERS.map((b) => [b.value, b.label]));
  await writeAudit({
    actorUserId: reader.userId,
    organisationId: reader.councilId,
    action: "survey.contacts.export",
    entityType: "SurveyCycle",
    entityId: cycle.id,
    ipAddress: reader.ipAddress ?? null,
  });
  async function* rows() {
    yield ["Business", "Contact name", "Contact email", "Barriers", "Other barriers"];
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
  return csvResponse(rows(), `supplier-survey-${cycle.year}-contacts.csv`);
}
