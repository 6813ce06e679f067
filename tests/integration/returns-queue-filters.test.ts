// The council's returns queue: a compliance figure from the dashboard narrows "All returns" only; the tabs
// keep the quarter, the contract and "my contracts", and the compliance filter can be cleared on its own.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as returnsLoader } from "~/routes/returns._index.tsx";
import { createContract, createReturn, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

type CouncilList = {
  filters: { queue: string; compliance?: string; quarter?: string };
  complianceLabel: string | null;
  narrowed: string;
  links: {
    queues: { value: string; href: string }[];
    clearCompliance: string;
    showEverything: string;
    mine: string;
  };
  list: { total: number; items: { id: string }[] };
};

let cookie: string;
const ids = { sentLate: "", unsent: "" };

beforeAll(async () => {
  const world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
  const contract = () =>
    createContract({ councilId: world.councilA.id, supplierOrganisationId: world.supplier.id });
  const dueDate = new Date("2026-07-30T00:00:00Z");
  // Q1 2026/27: one return first sent late and waiting for review, one never sent and overdue
  const sentLate = await createReturn({ contractId: (await contract()).id, dueDate, status: "SUBMITTED" });
  await db.kpiReturnEvent.create({
    data: {
      returnId: sentLate.id,
      fromStatus: "DRAFT",
      toStatus: "SUBMITTED",
      createdAt: new Date("2026-08-05T10:00:00Z"),
    },
  });
  await db.kpiReturn.update({
    where: { id: sentLate.id },
    data: { submittedAt: new Date("2026-08-05T10:00:00Z") },
  });
  const unsent = await createReturn({ contractId: (await contract()).id, dueDate, status: "DRAFT" });
  Object.assign(ids, { sentLate: sentLate.id, unsent: unsent.id });
});

async function list(path: string) {
  const response = await callLoader(returnsLoader, { path, cookie });
  expect(response.status).toBe(200);
  return jsonOf<CouncilList>(response);
}

const hrefOf = (data: CouncilList, queue: string) => data.links.queues.find((q) => q.value === queue)!.href;

describe("the council's returns queue, arriving from a dashboard compliance figure", () => {
  it("narrows All returns to the figure's returns, says so and offers to clear just that filter", async () => {
    const data = await list("/returns?queue=all&quarter=2026-Q1&compliance=late");
    expect(data.list.items.map((r) => r.id)).toEqual([ids.sentLate]);
    expect(data.filters.compliance).toBe("late");
    expect(data.complianceLabel).toBe("first submitted late");
    expect(data.links.clearCompliance).toBe("/returns?queue=all&quarter=2026-Q1");
    expect((await list(data.links.clearCompliance)).list.total).toBe(2);
    expect(data.links.showEverything).toBe("/returns?queue=all");
    // "my contracts" is a narrower view of the same figure
    expect(data.links.mine).toBe("/returns?queue=all&mine=1&quarter=2026-Q1&compliance=late");
  });

  it("gives the other tabs the quarter but not the compliance figure", async () => {
    const data = await list("/returns?queue=all&quarter=2026-Q1&compliance=overdue");
    expect(data.list.items.map((r) => r.id)).toEqual([ids.unsent]);
    expect(hrefOf(data, "review")).toBe("/returns?queue=review&quarter=2026-Q1");
    expect(hrefOf(data, "overdue")).toBe("/returns?queue=overdue&quarter=2026-Q1");
    expect(hrefOf(data, "all")).toBe("/returns?queue=all&quarter=2026-Q1&compliance=overdue");
    // following the "To review" tab lists the quarter's submitted return, not an empty list
    const review = await list(hrefOf(data, "review"));
    expect(review.list.items.map((r) => r.id)).toEqual([ids.sentLate]);
  });

  it("ignores a compliance figure on another queue, so the list is what its tab says", async () => {
    const review = await list("/returns?queue=review&quarter=2026-Q1&compliance=overdue");
    expect(review.filters.compliance).toBeUndefined();
    expect(review.complianceLabel).toBeNull();
    expect(review.narrowed).toBe("for Q1 2026/27");
    expect(review.list.items.map((r) => r.id)).toEqual([ids.sentLate]);
    const overdue = await list("/returns?queue=overdue&quarter=2026-Q1&compliance=on-time");
    expect(overdue.filters.compliance).toBeUndefined();
    expect(overdue.list.items.map((r) => r.id)).toEqual([ids.unsent]);
    expect(hrefOf(overdue, "all")).toBe("/returns?queue=all&quarter=2026-Q1");
  });

  it("drops a compliance figure without its quarter", async () => {
    const data = await list("/returns?queue=all&compliance=late");
    expect(data.filters.compliance).toBeUndefined();
    expect(data.list.total).toBe(2);
  });
});
