// The council dashboard's figures drawn as HTML once, when the once-a-minute shared figures are worked out, for the
// route to put in each view (decisions 029 and 044). The page has no scripts (its route's `handle` says
// `hydrate: false`, app/root.tsx), so this HTML is not also sent as hydration data.
//
// Safe to insert: renderToStaticMarkup escapes every text and attribute value it writes, as React does on every
// page, and none of these components sets raw HTML itself, so names, titles and anything else a user typed reach
// the page as text, never as markup.
import { renderToStaticMarkup } from "react-dom/server";
import type { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import { onTimePercent } from "~/domain/reporting/dashboard-totals.ts";
import { barChart, comparisonChart, lineChart } from "./geometry.server.ts";
import {
  ComplianceFigures,
  DeliveryFigures,
  KpiFigures,
  MarketplaceFigures,
  TopContractsTable,
  handOverFiguresHtml,
  type CouncilFiguresHtml,
  type CouncilCharts,
  type CouncilFigures,
  type FiguresProps,
} from "./council-figures.tsx";

export function chartsOf(dashboard: Awaited<ReturnType<typeof councilDashboard>>) {
  return {
    compliance: lineChart(
      dashboard.compliance.map((q) => ({ label: q.label, value: onTimePercent(q) })),
      100,
    ),
    localValue: comparisonChart(
      dashboard.topContracts
        .filter((k) => k.local.measures > 0)
        .slice(0, 10)
        .map((k) => ({
          label: `${k.reference} ${k.title}`,
          committed: Number(k.local.committed),
          delivered: Number(k.local.delivered),
        })),
    ),
    measures: barChart(
      dashboard.measures
        .filter((m) => m.percent !== null)
        .map((m) => ({ label: `${m.name} (${m.code})`, value: m.percent! })),
    ),
  };
}

// The figures as the page's data carried them (read back from JSON), their charts, and their HTML for an admin
// and for an officer (who differ only in what a missing local £ source says), drawn on first asking.
export type SharedCouncilFigures = {
  dashboard: CouncilFigures;
  charts: CouncilCharts;
  html: Map<boolean, CouncilFiguresHtml>;
  /** names this minute's figures among those handed over to the page */
  id: number;
};

let drawings = 0;

export function sharedCouncilFigures(
  figures: Awaited<ReturnType<typeof councilDashboard>>,
): SharedCouncilFigures {
  const { dashboard, charts } = JSON.parse(
    JSON.stringify({ dashboard: figures, charts: chartsOf(figures) }),
  ) as {
    dashboard: CouncilFigures;
    charts: CouncilCharts;
  };
  return { dashboard, charts, html: new Map(), id: ++drawings };
}

/** Hands the figures' HTML over to the page (see handOverFiguresHtml) and says under which key. */
export function handOverCouncilFigures(shared: SharedCouncilFigures, councilId: string, isAdmin: boolean) {
  const key = `${shared.id}:${isAdmin ? "admin" : "officer"}`;
  handOverFiguresHtml(key, councilFiguresHtml(shared, councilId, isAdmin));
  return key;
}

export function councilFiguresHtml(shared: SharedCouncilFigures, councilId: string, isAdmin: boolean) {
  const kept = shared.html.get(isAdmin);
  if (kept) return kept;
  const props: FiguresProps = { d: shared.dashboard, charts: shared.charts, councilId, isAdmin };
  // each part's own prefix for the ids React makes (useId: the tables' captions), so no two parts share one
  const html = (part: string, element: React.ReactElement) =>
    renderToStaticMarkup(element, { identifierPrefix: `${part}-` });
  const drawn: CouncilFiguresHtml = {
    kpi: html("kpi", <KpiFigures {...props} />),
    compliance: html("compliance", <ComplianceFigures {...props} />),
    delivery: html("delivery", <DeliveryFigures {...props} />),
    topContracts: html("top-contracts", <TopContractsTable {...props} />),
    marketplace: html("marketplace", <MarketplaceFigures {...props} />),
  };
  shared.html.set(isAdmin, drawn);
  return drawn;
}
