// Pieces the return pages share: status tags, the progress table, evidence lists, linked pledges, history.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MeasureUnit, ReturnStatus } from "~/generated/prisma/enums.ts";
import { pledgesCanCount } from "~/domain/contracts/measure-help-types.ts";
import type { Progress } from "~/domain/reporting/progress.ts";
import type { AnswerField, ResubmissionChanges } from "~/domain/reporting/returns-changes.ts";
import { progressStatus } from "~/domain/reporting/progress.ts";
import {
  formatDeliveredToDate,
  formatPlanToDate,
  formatProgressPercent,
} from "~/domain/reporting/progress-format.ts";
import {
  formatQuantity,
  type NotOwedReason,
  RETURN_STATUS_COLOURS,
  RETURN_STATUS_LABELS,
} from "~/domain/reporting/returns-rules.ts";
import { countOf } from "~/domain/format.ts";
import { RagTag } from "~/ui/charts/rag-tag.tsx";
import { Table, Tag } from "~/ui/components.tsx";
import { formatDate, formatDateTime } from "~/ui/format.ts";
import { MeasureHelp } from "~/ui/measure-help.tsx";

export function ReturnStatusTag({
  status,
  overdue,
  late,
  notOwed,
}: {
  status: ReturnStatus;
  overdue?: boolean;
  /** first submitted after its due date (daysSubmittedLate), as the dashboard counts it */
  late?: boolean;
  /** with the supplier, and no longer owed: the status of its contract, terminated or put back in the pipeline,
   * or OUTSIDE_TERM for a quarter the contract's term no longer covers */
  notOwed?: NotOwedReason | null;
}) {
  return (
    <span className="inline-flex flex-wrap gap-2">
      <Tag colour={RETURN_STATUS_COLOURS[status]}>{RETURN_STATUS_LABELS[status]}</Tag>
      {overdue ? <Tag colour="red">Overdue</Tag> : null}
      {notOwed ? <Tag colour="grey">{NOT_OWED_LABELS[notOwed]}</Tag> : null}
      {late ? <Tag colour="orange">Submitted late</Tag> : null}
    </span>
  );
}

/**
 * The return page's "Submitted late" row, or none for a return sent by its due date or not yet sent: "38 days after
 * it was due on 30 October 2026"; of a return sent again after a query, when it was first sent.
 */
export function submittedLateRow(page: {
  daysSubmittedLate: number | null;
  dueDate: string;
  resubmitted: boolean;
}) {
  if (page.daysSubmittedLate === null) return [];
  const after = `${countOf(page.daysSubmittedLate, "day", "days")} after it was due on ${formatDate(page.dueDate)}`;
  return [{ key: "Submitted late", value: page.resubmitted ? `First submitted ${after}` : after }];
}

const NOT_OWED_LABELS: Record<NotOwedReason, string> = {
  PIPELINE: "Not owed: contract back in the pipeline",
  TERMINATED: "Not owed: contract terminated",
  ACTIVE: "Not owed: contract active",
  ENDED: "Not owed: contract ended",
  OUTSIDE_TERM: "Not owed: quarter outside the contract's term",
};

type ProgressRow = {
  commitmentId: string;
  measureName: string;
  unit: MeasureUnit;
  progress: Progress | null;
};

/** Delivered vs committed per commitment: the same figures the supplier and the council see. */
export function ProgressTable({
  rows,
  caption = "Progress to date",
}: {
  rows: ProgressRow[];
  caption?: string;
}) {
  return (
    <Table
      caption={caption}
      rows={rows}
      rowKey={(r) => r.commitmentId}
      empty="This contract has no commitments recorded."
      columns={[
        { header: "Commitment", cell: (r) => r.measureName, rowHeader: true },
        {
          header: "Plan to date",
          numeric: true,
          cell: (r) => formatPlanToDate(r.progress, r.unit),
        },
        {
          header: "Delivered to date",
          numeric: true,
          cell: (r) => (
            <>
              {formatDeliveredToDate(r.progress, r.unit)}
              {r.progress?.kind === "numeric" && r.progress.fromPledges !== "0.00" ? (
                <span className="block text-sm text-muted">
                  including {formatQuantity(r.progress.fromPledges, r.unit)} from pledges
                </span>
              ) : null}
            </>
          ),
        },
        {
          header: "Percentage",
          numeric: true,
          cell: (r) => formatProgressPercent(r.progress),
        },
        { header: "Status", cell: (r) => <RagTag status={r.progress ? progressStatus(r.progress) : null} /> },
      ]}
    />
  );
}

