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
import { Table, Tag } from "~/ui/components.tsx";
import { MeasureHelp } from "~/ui/measure-help.tsx";

// A contract still in the pipeline has not been awarded: its commitments are tender promises, so no quarter is
// behind yet and nothing is counted in the dashboards or reports (decision 033).
export const NOT_AWARDED_NOTE =
  "This contract has not been awarded yet. Its commitments are tender promises: delivery is measured against them once it is awarded, and until then it is not counted in the dashboards or reports.";

export type CommitmentRow = {
  id: string;
  measure: { code: string; name: string; unit: MeasureUnit; helpText?: string | null };
  targetQuantity: string | null;
  qualitativeText: string | null;
  progress: Progress;
};

export function CommitmentProgressTable({
  caption,
  commitments,
  editPath,
  notAwarded = false,
}: {
  caption: string;
  commitments: CommitmentRow[];
  editPath?: (id: string) => string;
  /** the contract is in the pipeline: no percentage or status, as nothing is owed yet */
  notAwarded?: boolean;
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
              <MeasureHelp helpText={c.measure.helpText} compact />
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
          cell: (c) => (notAwarded ? "Not counted" : formatProgressPercent(c.progress)),
        },
        {
          // the same words and colours as the return pages, dashboards and reports: "Red: Behind"
          header: "Status",
          cell: (c) =>
            notAwarded ? (
              <Tag colour="grey">Not yet awarded</Tag>
            ) : (
              <RagTag status={progressStatus(c.progress)} />
            ),
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
