// The role-based landing dashboard: suppliers and VCSEs see what needs their action, and only their own.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader } from "~/routes/dashboard.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createPledge,
  createRequest,
  createReturn,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  const { councilA, supplier, otherSupplier, vcse, otherVcse, category } = world;
  const measure = await createMeasure({ councilId: councilA.id, code: "SOC-V", name: "Volunteering hours" });
  const mine = await createContract({
    councilId: councilA.id,
    supplierOrganisationId: supplier.id,
    reference: "MINE-1",
  });
  const theirs = await createContract({
    councilId: councilA.id,
    supplierOrganisationId: otherSupplier.id,
    reference: "THEIRS-1",
  });
  await createCommitment({ contractId: mine.id, measureId: measure.id, targetQuantity: 500 });
  // an overdue return, one due soon, one already accepted, and another supplier's
  await createReturn({
    contractId: mine.id,
    financialYear: 2025,
    quarter: 1,
    status: "NOT_STARTED",
    dueDate: new Date("2025-07-30"),
  });
  await createReturn({ contractId: mine.id, financialYear: 2025, quarter: 2, status: "ACCEPTED" });
  await createReturn({
    contractId: mine.id,
    financialYear: 2025,
    quarter: 3,
    status: "QUERIED",
    dueDate: new Date("2099-01-30"),
  });
  await createReturn({ contractId: theirs.id, financialYear: 2025, quarter: 1, status: "NOT_STARTED" });
  // a terminated contract's returns are no longer owed
  const gone = await createContract({
    councilId: councilA.id,
    supplierOrganisationId: supplier.id,
    reference: "GONE-1",
    status: "TERMINATED",
  });
  await createReturn({
    contractId: gone.id,
    financialYear: 2025,
    quarter: 1,
    status: "NOT_STARTED",
    dueDate: new Date("2025-07-30"),
  });

  const base = { councilId: councilA.id, categoryId: category.id };
  const ours = await createRequest({
    ...base,
    organisationId: vcse.id,
    title: "Our open need",
    quantity: 100,
  });
  const other = await createRequest({
    ...base,
    organisationId: otherVcse.id,
    title: "Another group's need",
    quantity: 100,
  });
  // each pledge: the request, the supplier, its status and quantity
  for (const [request, pledger, status, quantity] of [
    [ours, supplier, "OFFERED", 5],
    [ours, otherSupplier, "DELIVERED", 6],
    [ours, supplier, "ACCEPTED", 7],
    [other, supplier, "ACCEPTED", 8],
    [other, otherSupplier, "OFFERED", 9],
    // disputed: the supplier must report the delivery again, and the group may still confirm it
    [ours, supplier, "DISPUTED", 3],
    [other, otherSupplier, "DISPUTED", 4],
  ] as const)
    await createPledge({ requestId: request.id, supplierOrganisationId: pledger.id, status, quantity });
  await db.request.update({ where: { id: ours.id }, data: { pledgedQuantity: 21 } });
});

async function dashboardFor(who: keyof Awaited<ReturnType<typeof createWorld>>["users"]) {
  const cookie = await sessionCookieFor(world.users[who].id);
  return callLoader(loader, { path: "/dashboard", cookie });
}

describe("supplier dashboard", () => {
  it("lists its own returns to complete and pledges to deliver (disputed ones too), never another supplier's", async () => {
    const response = await dashboardFor("supplierMember");
    expect(response.status).toBe(200);
    const { view, supplier } = await response.json();
    expect(view).toBe("supplier");
    expect(supplier.returnsDueCount).toBe(2);
    expect(supplier.overdueCount).toBe(1);
    expect(
      supplier.returnsDue.map((r: { status: string; overdue: boolean }) => [r.status, r.overdue]),
    ).toEqual([
      ["NOT_STARTED", true],
      ["QUERIED", false],
    ]);
    expect(supplier.pledgesToDeliverCount).toBe(3);
    expect(
      supplier.pledgesToDeliver
        .map((p: { quantity: number; status: string }) => `${p.quantity} ${p.status}`)
        .sort(),
    ).toEqual(["3 DISPUTED", "7 ACCEPTED", "8 ACCEPTED"]);
    expect(supplier.pledgesAwaitingRequestor).toBe(1);
    expect(supplier.contracts.map((k: { reference: string }) => k.reference)).toEqual(["GONE-1", "MINE-1"]);
    expect(JSON.stringify(supplier)).not.toContain("THEIRS-1");
  });
});

describe("VCSE dashboard", () => {
  it("lists pledges awaiting its answer and deliveries to confirm (disputed ones too) on its own requests only", async () => {
    const response = await dashboardFor("vcseMember");
    const { view, vcse } = await response.json();
    expect(view).toBe("vcse");
    expect(vcse.pledgesAwaitingResponseCount).toBe(1);
    expect(vcse.pledgesAwaitingResponse[0].quantity).toBe(5);
    expect(vcse.deliveriesToConfirmCount).toBe(2);
    expect(
      vcse.deliveriesToConfirm
        .map((p: { quantity: number; status: string }) => `${p.quantity} ${p.status}`)
        .sort(),
    ).toEqual(["3 DISPUTED", "6 DELIVERED"]);
    expect(vcse.requests.map((r: { title: string }) => r.title)).toEqual(["Our open need"]);
    expect(vcse.requestsByStatus).toEqual({ OPEN: 1 });
    expect(JSON.stringify(vcse)).not.toContain("Another group's need");
  });
});

describe("who lands where", () => {
  it("sends council staff to the council dashboard and signed-out visitors to sign in", async () => {
    const council = await dashboardFor("officerA");
    expect(council.status).toBe(302);
    expect(council.headers.get("location")).toBe("/council/dashboard");
    const anonymous = await callLoader(loader, { path: "/dashboard" });
    expect(anonymous.headers.get("location")).toMatch(/^\/sign-in/);
  });

  it("tells a user without an organisation how to get one", async () => {
    const response = await dashboardFor("platformAdmin");
    expect((await response.json()).view).toBe("none");
  });
});
