// Commitments with target, plan to date, delivered to date, percentage and status, for officers and suppliers.
import { Link } from "@remix-run/react";
import { formatMeasureQuantity } from "~/domain/contracts/labels.ts";
import { progressStatus, RAG_LABELS, type Progress } from "~/domain/reporting/progress.ts";
import {
  formatDeliveredToDate,
  formatPlanToDate,
  formatProgressPercent,
} from "~/domain/reporting/progress-format.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { Table, Tag, type TagColour } from "~/ui/components.tsx";

export type CommitmentRow = {
  id: string;
  measure: { code: string; name: string; unit: MeasureUnit };
  targetQuantity: string | null;
  qualitativeText: string | null;
  progress: Progress;
};

const colours: Record<string, TagColour> = {
  GREEN: "green",
  AMBER: "yellow",
  RED: "red",
  NOT_YET_DUE: "grey",
  REPORTED: "green",
  NOT_REPORTED: "grey",
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
          cell: (c) =>
            c.targetQuantity !== null
              ? formatMeasureQuantity(c.measure.unit, c.targetQuantity)
              : c.qualitativeText,
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
          header: "Status",
          cell: (c) => {
            const status = progressStatus(c.progress);
            return <Tag colour={colours[status]}>{RAG_LABELS[status]}</Tag>;
          },
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
