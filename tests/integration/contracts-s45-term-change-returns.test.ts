// A contract's term shortened by an officer while its returns were being opened (a commitment saved, another
// edit) could leave a return open for a quarter the term no longer covers: the edit page withdrew those returns
// after the save had committed, and the opening read the term with no lock, so an opening that read the old term
// could create its return after the withdrawal. The save now withdraws and opens them in its own transaction,
// holding the contract's row, and the openings for chosen contracts (a registration, an import, a commitment) hold
// the row too, so they take turns (as the daily run over every contract does since session 46: see
// returns-s46-daily-run-holds-terms). A return already sent for a dropped quarter stays, with its history, as
// before (only returns never sent are withdrawn). A save that cannot get the row in time (an import holding it)
// says so on the form, never an error page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { CONTRACT_BUSY_MESSAGE, updateContract } from "~/domain/contracts/contracts.server.ts";
import { previousQuarter, quarterPeriod, type FinancialQuarter } from "~/domain/contracts/quarters.ts";
import { openDueReturns } from "~/domain/contracts/returns-due.server.ts";
import { openReturnsForQuarter } from "~/domain/reporting/returns-jobs.server.ts";
import {
  endOf,
  farEnd,
  iso,
  lastQuarter,
  quarterKey,
  returnsOf,
  threeAgo,
  twoAgo,
} from "../helpers/late-contract.ts";
import {
  endingOn,
  lateContractWorld,
  registerPlannedFrom,
  type LateContractWorld,
} from "../helpers/late-contract-world.ts";
import { holdOpen } from "../helpers/while-open.ts";
import { action as editAction } from "~/routes/contracts.$id.edit.tsx";
import { sessionCookieFor } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let setup: LateContractWorld;

// four quarters have ended since the contract started: each owes a return
const fourAgo = previousQuarter(threeAgo);

/** What the term as saved now leaves: a return for each ended quarter it covers, never sent unless `sent` says
 * otherwise; a return sent stays whatever the term. */
async function expectedFor(contractId: string, sent: Record<string, string> = {}) {
  const { endDate } = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
  return [fourAgo, threeAgo, twoAgo, lastQuarter]
    .filter(
      (q) =>
        quarterPeriod(q.financialYear, q.quarter).start <= endDate || sent[quarterKey(q)] === "SUBMITTED",
    )
    .map((q) => `${quarterKey(q)} ${sent[quarterKey(q)] ?? "NOT_STARTED"}`);
}

const registerLateContract = (reference: string) => registerPlannedFrom(setup, reference, fourAgo);

/** What `save` gives while another transaction holds the contract's row, as an import opening its returns does
 * (openDueReturns), or with `table` "KpiReturn" the row of one of its returns, as its supplier saving it does, until
 * the save has answered. */
