// What a supplier changed between two submissions of a return: each submission keeps its answers (the
// SUBMITTED history event's submittedLines), and a resubmission is compared with the submission before it,
// the version the contract manager queried. Pure.
import { z } from "zod";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { withoutCredentials } from "./evidence-link.ts";
import { toHundredths } from "./progress.ts";

const submittedLineSchema = z.object({
  commitmentId: z.string(),
  quantity: z.string().nullable(),
  narrative: z.string().nullable(),
  note: z.string().nullable(),
  // a link kept with credentials (sent before the form refused them) is read without them, wherever it is shown
  evidenceUrl: z.string().nullable().transform(withoutCredentials),
  evidence: z.array(z.object({ id: z.string(), name: z.string() })),
});

export type SubmittedLine = z.infer<typeof submittedLineSchema>;

const submittedLinesSchema = z.array(submittedLineSchema);

/** The answers of a submission as stored; null when none were kept (sent before they were) or unreadable. */
export function readSubmittedLines(stored: unknown): SubmittedLine[] | null {
  const parsed = submittedLinesSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** A return's lines as they are sent, to keep with the submission. */
export function submittedLines(
  lines: {
    commitmentId: string;
    quantity: { toFixed(places: number): string } | null;
    narrative: string | null;
    note: string | null;
    evidenceUrl: string | null;
    evidence: { id: string; originalName: string }[];
  }[],
): SubmittedLine[] {
  return lines
    .map((l) => ({
      commitmentId: l.commitmentId,
      quantity: l.quantity?.toFixed(2) ?? null,
      narrative: l.narrative,
      note: l.note,
      evidenceUrl: withoutCredentials(l.evidenceUrl),
      evidence: l.evidence.map((f) => ({ id: f.id, name: f.originalName })),
    }))
    .sort((a, b) => a.commitmentId.localeCompare(b.commitmentId));
}

export type AnswerField = "quantity" | "narrative" | "note" | "evidenceUrl" | "evidence";

export type LineChange = {
  commitmentId: string;
  field: AnswerField;
  before: string | null;
  after: string | null;
};

/** A resubmission's changes as pages show them; not recorded (and no lines) when either version was sent
 * before answers were kept. */
export type ResubmissionChanges = {
  recorded: boolean;
  lines: (LineChange & { measureName: string; unit: MeasureUnit | null })[];
};

const TEXT_FIELDS = ["narrative", "note", "evidenceUrl"] as const;

function sameQuantity(a: string | null, b: string | null) {
  return a === null || b === null ? a === b : toHundredths(a) === toHundredths(b);
}

// Evidence files as the list a reader sees: names, in the order they were added.
function fileNames(files: SubmittedLine["evidence"]) {
  return files.length ? files.map((f) => f.name).join(", ") : null;
}

/** Every answer that differs between two submissions, line by line in `after`'s order, then removed lines. */
export function changesBetween(before: SubmittedLine[], after: SubmittedLine[]): LineChange[] {
  const empty = (commitmentId: string): SubmittedLine => ({
    commitmentId,
    quantity: null,
    narrative: null,
    note: null,
    evidenceUrl: null,
    evidence: [],
  });
  const previous = new Map(before.map((l) => [l.commitmentId, l]));
  const ids = [
    ...after.map((l) => l.commitmentId),
    ...before.map((l) => l.commitmentId).filter((id) => !after.some((l) => l.commitmentId === id)),
  ];
  const current = new Map(after.map((l) => [l.commitmentId, l]));
  const changes: LineChange[] = [];
  for (const id of ids) {
    const was = previous.get(id) ?? empty(id);
    const now = current.get(id) ?? empty(id);
    if (!sameQuantity(was.quantity, now.quantity))
      changes.push({ commitmentId: id, field: "quantity", before: was.quantity, after: now.quantity });
    for (const field of TEXT_FIELDS)
      if (was[field] !== now[field])
        changes.push({ commitmentId: id, field, before: was[field], after: now[field] });
    const wasFiles = was.evidence.map((f) => f.id).join(" ");
    if (wasFiles !== now.evidence.map((f) => f.id).join(" "))
      changes.push({
        commitmentId: id,
        field: "evidence",
        before: fileNames(was.evidence),
        after: fileNames(now.evidence),
      });
  }
  return changes;
}
