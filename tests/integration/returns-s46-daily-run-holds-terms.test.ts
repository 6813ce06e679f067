// The daily run that opens returns read every contract's term with no lock, while a change to the term holds the
// contract's row and withdraws and opens its returns in its own transaction: a change landing during the run could
// leave a return open for a quarter the new term no longer covers (the run read the old term, the change withdrew
// nothing yet there, the run then created it). The run now reads each batch of contracts' terms and creates their
// returns with their rows held (FOR SHARE), and skips a contract a change holds, which opens its returns itself.
import { beforeAll, describe, expect, it } from "vitest";
import { updateContract } from "~/domain/contracts/contracts.server.ts";
import { quarterPeriod } from "~/domain/contracts/quarters.ts";
import { settleReturnsIn } from "~/domain/contracts/returns-due.server.ts";
import { openReturnsForQuarter } from "~/domain/reporting/returns-jobs.server.ts";
import { endOf, lastQuarter, returnsOf, threeAgo, twoAgo } from "../helpers/late-contract.ts";
import {
  contractAwaitingTheRun,
  endingOn,
  lateContractWorld,
  unsent,
  type LateContractWorld,
} from "../helpers/late-contract-world.ts";
import { untilWaitingForLocks } from "../helpers/lock-waiters.ts";
import { holdOpen } from "../helpers/while-open.ts";

let setup: LateContractWorld;

beforeAll(async () => {
  setup = await lateContractWorld();
});

describe("the daily run opening returns while a contract's term changes", () => {
  it("skips a contract a term change holds, which opens its own returns, and never opens one the new term drops", async () => {
    const contract = await contractAwaitingTheRun(setup, "S46-SKIPPED");
    // an officer's save shortening the term to end with two quarters ago, as updateContract makes it: the row
    // held, the term written, the returns withdrawn and opened for the new term, not yet committed
    const save = holdOpen(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${contract.id} FOR UPDATE`;
      await tx.contract.update({
        where: { id: contract.id },
        data: { endDate: quarterPeriod(twoAgo.financialYear, twoAgo.quarter).end },
      });
      await settleReturnsIn(tx, contract.id);
    });
    await save.ready;
    let finished = false;
    // no retries in the run (session 47): a retry after its pause would find the save let go, and this checks
    // that the first pass does not wait on it
    const run = openReturnsForQuarter(new Date(), undefined, { retryRounds: 0 }).finally(
      () => (finished = true),
    );
    // a run reading the old term would wait on the save's own new returns: the save commits then
    await untilWaitingForLocks(1, run);
    const finishedWhileHeld = finished;
    save.release();
    await save.done;
    const result = await run;
    expect(await returnsOf(contract.id)).toEqual([threeAgo, twoAgo].map(unsent));
    // it did not wait for the save, and left the contract to it
    expect(finishedWhileHeld).toBe(true);
    expect(result.skipped).toBe(1);
    // the next run adds nothing: the save opened what the term owes
    expect((await openReturnsForQuarter(new Date())).skipped).toBe(0);
    expect(await returnsOf(contract.id)).toEqual([threeAgo, twoAgo].map(unsent));
  });

  it("holds the terms it read until their returns are created, so a save shortening one meanwhile waits and withdraws them", async () => {
    const contract = await contractAwaitingTheRun(setup, "S46-HELD");
    // another contract in the same batch, one of whose returns another transaction is creating: the run waits
    // for it with the terms of both contracts read
    const other = await contractAwaitingTheRun(setup, "S46-OTHER");
    const edit = await endingOn(contract, endOf(twoAgo));
    const { start, end } = quarterPeriod(lastQuarter.financialYear, lastQuarter.quarter);
    const blocker = holdOpen(async (tx) => {
      await tx.kpiReturn.create({
        data: {
          contractId: other.id,
          financialYear: lastQuarter.financialYear,
          quarter: lastQuarter.quarter,
          periodStart: start,
          periodEnd: end,
          dueDate: new Date(end.getTime() + 30 * 24 * 3600_000),
        },
      });
    });
    await blocker.ready;
    const run = openReturnsForQuarter(new Date());
    await untilWaitingForLocks(1, run);
    // the officer saves the shorter term while the run waits with the old one read
    const saved = updateContract(setup.actor, contract.id, edit);
    await untilWaitingForLocks(2, Promise.race([run, saved]));
    blocker.release();
    await blocker.done;
    await run;
    expect((await saved).ok).toBe(true);
    // the last quarter's return, opened by the run under the old term, was withdrawn by the save after it
    expect(await returnsOf(contract.id)).toEqual([threeAgo, twoAgo].map(unsent));
    expect(await returnsOf(other.id)).toEqual([threeAgo, twoAgo, lastQuarter].map(unsent));
  });
});