async function whileHeld<T>(
  id: string,
  save: () => Promise<T>,
  table: "Contract" | "KpiReturn" = "Contract",
) {
  const holder = holdOpen(async (tx) => {
    if (table === "Contract") await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${id} FOR SHARE`;
    else await tx.$queryRaw`SELECT id FROM "KpiReturn" WHERE id = ${id} FOR UPDATE`;
  });
  await holder.ready;
  const answer = await save().finally(holder.release);
  await holder.done;
  return answer;
}

beforeAll(async () => {
  setup = await lateContractWorld();
});

describe("a contract's term changed while its returns are opened", () => {
  it("has exactly the returns of its final term after two edits at once", async () => {
    const contract = await registerLateContract("S45-TWO-EDITS");
    expect(await returnsOf(contract.id)).toEqual(await expectedFor(contract.id));
    expect(await returnsOf(contract.id)).toHaveLength(4);
    const [toTwoAgo, toThreeAgo] = [
      await endingOn(contract, endOf(twoAgo)),
      await endingOn(contract, endOf(threeAgo)),
    ];
    const [first, second] = await Promise.all([
      updateContract(setup.actor, contract.id, toTwoAgo),
      updateContract(setup.actor, contract.id, toThreeAgo),
      openDueReturns([contract.id]),
    ]);
    // both were read at the same version: one is saved, the other told a colleague saved first
    expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1);
    const { endDate } = await db.contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect([endOf(twoAgo), endOf(threeAgo)]).toContain(iso(endDate));
    expect(await returnsOf(contract.id)).toEqual(await expectedFor(contract.id));
    expect(await returnsOf(contract.id)).toHaveLength(iso(endDate) === endOf(twoAgo) ? 3 : 2);
  });

  it("never keeps a return outside the term while openings run alongside each change", async () => {
    const contract = await registerLateContract("S45-RACE");
    // shortened and lengthened again, each time while the contract's returns are opened by others
    for (const endDate of [endOf(fourAgo), farEnd, endOf(twoAgo), endOf(lastQuarter), endOf(fourAgo)]) {
      const edit = await endingOn(contract, endDate);
      const [saved] = await Promise.all([
        updateContract(setup.actor, contract.id, edit),
        openDueReturns([contract.id]),
        openDueReturns([contract.id]),
      ]);
      expect(saved.ok).toBe(true);
      expect(await returnsOf(contract.id)).toEqual(await expectedFor(contract.id));
    }
    expect(await returnsOf(contract.id)).toEqual([`${quarterKey(fourAgo)} NOT_STARTED`]);
  });

  it("keeps a return already sent for a quarter it drops, and withdraws one never sent", async () => {
    const contract = await registerLateContract("S45-SENT");
    const returnOf = (q: FinancialQuarter) =>
      db.kpiReturn.findFirstOrThrow({
        where: { contractId: contract.id, financialYear: q.financialYear, quarter: q.quarter },
      });
    const sent = await returnOf(lastQuarter);
    await db.kpiReturn.update({
      where: { id: sent.id },
      data: { status: "SUBMITTED", submittedAt: new Date() },
    });
    const draft = await returnOf(twoAgo);
    await db.kpiReturn.update({ where: { id: draft.id }, data: { status: "DRAFT" } });
    const saved = await updateContract(setup.actor, contract.id, await endingOn(contract, endOf(threeAgo)));
    expect(saved.ok).toBe(true);
    expect(await returnsOf(contract.id)).toEqual([
      `${quarterKey(fourAgo)} NOT_STARTED`,
      `${quarterKey(threeAgo)} NOT_STARTED`,
      `${quarterKey(lastQuarter)} SUBMITTED`,
    ]);
    // the draft's withdrawal is recorded, as the daily run records one
    expect(await db.auditLog.count({ where: { action: "return.withdraw", entityId: draft.id } })).toBe(1);
    // lengthened again, the dropped quarter's return is opened afresh, never sent; the sent one is untouched
    const again = await updateContract(setup.actor, contract.id, await endingOn(contract, farEnd));
    expect(again.ok).toBe(true);
    expect(await returnsOf(contract.id)).toEqual(
      await expectedFor(contract.id, { [quarterKey(lastQuarter)]: "SUBMITTED" }),
    );
    expect((await returnOf(lastQuarter)).id).toBe(sent.id);
  });

  it("tells an officer whose save cannot get the contract in time to try again, keeping the term as it was", async () => {
    const contract = await registerLateContract("S45-BUSY");
    const edit = await endingOn(contract, endOf(twoAgo));
    const saved = await whileHeld(contract.id, () =>
      updateContract(setup.actor, contract.id, edit, { lockWaitMs: 300 }),
    );
    expect(saved).toEqual({ ok: false, fieldErrors: { form: [CONTRACT_BUSY_MESSAGE] } });
    expect(iso((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).endDate)).toBe(farEnd);
    expect(await returnsOf(contract.id)).toHaveLength(4);
    // once the row is free, the same answers save
    expect((await updateContract(setup.actor, contract.id, edit)).ok).toBe(true);
    expect(await returnsOf(contract.id)).toHaveLength(3);
  });

  it("answers the edit page with that error next to the form and the answers kept, never an error page", async () => {
    const contract = await registerLateContract("S45-BUSY-PAGE");
    const { updatedAt } = await db.contract.findUniqueOrThrow({ where: { id: contract.id } });
    const form = { ...contract.fields, endDate: endOf(twoAgo), version: updatedAt.toISOString() };
    const cookie = await sessionCookieFor(setup.world.users.officerA.id);
    // held past the page's own wait (10 seconds)
    const started = Date.now();
    const response = await whileHeld(contract.id, () =>
      callAction(editAction, {
        path: `/contracts/${contract.id}/edit`,
        params: { id: contract.id },
        cookie,
        form,
      }),
    );
    expect(response.status).toBe(400);
    // told within some 15 seconds, never left waiting for the save's whole transaction
    expect(Date.now() - started).toBeLessThan(15_000);
    const reply = await jsonOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      response,
    );
    expect(reply.error[""]).toEqual([CONTRACT_BUSY_MESSAGE]);
    expect(reply.initialValue.endDate).toBe(endOf(twoAgo));
    expect(await returnsOf(contract.id)).toHaveLength(4);
  }, 60_000);

  it("saves within seconds while a supplier holds one of its returns, leaving that return to the daily run", async () => {
    const contract = await registerLateContract("S46-RETURN-HELD");
    const held = await db.kpiReturn.findFirstOrThrow({
      where: {
        contractId: contract.id,
        financialYear: lastQuarter.financialYear,
        quarter: lastQuarter.quarter,
      },
    });
    const edit = await endingOn(contract, endOf(twoAgo));
    const started = Date.now();
    const saved = await whileHeld(held.id, () => updateContract(setup.actor, contract.id, edit), "KpiReturn");
    // the save waits for the contract's row up to 10 seconds, and for anything else, once it has it, only briefly
    expect(Date.now() - started).toBeLessThan(7_000);
    expect(saved.ok).toBe(true);
    expect(iso((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).endDate)).toBe(
      endOf(twoAgo),
    );
    // the returns were left as they were, and the daily run withdraws the one the term no longer covers
    expect(await returnsOf(contract.id)).toHaveLength(4);
    await openReturnsForQuarter(new Date());
    expect(await returnsOf(contract.id)).toEqual(await expectedFor(contract.id));
    expect(await returnsOf(contract.id)).toHaveLength(3);
  });
});
