// Commitments with target, plan to date, delivered to date, percentage and status, for officers and suppliers.
import { Link } from "@remix-run/react";
import { formatMeasureQuantity } from "~/domain/contracts/labels.ts";
import { progressStatus, type Progress } from "~/domain/reporting/progress.ts";
import {
  formatDeliveredToDate,
  formatPlanToDate,
  formatProgressPercent,
} from "~/domain/reporting/progress-format.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { RagTag } from "~/ui/charts/rag-tag.tsx";
import { Table } from "~/ui/components.tsx";

export type CommitmentRow = {
  id: string;
  measure: { code: string; name: string; unit: MeasureUnit };
  targetQuantity: string | null;
  qualitativeText: string | null;
  progress: Progress;
};

export function CommitmentProgressTable({
  caption,
  commitments,
  editPath,
}: {
  caption: string;
  commitments: CommitmentRow[];
  editPath?: (id: string) => string;
}) {
  return (
    <Table
      caption={caption}
      rows={commitments}
      rowKey={(c) => c.id}
      empty="No social value commitments are recorded for this contract yet."
      columns={[
        {
          header: "Measure",
          rowHeader: true,
          cell: (c) => (
            <>
              <span className="block text-sm text-muted">{c.measure.code}</span>
              {c.measure.name}
            </>
          ),
        },
        {
          header: "Commitment",
          cell: (c) => {
            if (c.targetQuantity === null) return c.qualitativeText;
            const whole = formatMeasureQuantity(c.measure.unit, c.targetQuantity);
            const p = c.progress;
            // a contract terminated early is held to its plan up to termination (decision 025)
            return p.kind === "numeric" && p.committed !== null && p.committed !== p.target ? (
              <>
                {whole}
                <span className="block text-sm text-muted">
                  {formatMeasureQuantity(c.measure.unit, p.committed)} up to its termination
                </span>
              </>
            ) : (
              whole
            );
          },
        },
        {
          header: "Plan to date",
          numeric: true,
          cell: (c) => formatPlanToDate(c.progress, c.measure.unit),
        },
        {
          header: "Delivered to date",
          numeric: true,
          cell: (c) => formatDeliveredToDate(c.progress, c.measure.unit),
        },
        {
          // delivered as a share of plan to date, exactly as the progress rule (progress.ts) works it out
          header: "Percentage",
          numeric: true,
          cell: (c) => formatProgressPercent(c.progress),
        },
        {
          // the same words and colours as the return pages, dashboards and reports: "Red: Behind"
          header: "Status",
          cell: (c) => <RagTag status={progressStatus(c.progress)} />,
        },
        ...(editPath
          ? [
              {
                header: <span className="sr-only">Actions</span>,
                cell: (c: CommitmentRow) => (
                  <Link to={editPath(c.id)}>
                    Change<span className="sr-only"> commitment {c.measure.code}</span>
                  </Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
