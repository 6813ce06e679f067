// Marketplace pledges beside the supplier's own figure: confirmed ones are counted automatically, and ones
// the supplier has reported delivered but the requestor has not yet confirmed are listed as awaiting
// confirmation, so the supplier leaves them out of its figure (they count once confirmed, never twice).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as returnLoader } from "~/routes/returns.$id._index/route.tsx";
import { loader as reviewLoader } from "~/routes/returns.$id.review.tsx";
import { createPledge, createRequest } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";
import { confirmedPledge, createReturnsWorld } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;
type Linked = { id: string; requestTitle: string; quantity: string; deliveredOn: string | null };
type PageData = {
  page: { lines: { pledges: Linked[]; pledgeTotal: string; awaitingConfirmation: Linked[] }[] };
};

async function deliveredPledge(
  w: World,
  quantity: number,
  deliveredOn: Date,
  supplierOrganisationId = w.supplier.id,
) {
  const request = await createRequest({
    councilId: w.councilA.id,
    organisationId: w.vcse.id,
    categoryId: w.category.id,
    quantity,
    status: "FULLY_PLEDGED",
    title: `Mentoring ${deliveredOn.toISOString().slice(0, 10)}`,
  });
  const pledge = await createPledge({
    requestId: request.id,
    supplierOrganisationId,
    commitmentId: w.hoursCommitment.id,
    quantity,
    status: "DELIVERED",
  });
  return db.pledge.update({ where: { id: pledge.id }, data: { deliveredOn } });
}

describe("pledges awaiting the requestor's confirmation", () => {
  it("are listed apart from confirmed ones, on the supplier's return and the review page", async () => {
    const w = await createReturnsWorld();
    await confirmedPledge(w, 15, new Date("2026-05-10"));
    const awaiting = await deliveredPledge(w, 6, new Date("2026-06-20"));
    await deliveredPledge(w, 9, new Date("2026-07-02")); // delivered after the quarter: not this return's
    await deliveredPledge(w, 4, new Date("2026-06-01"), w.otherSupplier.id); // someone else's
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "SUBMITTED" } });

    const params = { id: w.kpiReturn.id };
    for (const [loader, path, cookie] of [
      [returnLoader, `/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner],
      [reviewLoader, `/returns/${w.kpiReturn.id}/review`, w.cookies.officerA],
    ] as const) {
      const data = await jsonOf<PageData>(await callLoader(loader, { path, params, cookie }));
      const hours = data.page.lines[0];
      expect(hours.pledgeTotal).toBe("15");
      expect(hours.pledges).toHaveLength(1);
      expect(hours.awaitingConfirmation).toEqual([
        {
          id: awaiting.id,
          requestTitle: "Mentoring 2026-06-20",
          quantity: "6",
          deliveredOn: new Date("2026-06-20").toISOString(),
        },
      ]);
      expect(data.page.lines[1].awaitingConfirmation).toEqual([]);
    }
  });

  it("move to the confirmed list once the requestor confirms", async () => {
    const w = await createReturnsWorld();
    const pledge = await deliveredPledge(w, 6, new Date("2026-06-20"));
    const load = async () =>
      (
        await jsonOf<PageData>(
          await callLoader(returnLoader, {
            path: `/returns/${w.kpiReturn.id}`,
            params: { id: w.kpiReturn.id },
            cookie: w.cookies.supplierOwner,
          }),
        )
      ).page.lines[0];
    expect((await load()).awaitingConfirmation).toHaveLength(1);
    await db.pledge.update({
      where: { id: pledge.id },
      data: { status: "CONFIRMED", confirmedAt: new Date("2026-07-05") },
    });
    const after = await load();
    expect(after.awaitingConfirmation).toEqual([]);
    expect(after.pledgeTotal).toBe("6");
  });
});
