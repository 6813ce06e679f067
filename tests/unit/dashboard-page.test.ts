// The council dashboard page as rendered from its loader's data: what sits beside each figure. The figures are
// drawn as HTML the way the loader draws them once a minute and handed to the page (decision 044); where they were
// not handed over, the page draws them itself from its data.
import { describe, expect, it, vi } from "vitest";
import { handOverCouncilFigures, sharedCouncilFigures } from "~/ui/charts/council-figures.server.tsx";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const { default: CouncilDashboard } = await import("~/routes/council.dashboard.tsx");

const local = (committed: string, delivered: string, measures = 1) => ({
  measures,
  committed,
  planToDate: "0.00",
  delivered,
});

function contract(reference: string, l: ReturnType<typeof local>) {
  return {
    id: `id-${reference}`,
    reference,
    title: `Contract ${reference}`,
    department: "Resources",
    supplier: "Acme Ltd",
    valueGbp: "1000.00",
    commitments: 1,
    statuses: { AMBER: 1 },
    worst: "AMBER",
    local: l,
  };
}

type YearRow = { financialYear: number; label: string; planned: string; delivered: string };

function render(
  proxyValueSource: string | null,
  localValueByYear: YearRow[] = [],
  { handedOver = true }: { handedOver?: boolean } = {},
) {
  // two contracts with local £ and one without: the chart draws two bars
  const topContracts = [
    contract("K1", local("1550.00", "585.13")),
    contract("K2", local("620.00", "17.05")),
    contract("K3", local("0.00", "0.00", 0)),
  ];
  const dashboard = {
    asOf: "2026-11-22T10:00:00.000Z",
    currentQuarter: "Q3 2026/27",
    proxyValueSource,
    awarded: {
      since: "2025-11-22T00:00:00.000Z",
      total: 3,
      withCommitments: 2,
      noAwardDate: 0,
      percent: 66.7,
    },
    compliance: [],
    activity: {
      since: "2025-11-22T00:00:00.000Z",
      opened: 0,
      fulfilled: 0,
      expired: 0,
      medianDaysToFirstPledge: null,
      firstPledgeRequests: 0,
      byHelpType: [],
    },
    measures: [],
    localValue: {
      measures: 1,
      contracts: 2,
      committed: "2170.00",
      planToDate: "1085.00",
      delivered: "602.18",
    },
    localValueByYear,
    contractsWithCommitments: topContracts.length,
    topContracts,
  };
  const shared = sharedCouncilFigures(dashboard as unknown as Parameters<typeof sharedCouncilFigures>[0]);
  pageData.loaderData = {
    councilId: "council-a",
    councilName: "Council A",
    isAdmin: false,
    topInvalid: false,
    topTyped: "75",
    asOf: dashboard.asOf,
    figures: handedOver ? handOverCouncilFigures(shared, "council-a", false) : "no-such-figures",
    drawnFrom: { dashboard: shared.dashboard, charts: shared.charts },
    waiting: { toApprove: 0, toVerify: 0, toReview: 0 },
    requestActions: null,
  };
  return renderComponent(CouncilDashboard);
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the council dashboard page", () => {
  it("labels every local £ figure with where the proxy values come from", () => {
    const html = render("Council proxy values 2026");
    const table = html.slice(html.indexOf("All 3 contracts with commitments, by committed"));
    const header = table.slice(0, table.indexOf("</thead>"));
    expect(text(header)).toMatch(/Committed local £ Source: Council proxy values 2026/);
    const chart = html.slice(html.indexOf('id="local-value-by-contract-title"'));
    const summary = chart.slice(0, chart.indexOf("</figcaption>"));
    expect(text(summary)).toContain("Local £ source: Council proxy values 2026");
    // no source entered: the label says so rather than disappearing
    expect(text(render(null))).toContain(
      "Source: not stated – a council admin can add it in the council settings",
    );
  });

  it("shows each top contract's delivered local £ and RAG, and counts the contracts the chart draws", () => {
    const html = render("Council proxy values 2026");
    const table = html.slice(html.indexOf("All 3 contracts with commitments, by committed"));
    expect(text(table.slice(0, table.indexOf("</thead>")))).toContain("Delivered local £ to date");
    const k1 = table.slice(
      table.indexOf("K1 Contract K1"),
      table.indexOf("</tr>", table.indexOf("K1 Contract K1")),
    );
    expect(text(k1)).toContain("£585.13");
    expect(text(k1)).toContain("Amber");
    const chart = html.slice(html.indexOf('id="local-value-by-contract-title"'));
    expect(text(chart.slice(0, chart.indexOf("</figcaption>")))).toContain("For the 2 largest contracts");
  });

  it("heads each chart's data table with what its rows are", () => {
    const html = render("Council proxy values 2026");
    const headings = (id: string) => {
      const chart = html.slice(html.indexOf(`id="${id}-title"`));
      const head = chart.slice(chart.indexOf("<thead"), chart.indexOf("</thead>"));
      return [...head.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    };
    expect(headings("local-value-by-contract")[0]).toBe("Contract");
    expect(headings("delivery-by-measure")).toEqual(["Measure", "% of plan to date"]);
  });

  it("links each year's local £ planned and delivered to the commitments behind it", () => {
    const html = render("Council proxy values 2026", [
      { financialYear: 2025, label: "2025/26", planned: "155.00", delivered: "124.00" },
      { financialYear: 2026, label: "2026/27", planned: "310.00", delivered: "193.91" },
    ]);
    const table = html.slice(html.indexOf("Local £ planned and delivered by financial year"));
    const row = (label: string) =>
      table.slice(table.indexOf(label), table.indexOf("</tr>", table.indexOf(label)));
    const links = (fragment: string) =>
      [...fragment.matchAll(/<a href="([^"]+)"[^>]*>(.*?)<\/a>/g)].map(([, href, body]) => [
        href.replaceAll("&amp;", "&"),
        text(body).trim(),
      ]);
    expect(links(row("2025/26"))).toEqual([
      [
        "/council/reports/local-value?year=2025&view=planned&council=council-a",
        "£155.00 planned in 2025/26 – see the commitments",
      ],
      [
        "/council/reports/local-value?year=2025&view=delivered&council=council-a",
        "£124.00 delivered in 2025/26 – see the commitments",
      ],
    ]);
    expect(links(row("2026/27"))).toEqual([
      [
        "/council/reports/local-value?year=2026&view=planned&council=council-a",
        "£310.00 planned in 2026/27 – see the commitments",
      ],
      [
        "/council/reports/local-value?year=2026&view=delivered&council=council-a",
        "£193.91 delivered in 2026/27 – see the commitments",
      ],
    ]);
  });

  it("draws the figures itself, the same, when their HTML was not handed over to it", () => {
    const years = [{ financialYear: 2026, label: "2026/27", planned: "310.00", delivered: "193.91" }];
    const handedOver = render("Council proxy values 2026", years);
    // a key under which nothing was handed over: another process drew the loader's figures, or others pushed
    // them out meanwhile. The page was a 500 error.
    const drawnNow = render("Council proxy values 2026", years, { handedOver: false });
    for (const id of ["kpi", "compliance", "delivery", "top-contracts", "marketplace"])
      expect(drawnNow).toMatch(new RegExp(`<section aria-labelledby="${id}" class="mb-10"><h2 id="${id}"`));
    expect(drawnNow).toContain('<caption id="top-contracts-caption"');
    expect(drawnNow).toContain('aria-labelledby="top-contracts-caption"');
    expect(drawnNow).toContain('id="local-value-by-contract-title"');
    expect(text(drawnNow)).toContain("Local £ planned and delivered by financial year");
    expect(text(drawnNow)).toContain("£193.91 delivered in 2026/27 – see the commitments");
    // word for word and element for element what the handed-over HTML shows: only the ids React makes differ
    const ids = (html: string) => html.replace(/(id|aria-labelledby)="[^"]*"/g, '$1=""');
    expect(ids(drawnNow)).toBe(ids(handedOver));
    // every id is still used once, and names what it labels
    const used = [...drawnNow.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(used).size).toBe(used.length);
    for (const [, labelledBy] of drawnNow.matchAll(/aria-labelledby="([^"]+)"/g))
      expect(used).toContain(labelledBy);
  });
});
