import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, type ClientLoaderFunctionArgs } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { cached } from "~/domain/reporting/dashboard-cache.server.ts";
import { councilDashboard, councilRequestActions } from "~/domain/reporting/dashboard-council.server.ts";
import { councilWorkQueues } from "~/domain/reporting/dashboard-queues.server.ts";
import { PIPELINE_NOT_COUNTED } from "~/domain/reporting/progress-format.ts";
import { handOverCouncilFigures, sharedCouncilFigures } from "~/ui/charts/council-figures.server.tsx";
import {
  ComplianceFigures,
  DeliveryFigures,
  figureHtmlOr,
  figuresHtmlHandedOver,
  KpiFigures,
  MarketplaceFigures,
  TopContractsTable,
  topContractsTitles,
} from "~/ui/charts/council-figures.tsx";
import { PageHeading, PlainLink } from "~/ui/components.tsx";
import { Button, ErrorSummary, TextInput } from "~/ui/form.tsx";
import { formatDateTime } from "~/ui/format.ts";
import { withCouncil } from "~/ui/charts/record-links.ts";
import { CouncilRequestActions, CouncilWaiting } from "~/ui/requestor-actions.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";

export const meta: MetaFunction = () => [{ title: "Council dashboard – Social Value Marketplace" }];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
// The page has no scripts (app/root.tsx): its links are plain anchors and its one form a GET form, so nothing on it
// needs them, and without them its figures are drawn as HTML once a minute and not also sent as hydration data
// (decisions 029 and 044).
export const handle = { ...actsForNamed("council"), hydrate: false };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // the council named in the link (`council=<id>`), as the reports do, else the header switcher's: someone working
  // for several councils in a partnership reaches each one's dashboard from a link without switching first
  const { membership } = await requireCouncilOf(request, url.searchParams.get("council"));
  const topTyped = url.searchParams.get("top");
  // digits only: Number() would also read "0x10", "1e2" or "" as numbers
  const topParam = topTyped === null ? 75 : /^\s*\d{1,3}\s*$/.test(topTyped) ? Number(topTyped) : NaN;
  const top = Number.isInteger(topParam) && topParam >= 1 && topParam <= 500 ? topParam : 75;
  const councilId = membership.organisationId;
  const [shared, waiting, requestActions] = await Promise.all([
    // the figures, their charts' geometry and their HTML, worked out once a minute and shared
    cached(`council-dashboard:${councilId}:${top}`, async () =>
      sharedCouncilFigures(await councilDashboard(councilId, { top })),
    ),
    // the officer's own queues, read fresh like the requests below: what the officer acts on
    councilWorkQueues(councilId),
    // only the council's own members act for it as a requestor, not a partner's shared staff (decision 011)
    membership.viaCouncil === null ? councilRequestActions(councilId) : null,
  ]);
  const isAdmin = membership.role === "ADMIN";
  return json({
    councilId,
    councilName: membership.organisationName,
    isAdmin,
    topInvalid: top !== topParam,
    // what was typed stays in the box beside its error
    topTyped: top !== topParam ? (topTyped ?? "") : String(top),
    asOf: shared.dashboard.asOf,
    // the figures' HTML is handed over, not sent in the data (council-figures.tsx)
    figures: handOverCouncilFigures(shared, councilId, isAdmin),
    // and the figures it was drawn from, which the page draws itself where the HTML was not handed over (drawn by
    // another process, or pushed out by other drawings meanwhile): a page without its figures is never an error.
    // Plain JSON without markup, so writing it out costs a view little (decision 044).
    drawnFrom: { dashboard: shared.dashboard, charts: shared.charts },
    waiting,
    requestActions,
  });
}

// The page is drawn on the server only: its figures' HTML is handed from the loader to the component in the server's
// process, never sent in the page's data, and the page has no scripts (decision 044). Every other page runs Remix in
// the browser, which would draw this page there, without its figures, when a link or a redirect leads here (the
// header's link, "Back to the dashboard", signing in): such a navigation loads the page whole instead.
export async function clientLoader({ request }: ClientLoaderFunctionArgs): Promise<never> {
  window.location.assign(request.url);
  // the browser leaves this page's scripts behind; until it does, the page being left stays as it is
  return new Promise<never>(() => {});
}

