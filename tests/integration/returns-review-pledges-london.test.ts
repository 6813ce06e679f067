// A confirmed pledge with no delivery date is placed in the quarter of the London day it was confirmed, as
// progress counts it. The return page compared the confirmation time with midnight UTC, so in British Summer Time
// a pledge confirmed at 00:30 on 1 July in London was listed on the April–June return (and missing from July's,
// where the supplier would then count it in their own figure too), and one confirmed at 00:30 on 1 April was
// listed on the previous year's January–March return instead of April's.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as returnLoader } from "~/routes/returns.$id._index/route.tsx";
import { createReturn } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";
import { confirmedPledge, createReturnsWorld } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;
type PageData = { page: { lines: { pledges: { id: string }[]; pledgeTotal: string }[] } };

async function confirmedWithoutDeliveryDate(w: World, quantity: number, confirmedAt: Date) {
  const pledge = await confirmedPledge(w, quantity, confirmedAt);
  return db.pledge.update({ where: { id: pledge.id }, data: { deliveredOn: null } });
}

async function hoursLine(w: World, returnId: string) {
  const data = await jsonOf<PageData>(
    await callLoader(returnLoader, {
      path: `/returns/${returnId}`,
      params: { id: returnId },
      cookie: w.cookies.supplierOwner,
    }),
  );
  return data.page.lines[0];
}

describe("a confirmed pledge without a delivery date, confirmed just after midnight in London in summer", () => {
  it("is listed on the return of the quarter holding that London day, and on no other", async () => {
    const w = await createReturnsWorld(); // its return is for April–June 2026
    const q4 = await createReturn({ contractId: w.contract.id, financialYear: 2025, quarter: 4 });
    const q2 = await createReturn({ contractId: w.contract.id, financialYear: 2026, quarter: 2 });
    // 00:30 on 1 April 2026 in London (BST began on 29 March): April–June
    const april = await confirmedWithoutDeliveryDate(w, 5, new Date("2026-03-31T23:30:00Z"));
    // 00:30 on 1 July 2026 in London: July–September
    const july = await confirmedWithoutDeliveryDate(w, 7, new Date("2026-06-30T23:30:00Z"));

    const q1Line = await hoursLine(w, w.kpiReturn.id);
    expect(q1Line.pledges.map((p) => p.id)).toEqual([april.id]);
    expect(q1Line.pledgeTotal).toBe("5");
    const q2Line = await hoursLine(w, q2.id);
    expect(q2Line.pledges.map((p) => p.id)).toEqual([july.id]);
    expect(q2Line.pledgeTotal).toBe("7");
    const q4Line = await hoursLine(w, q4.id);
    expect(q4Line.pledges).toEqual([]);
  });
});
