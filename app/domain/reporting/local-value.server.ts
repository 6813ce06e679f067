// The records behind the council dashboard's local £ by financial year: each commitment's planned or
// delivered local £ in the year, from the same progress data and rounding as the dashboard's figures, so the
// list adds up to the figure it is opened from.
import { db } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import { financialYearLabel } from "~/domain/contracts/quarters.ts";
import { cached } from "./dashboard-cache.server.ts";
import { awardedCommitments, loadCommitmentProgress } from "./dashboard-progress.server.ts";
import { localValueByCommitmentYear } from "./dashboard-totals.ts";
import type { LocalValueView } from "./local-value-filters.ts";
import { formatHundredths } from "./progress.ts";

export { LOCAL_VALUE_VIEWS, type LocalValueView } from "./local-value-filters.ts";

const PAGE_SIZE = 50;

// Every commitment's local £ in every year, of the contracts the dashboard counts, shared for a minute like it.
function allCommitmentYears(councilId: string, asOf: Date) {
  return cached(`local-value:${councilId}`, async () => {
    const { commitments, quarterly } = await loadCommitmentProgress(awardedCommitments({ councilId }), asOf);
    const byId = new Map(commitments.map((c) => [c.id, c]));
    return localValueByCommitmentYear(commitments, quarterly).map((row) => ({
      ...row,
      commitment: byId.get(row.commitmentId)!,
    }));
  });
}

export async function localValueInYear(
  councilId: string,
  options: { financialYear: number; view: LocalValueView; page: number; asOf?: Date },
) {
  const asOf = options.asOf ?? new Date();
  const [all, settings] = await Promise.all([
    allCommitmentYears(councilId, asOf),
    db.councilSettings.findUnique({
      where: { organisationId: councilId },
      select: { proxyValueSource: true },
    }),
  ]);
  const planned = options.view === "planned";
  // the commitments that add to the figure: those with a plan (or a delivery) in the year
  const counted = all.filter(
    (r) => r.financialYear === options.financialYear && (planned ? r.plannedQuantity : r.deliveredQuantity),
  );
  const contracts = await db.contract.findMany({
    where: { councilId, id: { in: [...new Set(counted.map((r) => r.commitment.contractId))] } },
    select: { id: true, reference: true, title: true },
  });
  const contractById = new Map(contracts.map((k) => [k.id, k]));
  const rows = counted
    .map((r) => ({ ...r, contract: contractById.get(r.commitment.contractId)! }))
    .sort(
      (a, b) =>
        a.contract.reference.localeCompare(b.contract.reference) ||
        a.commitment.measure.code.localeCompare(b.commitment.measure.code) ||
        a.commitmentId.localeCompare(b.commitmentId),
    );
  const pageCount = pageCountOf(rows.length, PAGE_SIZE);
  // a page past the last is kept as asked, with no rows: the page says there is no such page (not the last, unsaid)
  const page = options.page;
  const { skip, take } = pageWindow(page, PAGE_SIZE);
  return {
    financialYear: options.financialYear,
    label: financialYearLabel(options.financialYear),
    view: options.view,
    proxyValueSource: settings?.proxyValueSource ?? null,
    total: formatHundredths(rows.reduce((sum, r) => sum + (planned ? r.planned : r.delivered), 0n)),
    commitments: rows.length,
    contracts: contracts.length,
    page,
    pageCount,
    rows: rows.slice(skip, skip + take).map((r) => ({
      commitmentId: r.commitmentId,
      contract: r.contract,
      measure: {
        code: r.commitment.measure.code,
        name: r.commitment.measure.name,
        unit: r.commitment.measure.unit,
      },
      proxyValueGbp: r.commitment.measure.proxyValueGbp!.toString(),
      quantity: formatHundredths(planned ? r.plannedQuantity : r.deliveredQuantity),
      localValue: formatHundredths(planned ? r.planned : r.delivered),
    })),
  };
}
