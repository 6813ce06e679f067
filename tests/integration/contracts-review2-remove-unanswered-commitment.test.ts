// A commitment added by mistake (the wrong measure) can be removed while nothing is recorded against it. Saving a
// return as a draft stores a line for every commitment of the contract, answered or not, so once the supplier had
// pressed "Save draft" on the quarter's return the officer was told "Delivery has been recorded against this
// commitment, so it cannot be removed", and the supplier had to report 0 against it in every return from then on.
// A line with an answer, a note, evidence or a query, or on a return that was sent, still keeps it.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as commitmentLoader } from "~/routes/contracts.$id.commitments.$commitmentId.tsx";
import {
  action as removeAction,
  loader as removeLoader,
} from "~/routes/contracts.$id.commitments.$commitmentId_.remove.tsx";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { createCommitment, createMeasure } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

async function worldWithMistake(third: { quantity?: string; note?: string } = {}) {
  const w = await createReturnsWorld();
  const wrong = await createMeasure({ councilId: w.councilA.id, name: "Apprentices", unit: "PEOPLE" });
  const mistake = await createCommitment({
    contractId: w.contract.id,
    measureId: wrong.id,
    targetQuantity: 4,
    plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 1 })),
  });
  // the supplier saves the quarter's return as a draft, the mistaken commitment's line as they left it
  const saved = await callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie: w.cookies.supplierOwner,
    form: {
      ...returnForm(w, "save", { hours: "12" }),
      "lines[2].commitmentId": mistake.id,
      "lines[2].quantity": third.quantity ?? "",
      "lines[2].note": third.note ?? "",
      "lines[2].evidenceUrl": "",
    },
  });
  expect(saved.status).toBe(302);
  expect(await db.kpiReturnLine.count({ where: { commitmentId: mistake.id } })).toBe(1);
  return { w, mistake };
}

const path = (contractId: string, commitmentId: string) =>
  `/contracts/${contractId}/commitments/${commitmentId}`;

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

/** "Yes, remove" on the page asking first, naming the version saved now. */
async function remove(w: World, commitmentId: string) {
  const { updatedAt } = await db.commitment.findUniqueOrThrow({ where: { id: commitmentId } });
  return callAction(removeAction, {
    path: `${path(w.contract.id, commitmentId)}/remove`,
    params: { id: w.contract.id, commitmentId },
    cookie: w.cookies.officerA,
    form: { version: updatedAt.toISOString() },
  });
}

/** What the page asking first says is recorded against the commitment. */
async function removalPage(w: World, commitmentId: string) {
  const { commitment } = await jsonOf<{
    commitment: { hasDelivery: boolean; pledges: number; recordedLines: number; blankLines: number };
  }>(
    await callLoader(removeLoader, {
      path: `${path(w.contract.id, commitmentId)}/remove`,
      params: { id: w.contract.id, commitmentId },
      cookie: w.cookies.officerA,
    }),
  );
  const { hasDelivery, pledges, recordedLines, blankLines } = commitment;
  return { hasDelivery, pledges, recordedLines, blankLines };
}

describe("removing a commitment a draft return has an unanswered line for", () => {
  it("is allowed: the page does not say delivery was recorded, and the empty line goes with it", async () => {
    const { w, mistake } = await worldWithMistake();
    const page = await jsonOf<{ commitment: { hasDelivery: boolean } }>(
      await callLoader(commitmentLoader, {
        path: path(w.contract.id, mistake.id),
        params: { id: w.contract.id, commitmentId: mistake.id },
        cookie: w.cookies.officerA,
      }),
    );
    expect(page.commitment.hasDelivery).toBe(false);
    expect(await removalPage(w, mistake.id)).toEqual({
      hasDelivery: false,
      pledges: 0,
      recordedLines: 0,
      blankLines: 1,
    });

    expect((await remove(w, mistake.id)).status).toBe(302);
    expect(await db.commitment.count({ where: { id: mistake.id } })).toBe(0);
    expect(await db.kpiReturnLine.count({ where: { commitmentId: mistake.id } })).toBe(0);
    // the supplier's other answers stay
    const hours = await db.kpiReturnLine.findFirstOrThrow({
      where: { returnId: w.kpiReturn.id, commitmentId: w.hoursCommitment.id },
    });
    expect(hours.quantity?.toFixed(0)).toBe("12");
  });

  it("is still refused once the line has a figure (even 0) or a note", async () => {
    for (const third of [{ quantity: "0" }, { note: "Starts in the spring" }]) {
      const { w, mistake } = await worldWithMistake(third);
      expect(await removalPage(w, mistake.id)).toEqual({
        hasDelivery: true,
        pledges: 0,
        recordedLines: 1,
        blankLines: 0,
      });
      const blocked = await remove(w, mistake.id);
      expect(blocked.status).toBe(400);
      expect(JSON.stringify(await jsonOf(blocked))).toContain("so it cannot be removed");
      expect(await db.commitment.count({ where: { id: mistake.id } })).toBe(1);
    }
  });

  it("is still refused for a line of a return that was sent", async () => {
    const { w, mistake } = await worldWithMistake();
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "SUBMITTED" } });
    expect((await removalPage(w, mistake.id)).hasDelivery).toBe(true);
    expect((await remove(w, mistake.id)).status).toBe(400);
    expect(await db.commitment.count({ where: { id: mistake.id } })).toBe(1);
  });
});
