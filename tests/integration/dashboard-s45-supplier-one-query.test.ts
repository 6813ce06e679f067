// The supplier dashboard read its returns to complete, its pledges to deliver, its offers waiting and which
// suggested requests it had pledged to since in four queries on every view (one of them Prisma's); it now reads
// them in one (decision 048). Each list must still say what it said when read on its own: in its own order, cut at
// ten, counted in full, whatever else the supplier and other suppliers have.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { londonDay } from "~/domain/calendar.ts";
import { db } from "~/db.server.ts";
import {
  createContract,
  createOrganisation,
  createPledge,
  createRequest,
  createReturn,
  createWorld,
} from "../helpers/factories.ts";
import { importWithSharedCache } from "../helpers/shared-cache.ts";

const asOf = new Date();
const today = londonDay(asOf);
// days from today in London: negative ones are past due
const day = (days: number) => new Date(today.getTime() + days * 86_400_000);

let supplierDashboard: typeof import("~/domain/reporting/dashboard-people.server.ts").supplierDashboard;
let supplierId: string;
// what each list should hold, in its order
let returnIds: string[];
let overdue: number;
let deliverIds: string[];

beforeAll(async () => {
  // the delivery figures and suggestions shared for a minute, as in production, so a second view reads only what
  // is fresh
  supplierDashboard = await importWithSharedCache(
    async () => (await import("~/domain/reporting/dashboard-people.server.ts")).supplierDashboard,
  );
  const world = await createWorld();
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
  const other = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
  supplierId = supplier.id;
  // two contracts whose six quarters from April 2025 to September 2026 have ended: 12 returns to complete, due on
  // days from 8 days ago to 3 days ahead, two of them on the same day (ordered then by id)
  const returns: { id: string; dueDate: Date }[] = [];
  for (const c of [0, 1]) {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: supplier.id,
    });
    let q = 0;
    for (const [financialYear, quarter] of [
      [2025, 1],
      [2025, 2],
      [2025, 3],
      [2025, 4],
      [2026, 1],
      [2026, 2],
    ]) {
      const offset = c === 1 && q === 5 ? 0 : c * 6 + q - 8;
      const made = await createReturn({
        contractId: contract.id,
        financialYear,
        quarter,
        status: q % 3 === 0 ? "DRAFT" : q === 4 ? "QUERIED" : "NOT_STARTED",
        dueDate: day(offset),
      });
      returns.push({ id: made.id, dueDate: made.dueDate });
      q++;
    }
  }
  // neither the supplier's sent return nor another supplier's is to complete
  const sent = await createContract({ councilId: world.councilA.id, supplierOrganisationId: supplier.id });
  await createReturn({ contractId: sent.id, status: "SUBMITTED", dueDate: day(-30) });
  const othersContract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: other.id,
  });
  await createReturn({ contractId: othersContract.id, dueDate: day(-30) });
  returns.sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || (a.id < b.id ? -1 : 1));
  returnIds = returns.map((r) => r.id);
  overdue = returns.filter((r) => r.dueDate < today).length;

  const request = (title: string) =>
    createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "OPEN",
      quantity: 1000,
      title,
    });
  // 12 pledges to deliver (accepted, or disputed): 9 expected on days of their own, 3 with no date (last)
  const toDeliver: { id: string; expected: Date | null }[] = [];
  for (let i = 0; i < 12; i++) {
    const r = await request(`To deliver ${i}`);
    const pledge = await createPledge({
      requestId: r.id,
      supplierOrganisationId: supplier.id,
      status: i % 4 === 0 ? "DISPUTED" : "ACCEPTED",
      expectedDeliveryDate: day(40 - i * 3),
    });
    const expected = i < 9 ? pledge.expectedDeliveryDate : null;
    if (!expected) await db.pledge.update({ where: { id: pledge.id }, data: { expectedDeliveryDate: null } });
    toDeliver.push({ id: pledge.id, expected });
  }
  toDeliver.sort((a, b) =>
    a.expected && b.expected
      ? a.expected.getTime() - b.expected.getTime()
      : a.expected
        ? -1
        : b.expected
          ? 1
          : a.id < b.id
            ? -1
            : 1,
  );
  deliverIds = toDeliver.map((p) => p.id);
  // 3 offers waiting for the requestor, one delivered (waiting for it to confirm), and another supplier's
  for (let i = 0; i < 3; i++)
    await createPledge({
      requestId: (await request(`Offered ${i}`)).id,
      supplierOrganisationId: supplier.id,
    });
  await createPledge({
    requestId: (await request("Delivered")).id,
    supplierOrganisationId: supplier.id,
    status: "DELIVERED",
  });
  for (const status of ["OFFERED", "ACCEPTED"] as const)
    await createPledge({
      requestId: (await request(`Other ${status}`)).id,
      supplierOrganisationId: other.id,
      status,
    });
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe("the supplier dashboard read in one query", () => {
  it("lists the ten returns due soonest, counting all twelve and those past due", async () => {
    const s = await supplierDashboard(supplierId, asOf);
    expect(s.returnsDue.map((r) => r.id)).toEqual(returnIds.slice(0, 10));
    expect(s.returnsDueCount).toBe(12);
    expect(s.overdueCount).toBe(overdue);
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(12);
    const first = s.returnsDue[0];
    expect(first.overdue).toBe(true);
    expect(first.contract.reference).toMatch(/^CON-/);
    expect(first.status).toBe("DRAFT");
    expect(s.returnsDue.filter((r) => r.overdue)).toHaveLength(Math.min(overdue, 10));
  });

  it("lists the ten pledges to deliver expected soonest (undated ones last), counting all twelve and the offers", async () => {
    const s = await supplierDashboard(supplierId, asOf);
    expect(s.pledgesToDeliver.map((p) => p.id)).toEqual(deliverIds.slice(0, 10));
    expect(s.pledgesToDeliver[9].expectedDeliveryDate).toBeNull();
    expect(s.pledgesToDeliver[0].request.title).toBe("To deliver 8");
    expect(s.pledgesToDeliver[0].request.helpType).toBe("VOLUNTEERING");
    expect(s.pledgesToDeliver[0].status).toBe("DISPUTED");
    expect(s.pledgesToDeliverCount).toBe(12);
    expect(s.pledgesAwaitingRequestor).toBe(3);
  });

  it("sends one query a view once the shared figures are worked out", async () => {
    await supplierDashboard(supplierId, asOf);
    // every query, raw or Prisma's, takes a connection from the pool
    const checkout = vi.spyOn(pg.Pool.prototype, "connect");
    try {
      await supplierDashboard(supplierId, asOf);
      expect(checkout).toHaveBeenCalledTimes(1);
    } finally {
      checkout.mockRestore();
    }
  });
});
