// The shared stale-edit notice (app/ui/stale-edit.tsx) for contracts, commitments and measures: their fields read
// as the history of changes reads them, a commitment's target with its unit ("110 hours").
import { readableValue, type StaleEdit } from "~/domain/contracts/history.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { editState as sharedEditState, StaleEditNotice as SharedNotice } from "~/ui/stale-edit.tsx";

export { staleEditMessage } from "~/ui/stale-edit.tsx";

export function editState(
  lastResult: { initialValue?: Record<string, unknown> | null } | undefined,
  read: string,
) {
  const { stale, version } = sharedEditState<StaleEdit>(lastResult, read);
  return { stale, version: version ?? read };
}

export function StaleEditNotice({
  stale,
  what,
  unit = null,
}: {
  stale: StaleEdit;
  what: "contract" | "commitment" | "measure";
  /** a commitment's measure's unit, so its target reads "110 hours" */
  unit?: MeasureUnit | null;
}) {
  const rows = stale.differences.map((d) => ({
    field: d.field,
    label: d.label,
    saved: readableValue(d.field, d.saved, unit) ?? "Not given",
    yours: readableValue(d.field, d.yours, unit) ?? "Not given",
  }));
  return <SharedNotice what={what} rows={rows} />;
}