const TOP_ERROR = "Enter how many contracts to show as a whole number from 1 to 500; showing 75";

export default function CouncilDashboard() {
  const {
    councilId,
    councilName,
    isAdmin,
    topInvalid,
    topTyped,
    asOf,
    figures: figuresKey,
    drawnFrom,
    waiting,
    requestActions,
  } = useLoaderData<typeof loader>();
  const html = figuresHtmlHandedOver(figuresKey);
  const figures = { d: drawnFrom.dashboard, charts: drawnFrom.charts, councilId, isAdmin };
  // every link to the council's pages names the council shown, whichever council the header switcher is on
  const forCouncil = (href: string) => withCouncil(href, councilId);
  // The figure sections' contents are HTML drawn once a minute by renderToStaticMarkup, which escapes every text
  // (council-figures.server.tsx): no HTML anyone typed reaches the page as markup. Where it was not handed over,
  // the same figures are drawn here.
  return (
    <>
      <PageHeading caption={councilName}>Council dashboard</PageHeading>
      <ErrorSummary errors={topInvalid ? { top: [TOP_ERROR] } : null} />
      <p className="mb-6 text-muted">
        Figures as at {formatDateTime(asOf)}; they are refreshed every minute.
      </p>
      <nav aria-label="Council tools" className="mb-8">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <PlainLink to={forCouncil("/council/reports")}>Quarterly departmental report</PlainLink>
          </li>
          {isAdmin ? (
            <>
              <li>
                <PlainLink to={forCouncil("/council/settings")}>Council settings</PlainLink>
              </li>
              <li>
                <PlainLink to={forCouncil("/council/guidance")}>Guidance pages</PlainLink>
              </li>
              <li>
                <PlainLink to={forCouncil("/council/audit")}>Audit log</PlainLink>
              </li>
            </>
          ) : null}
        </ul>
      </nav>

      <CouncilWaiting queues={waiting} councilId={councilId} />

      {requestActions ? <CouncilRequestActions actions={requestActions} councilId={councilId} /> : null}

      <section
        aria-labelledby="kpi"
        className="mb-10"
        {...figureHtmlOr(html?.kpi, <KpiFigures {...figures} />)}
      />
      <section
        aria-labelledby="compliance"
        className="mb-10"
        {...figureHtmlOr(html?.compliance, <ComplianceFigures {...figures} />)}
      />
      <section
        aria-labelledby="delivery"
        className="mb-10"
        {...figureHtmlOr(html?.delivery, <DeliveryFigures {...figures} />)}
      />

      <section aria-labelledby="top-contracts" className="mb-10">
        <h2 id="top-contracts" className="mb-4 text-2xl font-bold">
          {topContractsTitles(figures.d.topContracts.length, figures.d.contractsWithCommitments).heading}
        </h2>
        <p className="mb-4 max-w-3xl">{PIPELINE_NOT_COUNTED}</p>
        <Form method="get" className="mb-4 flex flex-wrap items-end gap-4">
          {/* asking for more or fewer contracts stays on the council shown */}
          <input type="hidden" name="council" value={councilId} />
          <TextInput
            name="top"
            label="How many contracts to show"
            hint="1 to 500"
            defaultValue={topTyped}
            inputMode="numeric"
            width="4"
            errors={topInvalid ? [TOP_ERROR] : undefined}
          />
          <div className="mb-6">
            <Button variant="secondary">Show</Button>
          </div>
        </Form>
        <div {...figureHtmlOr(html?.topContracts, <TopContractsTable {...figures} />)} />
      </section>

      <section
        aria-labelledby="marketplace"
        className="mb-10"
        {...figureHtmlOr(html?.marketplace, <MarketplaceFigures {...figures} />)}
      />
    </>
  );
}
