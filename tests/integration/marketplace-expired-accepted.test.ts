// A partly pledged request expires after its needed-by date: what was only on offer is declined, but work its
// requestor accepted goes on. The supplier can still deliver it, the requestor confirm it, and the confirmed
// delivery counts; their pages say so instead of only "closed".
import type { ComponentType } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server.ts";
import { expireRequest } from "~/domain/marketplace/jobs.server.ts";
import { confirmedImpact } from "~/domain/reporting/impact.server.ts";
import { vcseDashboard } from "~/domain/reporting/dashboard-people.server.ts";
import { action as pledgeAction, loader as pledgeLoader } from "~/routes/pledges.$id.tsx";
import { loader as publicLoader } from "~/routes/requests.$id._index.tsx";
import { loader as manageLoader } from "~/routes/requests.$id.manage.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const { default: PledgePage } = await import("~/routes/pledges.$id.tsx");
const { default: ManagePage } = await import("~/routes/requests.$id.manage.tsx");
const { default: RequestPage } = await import("~/routes/requests.$id._index.tsx");

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let requestor: string;
let supplier: string;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
  supplier = await sessionCookieFor(world.users.supplierOwner.id);
});

async function page(
  loader: Parameters<typeof callLoader>[0],
  id: string,
  cookie: string,
  view: ComponentType,
) {
  const response = await callLoader(loader, { path: "/", params: { id }, cookie });
  expect(response.status).toBe(200);
  pageData.loaderData = await jsonOf(response);
  return { data: pageData.loaderData as Record<string, unknown>, html: renderComponent(view) };
}

// Partly pledged: 4 of 10 accepted, 3 more on offer; its needed-by date passed yesterday, and the job expires it.
async function expiredWithAcceptedWork() {
  const yesterday = new Date(Date.now() - 86_400_000);
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    createdById: world.users.vcseOwner.id,
    quantity: 10,
    pledgedQuantity: 7,
    status: "PARTIALLY_PLEDGED",
    neededBy: new Date(`${yesterday.toISOString().slice(0, 10)}T00:00:00Z`),
  });
  const accepted = await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.supplier.id,
    createdById: world.users.supplierOwner.id,
    quantity: 4,
    status: "ACCEPTED",
  });
  const offered = await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.otherSupplier.id,
    quantity: 3,
  });
  const read = await db.request.findUniqueOrThrow({
    where: { id: need.id },
    select: {
      id: true,
      status: true,
      councilId: true,
      quantity: true,
      pledgedQuantity: true,
      neededBy: true,
      extendedAt: true,
    },
  });
  expect(await expireRequest(read, new Date())).toBe(true);
  return { need, accepted, offered };
}

describe("an expired request's accepted pledge", () => {
  it("is left accepted while what was only on offer is declined", async () => {
    const { need, accepted, offered } = await expiredWithAcceptedWork();
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "EXPIRED",
      pledgedQuantity: 4,
    });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe("ACCEPTED");
    expect((await db.pledge.findUniqueOrThrow({ where: { id: offered.id } })).status).toBe("DECLINED");
  });

  it("is still delivered by the supplier and confirmed by the requestor, and then counts", async () => {
    const { need, accepted } = await expiredWithAcceptedWork();
    const before = await confirmedImpact(world.councilA.id);
    const pledgesBefore = before.reduce((sum, row) => sum + row.confirmedPledges, 0);

    const supplierView = await page(pledgeLoader, accepted.id, supplier, PledgePage);
    expect(supplierView.data.roles).toEqual(["SUPPLIER"]);
    expect(supplierView.html).toContain("The request has expired, so it takes no new pledges");
    expect(supplierView.html).toContain("report the delivery when it is done");
    expect(supplierView.html).toContain("Report delivery");

    const reported = await callAction(pledgeAction, {
      path: "/",
      params: { id: accepted.id },
      cookie: supplier,
      form: {
        intent: "reportDelivery",
        deliveredQuantity: "4",
        deliveredOn: today(),
        deliveryNote: "All done",
      },
    });
    expect(reported.status).toBe(302);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe("DELIVERED");
    // the requestor is asked to confirm it, on their dashboard and on the pledge page
    const dashboard = await vcseDashboard(world.vcse.id);
    expect(dashboard.deliveriesToConfirm.map((p) => p.id)).toContain(accepted.id);
    const requestorView = await page(pledgeLoader, accepted.id, requestor, PledgePage);
    expect(requestorView.html).toContain("confirm the delivery when it arrives");
    expect(requestorView.html).toContain("Confirm delivery");

    const confirmed = await callAction(pledgeAction, {
      path: "/",
      params: { id: accepted.id },
      cookie: requestor,
      form: { intent: "confirm", rating: "5" },
    });
    expect(confirmed.status).toBe(302);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe("CONFIRMED");
    // the request stays expired (it was never fully met), and the confirmed delivery counts as delivered
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "EXPIRED",
      pledgedQuantity: 4,
    });
    const after = await confirmedImpact(world.councilA.id);
    expect(after.reduce((sum, row) => sum + row.confirmedPledges, 0)).toBe(pledgesBefore + 1);
    // settled: the pages no longer speak of work going on
    const settled = await page(pledgeLoader, accepted.id, requestor, PledgePage);
    expect(settled.html).not.toContain("The request has expired");
  });

  it("can still be called off by either side, which gives its share back without reopening the request", async () => {
    const { need, accepted } = await expiredWithAcceptedWork();
    const withdrawn = await callAction(pledgeAction, {
      path: "/",
      params: { id: accepted.id },
      cookie: supplier,
      form: { intent: "withdraw", reason: "Our van broke down" },
    });
    expect(withdrawn.status).toBe(302);
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "EXPIRED",
      pledgedQuantity: 0,
    });
  });

  it("is named on the requestor's pages: the request page and the manage page say the work goes on", async () => {
    const { need } = await expiredWithAcceptedWork();
    const manage = await page(manageLoader, need.id, requestor, ManagePage);
    expect(manage.html).toContain("This request has expired, so it takes no new pledges");
    expect(manage.html).toContain("goes on: the accepted pledge can still be delivered.");
    const publicView = await page(publicLoader, need.id, requestor, RequestPage);
    expect(publicView.data.pledgesUnderWay).toBe(1);
    expect(publicView.html).toContain(
      "The pledge accepted before it closed can still be delivered and confirmed.",
    );
    // the supplier that pledged sees the same notice on the request page
    const supplierView = await page(publicLoader, need.id, supplier, RequestPage);
    expect(supplierView.html).toContain("can still be delivered and confirmed");
  });
});
