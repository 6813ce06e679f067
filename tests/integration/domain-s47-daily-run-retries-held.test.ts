// The daily run that opens returns skips a contract whose row another transaction holds (FOR SHARE SKIP LOCKED),
// trusting the holder to be a change to the term that opens the contract's returns itself. Any update of the
// contract, or a long transaction holding its row for other reasons, opens nothing: the contract silently went
// without its returns until the next day's run. The run now tries the contracts it skipped again, a few times, so a
// lock let go meanwhile costs nothing; one held throughout is counted, logged and opened by the next run.
import { beforeAll, describe, expect, it } from "vitest";
import { openReturnsForQuarter } from "~/domain/reporting/returns-jobs.server.ts";
import { lastQuarter, returnsOf, threeAgo, twoAgo } from "../helpers/late-contract.ts";
import {
  contractHeldByAnUnrelatedUpdate,
  lateContractWorld,
  unsent,
  type LateContractWorld,
} from "../helpers/late-contract-world.ts";

let setup: LateContractWorld;

const owed = [threeAgo, twoAgo, lastQuarter].map(unsent);

beforeAll(async () => {
  setup = await lateContractWorld();
});

describe("the daily run, for a contract another transaction holds", () => {
  it("tries it again in the same run and opens its returns once the lock is let go", async () => {
    const { contract, letGo } = await contractHeldByAnUnrelatedUpdate(setup, "S47-RETRIED");
    let retries = 0;
    const result = await openReturnsForQuarter(new Date(), undefined, {
      beforeRetry: async () => {
        retries++;
        // the first pass skipped it: the unrelated transaction ends before the run tries again
        if (retries === 1) {
          expect(await returnsOf(contract.id)).toEqual([]);
          await letGo();
        }
      },
    });
    expect(retries).toBe(1);
    expect(result.skipped).toBe(0);
    expect(await returnsOf(contract.id)).toEqual(owed);
  });

  it("counts one held throughout as skipped, and the next run opens its returns", async () => {
    const { contract, letGo } = await contractHeldByAnUnrelatedUpdate(setup, "S47-HELD-THROUGHOUT");
    let retries = 0;
    const result = await openReturnsForQuarter(new Date(), undefined, {
      beforeRetry: async () => {
        retries++;
      },
    });
    expect(retries).toBe(3);
    expect(result.skipped).toBe(1);
    expect(await returnsOf(contract.id)).toEqual([]);
    await letGo();
    const next = await openReturnsForQuarter(new Date(), undefined, { beforeRetry: async () => {} });
    expect(next.skipped).toBe(0);
    expect(await returnsOf(contract.id)).toEqual(owed);
  });
});
