// What a table of progress shows beside each measure or contract, written once for the dashboards that show it: the
// council's "Delivery by measure" and top contracts (council-figures.tsx) and a supplier's "By measure, to date" and
// "Your contracts" (app/routes/dashboard.tsx).
import type { ReactNode } from "react";
import { formatMeasureQuantity } from "~/domain/contracts/labels.ts";
import type { QualitativeStatus, Rag } from "~/domain/reporting/progress.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import type { Column } from "~/ui/components.tsx";
import { RagTag, statusCounts } from "./rag-tag.tsx";

type Status = Rag | QualitativeStatus;

/** A measure's row as summariseByMeasure gives it (dashboard-totals.ts), read back from the page's data. */
type MeasureDelivery = {
  unit: string;
  committed: string | null;
  planToDate: string | null;
  delivered: string | null;
  rag: Rag | null;
  statuses: Partial<Record<Status, number>>;
};

const quantity = (unit: string, value: string | null) =>
  value ? formatMeasureQuantity(unit as MeasureUnit, value) : "–";

/** Committed, plan to date, delivered and status: the columns after a measure's name and whose it is. */
export function measureDeliveryColumns<T extends MeasureDelivery>(): Column<T>[] {
  return [
    { header: "Committed", numeric: true, cell: (m) => quantity(m.unit, m.committed) },
    { header: "Plan to date", numeric: true, cell: (m) => quantity(m.unit, m.planToDate) },
    { header: "Delivered", numeric: true, cell: (m) => quantity(m.unit, m.delivered) },
    { header: "Status", cell: (m) => (m.rag ? <RagTag status={m.rag} /> : statusCounts(m.statuses)) },
  ];
}

/** A contract's progress: its worst status as a tag, over how many commitments are at each. */
export function ContractProgress({
  worst,
  statuses,
}: {
  worst: Status | null;
  statuses: Partial<Record<Status, number>>;
}): ReactNode {
  return (
    <>
      <RagTag status={worst} />
      <span className="block text-sm">{statusCounts(statuses)}</span>
    </>
  );
}
