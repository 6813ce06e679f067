// What oversight pages say, rendered to HTML from what their real loaders answered (Remix's hooks stand in for
// the router): the compliance trend's quarters with no returns due, and what a case study makes public.
import type { ComponentType } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server.ts";
import {
  previousQuarter,
  quarterLabel,
  quarterOf,
  type FinancialQuarter,
} from "~/domain/contracts/quarters.ts";
import * as dashboardPage from "~/routes/council.dashboard.tsx";
import { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import { sharedCouncilFigures } from "~/ui/charts/council-figures.server.tsx";
import * as impactPage from "~/routes/impact._index.tsx";
import * as managePage from "~/routes/requests.$id.manage.tsx";
import {
  createCategory,
  createContract,
  createCouncil,
  createOrganisation,
  createPledge,
  createReturn,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callLoader } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

async function render(Component: ComponentType, loaderResponse: Response) {
  expect(loaderResponse.status).toBe(200);
  pageData.loaderData = await loaderResponse.json();
  return renderComponent(Component);
}

// The text of the page, without its markup.
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

describe("the council dashboard's compliance trend", () => {
  it("shows a quarter with no returns due as none due, not as 0% on time", async () => {
    // the last quarter that has ended has one return, never submitted and past its due date (a real 0%);
    // the three before it had no returns at all
    const last = previousQuarter(quarterOf(new Date()));
    const quarters: FinancialQuarter[] = [last];
    while (quarters.length < 4) quarters.unshift(previousQuarter(quarters[0]));
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
    });
    await createReturn({
      contractId: contract.id,
      ...last,
      status: "NOT_STARTED",
      dueDate: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000),
    });
    const response = await callLoader(dashboardPage.loader, {
      path: "/council/dashboard",
      cookie: await sessionCookieFor(world.users.officerA.id),
    });
    // the chart as the dashboard draws it (its page receives it drawn: council-figures.server.tsx)
    const { charts } = sharedCouncilFigures(await councilDashboard(world.councilA.id, { top: 75 }));
    expect(charts.compliance.points.map((p) => p.value)).toEqual([null, null, null, 0]);
    const html = await render(dashboardPage.default, response);
    const table = html.slice(
      html.indexOf("Returns due that were first submitted on time, last four quarters"),
    );
    const rows = [
      ...table.matchAll(/<tr[^>]*><th scope="row"[^>]*>([^<]+)<\/th><td[^>]*>([^<]+)<\/td><\/tr>/g),
    ]
      .slice(0, 4)
      .map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ...quarters.slice(0, 3).map((q) => [quarterLabel(q.financialYear, q.quarter), "None due"]),
      [quarterLabel(last.financialYear, last.quarter), "0%"],
    ]);
    expect(text(html)).toContain(
      `${quarterLabel(quarters[0].financialYear, quarters[0].quarter)}: no returns due`,
    );
  });
});

describe("a case study on the public impact page", () => {
  it("shows exactly what the consent hint says it will", async () => {
    const { councilA, vcse, category, district, users } = world;
    const need = await createRequest({
      councilId: councilA.id,
      organisationId: vcse.id,
      categoryId: category.id,
      districtId: district.id,
      createdById: users.vcseOwner.id,
      title: "Paint the community hall",
      description: "Our hall needs two coats of paint before the winter lunch club starts again.",
      quantity: 12,
      status: "FULFILLED",
      showcaseConsent: true,
    });
    await db.request.update({
      where: { id: need.id },
      data: { fulfilledAt: new Date("2026-10-03T12:00:00Z") },
    });

    const manage = text(
      await render(
        managePage.default,
        await callLoader(managePage.loader, {
          path: `/requests/${need.id}/manage`,
          params: { id: need.id },
          cookie: await sessionCookieFor(users.vcseOwner.id),
        }),
      ),
    );
    const hint = manage.slice(manage.indexOf("Show this request as a case study"));

    const impact = text(
      await render(impactPage.default, await callLoader(impactPage.loader, { path: "/impact" })),
    );
    const story = impact.slice(impact.indexOf("Paint the community hall"));
    // each thing the case study shows, and the words the hint uses for it
    const shown: [string, RegExp][] = [
      [vcse.name, /group’s name/],
      ["Paint the community hall", /title/],
      ["Our hall needs two coats of paint before the winter lunch club starts again.", /full description/],
      [category.name, /category/],
      [councilA.name, /council/],
      [district.name, /district/],
      ["Volunteering: 12 hours, met 3 October 2026", /amount and type of help/],
      ["met 3 October 2026", /date it was met/],
    ];
    for (const [value, words] of shown) {
      expect(story, value).toContain(value);
      expect(hint, value).toMatch(words);
    }
    // the council is named beside the district (75075da), and a request with no district shows none
    expect(hint).toMatch(/council and district \(if it has one\)/);
  });
});

describe("the public impact page's chart of categories", () => {
  it("says '1 confirmed pledge in 1 category', not '1 confirmed pledges across 1 categories'", async () => {
    const council = await createCouncil({ name: "Singular Borough Council" });
    const group = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const category = await createCategory(council.id, "Warm spaces");
    const need = await createRequest({
      councilId: council.id,
      organisationId: group.id,
      categoryId: category.id,
      status: "FULFILLED",
    });
    await createPledge({
      requestId: need.id,
      supplierOrganisationId: supplier.id,
      quantity: 4,
      status: "CONFIRMED",
    });
    const impact = text(
      await render(impactPage.default, await callLoader(impactPage.loader, { path: "/impact" })),
    );
    const section = impact.slice(impact.indexOf("Singular Borough Council"));
    expect(section).toContain("1 confirmed pledge in 1 category.");
  });
});
