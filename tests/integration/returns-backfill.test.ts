// The quarterly job also creates returns missing for earlier ended quarters (a contract registered after its
// first quarters ended, or the scheduler down for a while), since plan to date counts those quarters. Those
// returns are due a full period from the day they open, so no reminder or overdue notice goes at once.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  MAX_BACKFILL_QUARTERS,
  openReturnsForQuarter,
  sendReturnReminders,
} from "~/domain/reporting/returns-jobs.server.ts";
import { createCommitment, createContract, createMeasure } from "../helpers/factories.ts";
import { createReturnsWorld } from "./returns-world.ts";

const at = (iso: string) => new Date(iso);

async function returnsOf(contractId: string) {
  const rows = await db.kpiReturn.findMany({
    where: { contractId },
    orderBy: [{ financialYear: "asc" }, { quarter: "asc" }],
  });
  return rows.map((r) => ({
    period: `${r.financialYear} Q${r.quarter}`,
    due: r.dueDate.toISOString().slice(0, 10),
  }));
}

describe("returns missing for earlier quarters", () => {
  it("are created once for every ended quarter of the contract, due a full period from today", async () => {
    const w = await createReturnsWorld();
    // the contract (from 1 April 2026, planned every quarter) was registered after its first quarter ended
    await db.kpiReturn.deleteMany({ where: { contractId: w.contract.id } });

    const first = await openReturnsForQuarter(at("2026-10-02T06:00:00Z"));
    expect(first.quarter).toEqual({ financialYear: 2026, quarter: 2 });
    expect(await returnsOf(w.contract.id)).toEqual([
      // back-filled: its usual date (30 July) has passed, so 30 days from today
      { period: "2026 Q1", due: "2026-11-01" },
      // the quarter just ended keeps its usual date
      { period: "2026 Q2", due: "2026-10-30" },
    ]);
    // one "return open" email per return to each of the supplier's people
    expect(
      await db.emailOutbox.count({ where: { template: "returns-opened", councilId: w.councilA.id } }),
    ).toBe(4);
    // nothing overdue, nothing to remind about yet
    expect(await sendReturnReminders(at("2026-10-02T07:30:00Z"))).toEqual({
      reminders: 0,
      overdueNotices: 0,
      failed: 0,
    });

    const again = await openReturnsForQuarter(at("2026-10-03T06:00:00Z"));
    expect(again).toMatchObject({ created: 0, announced: 0 });
    expect(await returnsOf(w.contract.id)).toHaveLength(2);
    expect(
      await db.emailOutbox.count({ where: { template: "returns-opened", councilId: w.councilA.id } }),
    ).toBe(4);
  });

  it("fills a gap left by a scheduler outage, leaving the returns that exist alone", async () => {
    const w = await createReturnsWorld();
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "ACCEPTED" } });
    // the job did not run at all in October 2026
    const result = await openReturnsForQuarter(at("2027-01-01T06:00:00Z"));
    expect(result.quarter).toEqual({ financialYear: 2026, quarter: 3 });
    expect(await returnsOf(w.contract.id)).toEqual([
      { period: "2026 Q1", due: "2026-07-30" },
      { period: "2026 Q2", due: "2027-01-31" },
      { period: "2026 Q3", due: "2027-01-30" },
    ]);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe("ACCEPTED");
  });

  it("start no earlier than the contract's first planned quarter, and never far back", async () => {
    const w = await createReturnsWorld();
    await db.kpiReturn.deleteMany({ where: { contractId: w.contract.id } });
    const measure = await createMeasure({ councilId: w.councilA.id });
    const base = { councilId: w.councilA.id, supplierOrganisationId: w.otherSupplier.id };
    // started a year before its plan does (the plan is what plan to date counts)
    const plannedLater = await createContract({
      ...base,
      startDate: at("2025-04-01"),
      endDate: at("2028-03-31"),
    });
    await createCommitment({
      contractId: plannedLater.id,
      measureId: measure.id,
      plan: [{ financialYear: 2026, quarter: 1, targetQuantity: 10 }],
    });
    // a contract running for ten years with no plan recorded: only the most recent quarters
    const ancient = await createContract({ ...base, startDate: at("2016-04-01"), endDate: at("2030-03-31") });
    await createCommitment({ contractId: ancient.id, measureId: measure.id });
    // one that ended: its quarters up to the end, none after
    const ended = await createContract({
      ...base,
      status: "ENDED",
      startDate: at("2026-01-01"),
      endDate: at("2026-05-31"),
    });
    await createCommitment({ contractId: ended.id, measureId: measure.id });

    await openReturnsForQuarter(at("2026-10-02T06:00:00Z"));
    expect((await returnsOf(plannedLater.id)).map((r) => r.period)).toEqual(["2026 Q1", "2026 Q2"]);
    const ancientPeriods = (await returnsOf(ancient.id)).map((r) => r.period);
    expect(ancientPeriods).toHaveLength(MAX_BACKFILL_QUARTERS + 1);
    expect(ancientPeriods.at(-1)).toBe("2026 Q2");
    expect((await returnsOf(ended.id)).map((r) => r.period)).toEqual(["2025 Q4", "2026 Q1"]);
  });

  it("the demo seed's explicit quarters stay as asked, with nothing back-filled", async () => {
    const w = await createReturnsWorld();
    await db.kpiReturn.deleteMany({ where: { contractId: w.contract.id } });
    await openReturnsForQuarter(at("2026-10-02T06:00:00Z"), undefined, { announce: false });
    expect(await returnsOf(w.contract.id)).toEqual([{ period: "2026 Q2", due: "2026-10-30" }]);
  });
});
