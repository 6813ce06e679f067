// The council dashboard's figures: everything drawn from the once-a-minute shared figures (dashboard-cache.server.ts),
// for one council and one "how many contracts" value. The dashboard draws them as HTML once, when the figures are
// worked out (council-figures.server.tsx), and puts that HTML in each view: the page has no scripts, so nothing
// is hydrated against it (decisions 029 and 044). What a view adds afresh (the header, the form, what is waiting
// for the council, its requests) is drawn by the route.
import type { SerializeFrom } from "@remix-run/node";
import type { ReactNode } from "react";
import { helpTypeLabel, formatQuantity } from "~/domain/marketplace/help-types.ts";
import type { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import { PIPELINE_NOT_COUNTED } from "~/domain/reporting/progress-format.ts";
import { localValueSource } from "~/domain/reporting/local-value-source.ts";
import { InsetText, PlainLink, SummaryList, Table } from "~/ui/components.tsx";
import { countOf, formatDate, formatGbp, formatNumber, plural } from "~/ui/format.ts";
import { BarChart } from "./bar-chart.tsx";
import { ComparisonChart } from "./comparison-chart.tsx";
import { ContractProgress, measureDeliveryColumns } from "./delivery-columns.tsx";
import type { barChart, comparisonChart, lineChart } from "./geometry.server.ts";
import { LineChart } from "./line-chart.tsx";
import { links as reportLinks, withCouncil } from "./record-links.ts";

// The figures' HTML, handed from the route's loader to its component in this process (council-figures.server.tsx):
// not through the page's data, which Remix writes out as JSON and escapes on every view whether or not a script
// sends it (server-runtime's createServerHandoffString), which costs what drawing the figures would (decision 044).
// Held by the key the loader names in the page's data; the last HANDED_OVER of them are kept. A key not found (the
// drawing pushed out by HANDED_OVER others drawn meanwhile, or the page drawn by another process than its loader)
// is no error: the page draws the same figures itself from its data (figureHtmlOr).
export type CouncilFiguresHtml = {
  kpi: string;
  compliance: string;
  delivery: string;
  topContracts: string;
  marketplace: string;
};

const HANDED_OVER = 200;
const handedOver = new Map<string, CouncilFiguresHtml>();

export function handOverFiguresHtml(key: string, html: CouncilFiguresHtml) {
  handedOver.delete(key);
  handedOver.set(key, html);
  if (handedOver.size > HANDED_OVER) handedOver.delete(handedOver.keys().next().value!);
}

/** The figures' HTML handed over under `key`, or undefined where it was not (see above). */
export function figuresHtmlHandedOver(key: string): CouncilFiguresHtml | undefined {
  return handedOver.get(key);
}

/**
 * An element's contents: the figures' HTML handed over, or where there is none the same figures drawn now (React
 * escapes both alike). Spread on the element: `<section {...figureHtmlOr(html?.kpi, <KpiFigures />)} />`.
 */
export function figureHtmlOr(html: string | undefined, drawnNow: ReactNode) {
  return html === undefined ? { children: drawnNow } : { dangerouslySetInnerHTML: { __html: html } };
}

// as the page's data had them: read back from JSON, as the route's component read them before (decision 044)
export type CouncilFigures = SerializeFrom<Awaited<ReturnType<typeof councilDashboard>>>;
export type CouncilCharts = SerializeFrom<{
  compliance: ReturnType<typeof lineChart>;
  localValue: ReturnType<typeof comparisonChart>;
  measures: ReturnType<typeof barChart>;
}>;

export type FiguresProps = {
  d: CouncilFigures;
  charts: CouncilCharts;
  councilId: string;
  isAdmin: boolean;
};

// every link to the council's pages and records names the council shown, so the figures lead to its records
// whichever council the header switcher is on (and the contracts and returns, shared with suppliers, to the
// council's, for whoever also works for one)
function helpersOf({ councilId, isAdmin }: FiguresProps) {
  return {
    forCouncil: (href: string) => withCouncil(href, councilId),
    // shown next to every local £ figure, as the settings page promises
    sourceOf: (source: string | null) => localValueSource(source, isAdmin),
  };
}

// The top contracts' heading and caption count the rows there are, not the number asked for: "Top 75" over 12
// rows read as if 63 were missing.
export function topContractsTitles(shown: number, withCommitments: number) {
  if (shown === 0)
    return {
      heading: "Top contracts by size of commitment",
      caption: "Contracts by committed local £ value",
    };
  // one asked for of several: "Top 1 contracts" read wrong
  if (shown === 1 && withCommitments > 1)
    return {
      heading: "The largest contract by size of commitment",
      caption: "The largest contract by committed local £ value, then contract value",
    };
  if (shown < withCommitments)
    return {
      heading: `Top ${formatNumber(shown)} contracts by size of commitment`,
      caption: `Largest ${formatNumber(shown)} contracts by committed local £ value, then contract value`,
    };
  if (shown === 1)
    return { heading: "The only contract with commitments", caption: "The only contract with commitments" };
  return {
    heading: `All ${formatNumber(shown)} contracts with commitments, by size of commitment`,
    caption: `All ${formatNumber(shown)} contracts with commitments, by committed local £ value, then contract value`,
  };
}

// Of the measures the chart shows (those with a plan to date), in words that agree with the counts: it said
// "0 of 1 measures are on track", and counted measures not yet due that the chart leaves out.
function measuresOnTrack(measures: { rag: string | null; percent: number | null }[]) {
  const rated = measures.filter((m) => m.percent !== null);
  const green = rated.filter((m) => m.rag === "GREEN").length;
  const rule = "(90% of plan to date or more)";
  if (rated.length === 0) return "No measure has a plan to date yet, so none is measured against it.";
  if (rated.length === 1)
    return green === 1
      ? `The one measure with a plan to date is on track ${rule}.`
      : `The one measure with a plan to date is not on track ${rule}.`;
  return `${formatNumber(green)} of ${formatNumber(rated.length)} measures with a plan to date ${plural(green, "is", "are")} on track ${rule}.`;
}

// The median is taken over the requests opened in the year that have been pledged to: when there are none, it
// says why. "No pledges yet" was wrong beside a table of pledges made in the year to requests opened before it.
function noFirstPledge(opened: number, since: string) {
  if (opened === 0) return `Nothing to measure: no request has been opened since ${since}`;
  if (opened === 1) return `Nothing to measure yet: the one request opened since ${since} has no pledge`;
  return `Nothing to measure yet: none of the ${formatNumber(opened)} requests opened since ${since} has a pledge`;
}

const pct = (value: number | null) => (value === null ? "–" : `${formatNumber(value, 1)}%`);

// The sections' contents; the route draws each <section> itself around them.
export function KpiFigures(props: FiguresProps) {
  const { d } = props;
  const { forCouncil } = helpersOf(props);
  return (
    <>
      <h2 id="kpi" className="mb-4 text-2xl font-bold">
        Contracts with social value commitments recorded
      </h2>
      <p className="mb-2 text-5xl font-bold">{pct(d.awarded.percent)}</p>
      {d.awarded.total === 0 ? (
        // "0 of 0 contracts … have commitments recorded", with links to three empty lists, said nothing
        <p className="mb-4">
          No contract has been awarded since {formatDate(d.awarded.since)}, so there is nothing to measure
          yet. The figure counts contracts by their award date.
        </p>
      ) : (
        <p className="mb-4">
          <PlainLink to={forCouncil(reportLinks.awardedContracts(d.awarded.since, "yes"))}>
            {formatNumber(d.awarded.withCommitments)}
          </PlainLink>{" "}
          of{" "}
          <PlainLink to={forCouncil(reportLinks.awardedContracts(d.awarded.since))}>
            {countOf(d.awarded.total, "contract", "contracts")} awarded since {formatDate(d.awarded.since)}
          </PlainLink>{" "}
          {plural(d.awarded.total, "has", "have")} commitments recorded.{" "}
          <PlainLink to={forCouncil(reportLinks.awardedContracts(d.awarded.since, "no"))}>
            See those without
          </PlainLink>
        </p>
      )}
      {d.awarded.noAwardDate > 0 ? (
        <InsetText>
          <p>
            Not counted:{" "}
            <PlainLink to={forCouncil(reportLinks.contractsWithoutAwardDate)}>
              {formatNumber(d.awarded.noAwardDate)} active, ended or terminated{" "}
              {plural(d.awarded.noAwardDate, "contract has", "contracts have")} no award date recorded
            </PlainLink>
            , so this figure may leave out contracts awarded in the last 12 months.
          </p>
        </InsetText>
      ) : null}
    </>
  );
}

export function ComplianceFigures(props: FiguresProps) {
  const { d, charts } = props;
  const { forCouncil } = helpersOf(props);
  const thisQuarter = d.compliance[d.compliance.length - 1];
  return (
    <>
      <h2 id="compliance" className="mb-4 text-2xl font-bold">
        Quarterly KPI returns
      </h2>
      <p className="mb-4 max-w-3xl">
        A return is on time or late by when it was first submitted: one queried and sent again keeps that.
      </p>
      {thisQuarter ? (
        <SummaryList
          rows={[
            ...(
              [
                [`Returns for ${thisQuarter.label}`, "counted", thisQuarter.total],
                ["First submitted on time", "on-time", thisQuarter.onTime],
                ["First submitted late", "late", thisQuarter.late],
                ["Overdue, never submitted", "overdue", thisQuarter.overdue],
                ["Not yet due", "not-yet-due", thisQuarter.notYetDue],
              ] as const
            ).map(([key, bucket, count]) => ({
              key,
              value: (
                <PlainLink to={forCouncil(reportLinks.complianceReturns(thisQuarter, bucket))}>
                  {formatNumber(count)}
                  <span className="sr-only"> – see the returns</span>
                </PlainLink>
              ),
            })),
            {
              key: "With the supplier after the due date, queried ones included",
              value: (
                <PlainLink to={forCouncil(reportLinks.overdueReturnsFor(thisQuarter))}>
                  {formatNumber(thisQuarter.pastDueWithSupplier)}
                  <span className="sr-only">
                    {" "}
                    {plural(thisQuarter.pastDueWithSupplier, "return", "returns")} with the supplier after the
                    due date – see them
                  </span>
                </PlainLink>
              ),
            },
          ]}
        />
      ) : null}
      <LineChart
        id="compliance-trend"
        title="Returns due that were first submitted on time, last four quarters"
        summary={d.compliance
          .map((q) => {
            const due = q.onTime + q.late + q.overdue;
            return due === 0
              ? `${q.label}: no returns due${q.notYetDue ? `, ${q.notYetDue} not yet due` : ""}`
              : `${q.label}: ${q.onTime} of ${due} due first submitted on time, ${q.overdue} overdue, ${q.notYetDue} not yet due`;
          })
          .join("; ")}
        valueHeader="% first submitted on time"
        format={(v) => `${Math.round(v)}%`}
        missing="None due"
        chart={charts.compliance}
      />
    </>
  );
}

export function DeliveryFigures(props: FiguresProps) {
  const { d, charts } = props;
  const { forCouncil, sourceOf } = helpersOf(props);
  return (
    <>
      <h2 id="delivery" className="mb-4 text-2xl font-bold">
        Delivered against committed, all awarded contracts
      </h2>
      <p className="mb-4 max-w-3xl">
        As at {d.currentQuarter}. Plan to date counts quarters that have ended; delivered counts accepted
        returns and confirmed marketplace pledges. Percentage measures are levels and are not added up.{" "}
        {PIPELINE_NOT_COUNTED}
      </p>
      {d.localValue.measures > 0 ? (
        <InsetText>
          <p className="mb-1 text-xl font-bold">
            Local £ value: {formatGbp(d.localValue.delivered)} delivered of{" "}
            {formatGbp(d.localValue.committed)} committed ({formatGbp(d.localValue.planToDate)} planned to
            date)
          </p>
          <p>
            Worked out from the council’s own proxy values for{" "}
            {countOf(d.localValue.measures, "measure", "measures")} in the commitments of{" "}
            <PlainLink to={forCouncil(reportLinks.localValueContracts)}>
              {countOf(d.localValue.contracts, "contract", "contracts")}
            </PlainLink>
            . Source: {sourceOf(d.proxyValueSource)}.
          </p>
        </InsetText>
      ) : null}
      {d.localValue.measures > 0 && d.localValueByYear.length > 0 ? (
        <Table
          stylesOnTable
          caption="Local £ planned and delivered by financial year"
          rows={d.localValueByYear}
          rowKey={(y) => String(y.financialYear)}
          columns={[
            { header: "Financial year", rowHeader: true, cell: (y) => y.label },
            ...(["planned", "delivered"] as const).map((view) => ({
              header: view === "planned" ? "Planned" : "Delivered",
              numeric: true,
              cell: (y: (typeof d.localValueByYear)[number]) =>
                // a year planned for that has not started: "£0.00 delivered" read as a year that failed
                view === "delivered" && y.financialYear > d.currentFinancialYear && !Number(y.delivered) ? (
                  "Not started yet"
                ) : (
                  <PlainLink to={forCouncil(reportLinks.localValueYear(y.financialYear, view))}>
                    {formatGbp(y[view])}
                    {/* one text node, not five: a view sends fewer bytes (decision 044) */}
                    <span className="sr-only">{` ${view} in ${y.label} – see the commitments`}</span>
                  </PlainLink>
                ),
            })),
          ]}
        />
      ) : null}
      {d.localValue.measures > 0 ? (
        <ComparisonChart
          id="local-value-by-contract"
          title="Local £ committed and delivered, largest contracts"
          summary={`For the ${charts.localValue.rows.length} largest ${plural(charts.localValue.rows.length, "contract", "contracts")} by committed local £, the value delivered so far against the value committed over the whole contract. Local £ source: ${sourceOf(d.proxyValueSource)}.`}
          format={(v) => formatGbp(v)}
          labelHeader="Contract"
          chart={charts.localValue}
        />
      ) : null}
      <BarChart
        id="delivery-by-measure"
        title="Delivered as a percentage of plan to date, by measure"
        summary={measuresOnTrack(d.measures)}
        labelHeader="Measure"
        valueHeader="% of plan to date"
        format={(v) => `${formatNumber(v, 1)}%`}
        chart={charts.measures}
      />
      <Table
        stylesOnTable
        caption="Delivery by measure"
        rows={d.measures}
        rowKey={(m) => m.measureId}
        columns={[
          {
            header: "Measure",
            rowHeader: true,
            cell: (m) => (
              <PlainLink to={forCouncil(reportLinks.measureContracts(m.measureId))}>{m.name}</PlainLink>
            ),
          },
          {
            header: "Commitments",
            numeric: true,
            cell: (m) => (
              <PlainLink
                to={forCouncil(reportLinks.measureContracts(m.measureId))}
                aria-label={`${formatNumber(m.commitments)} commitments on ${m.name}: see the contracts`}
              >
                {formatNumber(m.commitments)}
              </PlainLink>
            ),
          },
          ...measureDeliveryColumns<(typeof d.measures)[number]>(),
        ]}
      />
    </>
  );
}

/** The id of the top contracts table's caption, which names the box it scrolls in. */
export const TOP_CONTRACTS_CAPTION_ID = "top-contracts-caption";

/** The top contracts' table, in its box; the route draws the section's heading and form above it. */
export function TopContractsTable(props: FiguresProps) {
  const { d } = props;
  const { sourceOf } = helpersOf(props);
  const topTitles = topContractsTitles(d.topContracts.length, d.contractsWithCommitments);
  return (
    <Table
      stylesOnTable
      captionId={TOP_CONTRACTS_CAPTION_ID}
      caption={topTitles.caption}
      empty="No contracts have commitments recorded yet."
      rows={d.topContracts}
      rowKey={(k) => k.id}
      columns={[
        {
          header: "Contract",
          rowHeader: true,
          cell: (k) => <PlainLink to={reportLinks.contract(k.id)}>{`${k.reference} ${k.title}`}</PlainLink>,
        },
        { header: "Supplier", cell: (k) => k.supplier },
        { header: "Department", cell: (k) => k.department },
        { header: "Value", numeric: true, cell: (k) => formatGbp(k.valueGbp) },
        {
          header: (
            <>
              Committed local £
              <span className="block text-sm font-normal">Source: {sourceOf(d.proxyValueSource)}</span>
            </>
          ),
          numeric: true,
          cell: (k) => (k.local.measures ? formatGbp(k.local.committed) : "–"),
        },
        {
          header: "Delivered local £ to date",
          numeric: true,
          cell: (k) => (k.local.measures ? formatGbp(k.local.delivered) : "–"),
        },
        {
          header: "Progress",
          cell: (k) => <ContractProgress worst={k.worst} statuses={k.statuses} />,
        },
      ]}
    />
  );
}

export function MarketplaceFigures(props: FiguresProps) {
  const { d } = props;
  const { forCouncil } = helpersOf(props);
  return (
    <>
      <h2 id="marketplace" className="mb-4 text-2xl font-bold">
        Marketplace activity since {formatDate(d.activity.since)}
      </h2>
      <SummaryList
        rows={[
          ...(["opened", "fulfilled", "expired"] as const).map((view) => ({
            key: `Requests ${view}`,
            value: (
              <PlainLink to={forCouncil(reportLinks.activityRequests(view, d.activity.since))}>
                {formatNumber(d.activity[view])}
                <span className="sr-only"> – see the requests</span>
              </PlainLink>
            ),
          })),
          {
            key: "Median time to first pledge",
            value:
              d.activity.medianDaysToFirstPledge === null ? (
                noFirstPledge(d.activity.opened, formatDate(d.activity.since))
              ) : (
                <>
                  {formatNumber(d.activity.medianDaysToFirstPledge, 1)} days, over{" "}
                  <PlainLink to={forCouncil(reportLinks.activityRequests("pledged", d.activity.since))}>
                    {countOf(d.activity.firstPledgeRequests, "request", "requests")} opened and pledged to
                  </PlainLink>
                </>
              ),
          },
        ]}
      />
      <Table
        stylesOnTable
        caption="Pledged and confirmed, by type of help"
        rows={d.activity.byHelpType}
        rowKey={(h) => h.helpType}
        empty={`No pledges have been made or confirmed since ${formatDate(d.activity.since)}.`}
        columns={[
          { header: "Type of help", rowHeader: true, cell: (h) => helpTypeLabel(h.helpType) },
          ...(["pledged", "confirmed"] as const).map((view) => ({
            header: view === "pledged" ? "Pledged" : "Confirmed",
            numeric: true,
            cell: (h: (typeof d.activity.byHelpType)[number]) => (
              <PlainLink to={forCouncil(reportLinks.activityPledges(view, h.helpType, d.activity.since))}>
                {formatQuantity(h.helpType, h[view])}
                <span className="sr-only">{` ${view} – see the pledges`}</span>
              </PlainLink>
            ),
          })),
        ]}
      />
    </>
  );
}