export type EvidenceItem = { id: string; originalName: string; sizeBytes: number; sha256: string };

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function EvidenceLinks({ evidenceUrl, files }: { evidenceUrl: string | null; files: EvidenceItem[] }) {
  if (!evidenceUrl && files.length === 0) return <span className="text-muted">No evidence</span>;
  return (
    <ul className="space-y-1">
      {evidenceUrl ? (
        <li>
          <a href={evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
            Evidence link<span className="sr-only"> (opens in a new tab)</span>
          </a>{" "}
          <span className="text-sm break-all text-muted">{evidenceUrl}</span>
        </li>
      ) : null}
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/evidence/${file.id}`}>{file.originalName}</a>{" "}
          <span className="text-sm text-muted">({formatBytes(file.sizeBytes)})</span>
        </li>
      ))}
    </ul>
  );
}

type LinkedPledge = { id: string; requestTitle: string; quantity: string; deliveredOn: string | null };

export function LinkedPledges({
  pledges,
  awaiting,
  total,
  unit,
}: {
  pledges: LinkedPledge[];
  awaiting: LinkedPledge[];
  total: string;
  unit: MeasureUnit;
}) {
  if (pledges.length === 0 && awaiting.length === 0) return null;
  const item = (p: LinkedPledge) => (
    <li key={p.id}>
      {p.requestTitle}: {formatQuantity(p.quantity, unit)}
      {p.deliveredOn ? `, delivered ${formatDate(p.deliveredOn)}` : ""}
    </li>
  );
  return (
    <div className="mb-4 border-l-8 border-line py-2 pl-4">
      {pledges.length ? (
        <>
          <p className="font-bold">
            From confirmed marketplace pledges this quarter: {formatQuantity(total, unit)}
          </p>
          <p className="text-sm text-muted">
            Counted automatically. Do not include these in your own figure.
          </p>
          <ul className="mt-2 list-disc pl-6">{pledges.map(item)}</ul>
        </>
      ) : null}
      {awaiting.length ? (
        <>
          <p className={`font-bold${pledges.length ? " mt-4" : ""}`}>
            Delivered marketplace pledges awaiting the requestor&rsquo;s confirmation
          </p>
          <p className="text-sm text-muted">
            Do not include these in your figure: each will count once the requestor confirms it.
          </p>
          <ul className="mt-2 list-disc pl-6">{awaiting.map(item)}</ul>
        </>
      ) : null}
    </div>
  );
}

/** Who is reading a return: the supplier who sent it is "you", the council reads it as the supplier's. */
export type ReturnReader = "SUPPLIER" | "COUNCIL";

const ownFigure = (reader: ReturnReader) =>
  reader === "SUPPLIER" ? "Your own figure" : "Supplier's own figure";

const ANSWER_LABELS: Record<Exclude<AnswerField, "quantity">, string> = {
  narrative: "What was delivered",
  note: "Note",
  evidenceUrl: "Evidence link",
  evidence: "Evidence files",
};

function answerText(line: ResubmissionChanges["lines"][number], value: string | null) {
  if (value === null)
    return line.field === "quantity" || line.field === "narrative" ? "Not answered" : "None";
  return line.field === "quantity" && line.unit ? formatQuantity(value, line.unit) : value;
}

/** What the supplier changed in a resubmission, answer by answer, before and after. */
export function ReturnChanges({
  changes,
  caption,
  reader,
}: {
  changes: ResubmissionChanges;
  caption: ReactNode;
  reader: ReturnReader;
}) {
  if (!changes.recorded)
    return (
      <p className="text-muted">
        What changed is not known: the version before was sent before the portal kept each submission.
      </p>
    );
  if (changes.lines.length === 0) return <p>No figures, answers or evidence were changed.</p>;
  return (
    <Table
      caption={caption}
      rows={changes.lines}
      rowKey={(l) => `${l.commitmentId}-${l.field}`}
      columns={[
        { header: "Commitment", rowHeader: true, cell: (l) => l.measureName },
        {
          header: "Answer",
          cell: (l) => (l.field === "quantity" ? ownFigure(reader) : ANSWER_LABELS[l.field]),
        },
        {
          header: "Before",
          cell: (l) => <span className="break-words whitespace-pre-line">{answerText(l, l.before)}</span>,
        },
        {
          header: "Now",
          cell: (l) => <span className="break-words whitespace-pre-line">{answerText(l, l.after)}</span>,
        },
      ]}
    />
  );
}

/** "Accepted by Jo Bloggs on 3 December 2026": who accepted a return and when (getReturnPage's `accepted`). */
export function acceptedBy(accepted: { at: string; by: string | null }) {
  return `Accepted by ${accepted.by ?? "a former user"} on ${formatDate(accepted.at)}`;
}

export function ReturnHistory({
  items,
  reader,
}: {
  reader: ReturnReader;
  items: {
    id: string;
    fromStatus: ReturnStatus | null;
    toStatus: ReturnStatus;
    comment: string | null;
    at: string;
    actorName: string;
    // a submission after the first: what the supplier changed since the version before
    changes?: ResubmissionChanges | null;
  }[];
}) {
  return (
    <section aria-labelledby="history-heading" className="mb-8">
      <h2 id="history-heading" className="mb-4 text-2xl font-bold">
        History
      </h2>
      {items.length === 0 ? (
        <p className="text-muted">Nothing has happened to this return yet.</p>
      ) : (
        <ol className="space-y-3 border-l-4 border-line pl-4">
          {items.map((item) => (
            <li key={item.id}>
              <strong>{historyTitle(item.fromStatus, item.toStatus)}</strong>{" "}
              <span className="text-muted">— {formatDateTime(item.at)}</span>
              <span className="block">By {item.actorName}</span>
              {item.comment ? <span className="block whitespace-pre-line">{item.comment}</span> : null}
              {item.changes ? (
                <div className="mt-2">
                  <ReturnChanges
                    changes={item.changes}
                    reader={reader}
                    caption={`Changed since the version before, ${formatDateTime(item.at)}`}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function historyTitle(from: ReturnStatus | null, to: ReturnStatus) {
  if (to === "DRAFT") return "Started";
  if (to === "SUBMITTED") return from === "QUERIED" ? "Resubmitted" : "Submitted";
  if (to === "ACCEPTED") return "Accepted";
  if (to === "QUERIED") return "Queried";
  return RETURN_STATUS_LABELS[to];
}

export function ContractLink({ id, title, reference }: { id: string; title: string; reference: string }) {
  return (
    <Link to={`/contracts/${id}`}>
      {title} ({reference})
    </Link>
  );
}

export type ReturnLineView = {
  commitmentId: string;
  measureName: string;
  /** the measure's guidance on what counts, shown to the supplier and the council alike */
  helpText: string | null;
  unit: MeasureUnit;
  target: string | null;
  qualitativeText: string | null;
  plannedThisQuarter: string | null;
  quantity: string | null;
  narrative: string | null;
  note: string | null;
  evidenceUrl: string | null;
  queryComment: string | null;
  evidence: EvidenceItem[];
  pledges: LinkedPledge[];
  pledgeTotal: string;
  awaitingConfirmation: LinkedPledge[];
};

/** What the commitment promised, in one line. */
export function commitmentSummary(
  line: Pick<ReturnLineView, "unit" | "target" | "qualitativeText" | "plannedThisQuarter">,
) {
  if (line.unit === "QUALITATIVE") return line.qualitativeText ?? "Reported in words";
  const parts = [
    line.target ? `Committed over the contract: ${formatQuantity(line.target, line.unit)}` : null,
    line.plannedThisQuarter
      ? `${line.target ? "planned" : "Planned"} for this quarter: ${formatQuantity(line.plannedThisQuarter, line.unit)}`
      : null,
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : null;
}

/**
 * A return line's heading, what its commitment promised and the measure's guidance, as the supplier's form, the
 * review and the return's own page show them: an h2 where the lines are the page's sections, an h3 under another.
 * The heading's id names the line's section (aria-labelledby).
 */
export function ReturnLineHeading({
  line,
  level,
}: {
  line: Pick<
    ReturnLineView,
    "commitmentId" | "measureName" | "helpText" | "unit" | "target" | "qualitativeText" | "plannedThisQuarter"
  >;
  level: 2 | 3;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  const summary = commitmentSummary(line);
  return (
    <>
      <Heading
        id={`line-${line.commitmentId}-heading`}
        className={`mb-1 ${level === 2 ? "text-2xl" : "text-xl"} font-bold`}
      >
        {line.measureName}
      </Heading>
      {summary ? <p className={`${level === 2 ? "mb-4" : "mb-2"} text-muted`}>{summary}</p> : null}
      <MeasureHelp helpText={line.helpText} />
    </>
  );
}

/** The supplier's answer for one commitment, read-only (council pages and submitted returns). */
export function ReturnLineAnswer({ line, reader }: { line: ReturnLineView; reader: ReturnReader }) {
  const reported =
    line.unit === "QUALITATIVE"
      ? (line.narrative ?? "Not answered")
      : line.quantity !== null
        ? formatQuantity(line.quantity, line.unit)
        : "Not answered";
  return (
    <dl className="mb-4 divide-y divide-line border-y border-line">
      <div className="grid gap-1 py-2 sm:grid-cols-[1fr_2fr] sm:gap-4">
        <dt className="font-bold">
          {line.unit === "QUALITATIVE" ? "What was delivered" : `${ownFigure(reader)} this quarter`}
        </dt>
        <dd className="whitespace-pre-line">{reported}</dd>
      </div>
      {/* not said of a percentage, or a unit no pledge is counted in: "0%" from pledges that never count */}
      {pledgesCanCount(line.unit, line.pledges.length) ? (
        <div className="grid gap-1 py-2 sm:grid-cols-[1fr_2fr] sm:gap-4">
          <dt className="font-bold">From confirmed pledges this quarter</dt>
          <dd>
            {formatQuantity(line.pledgeTotal, line.unit)}
            {line.pledges.length ? (
              <ul className="mt-1 list-disc pl-6 text-sm">
                {line.pledges.map((p) => (
                  <li key={p.id}>
                    {p.requestTitle}: {formatQuantity(p.quantity, line.unit)}
                  </li>
                ))}
              </ul>
            ) : null}
          </dd>
        </div>
      ) : null}
      {line.unit !== "QUALITATIVE" && line.awaitingConfirmation.length ? (
        <div className="grid gap-1 py-2 sm:grid-cols-[1fr_2fr] sm:gap-4">
          <dt className="font-bold">Delivered pledges awaiting the requestor&rsquo;s confirmation</dt>
          <dd>
            Not in the supplier&rsquo;s figure: each counts once confirmed.
            <ul className="mt-1 list-disc pl-6 text-sm">
              {line.awaitingConfirmation.map((p) => (
                <li key={p.id}>
                  {p.requestTitle}: {formatQuantity(p.quantity, line.unit)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
      <div className="grid gap-1 py-2 sm:grid-cols-[1fr_2fr] sm:gap-4">
        <dt className="font-bold">Note</dt>
        <dd className="whitespace-pre-line">{line.note ?? "None"}</dd>
      </div>
      <div className="grid gap-1 py-2 sm:grid-cols-[1fr_2fr] sm:gap-4">
        <dt className="font-bold">Evidence</dt>
        <dd>
          <EvidenceLinks evidenceUrl={line.evidenceUrl} files={line.evidence} />
        </dd>
      </div>
    </dl>
  );
}
