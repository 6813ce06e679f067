// A contract terminated early (decision 025): its returns open for the quarters it ran in and never after, and
// plan to date and the committed figure on the contract page, the dashboards and the departmental report stop
// at the quarter of its termination date.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { progressFor } from "~/domain/contracts/progress.server.ts";
import { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import { supplierDashboard } from "~/domain/reporting/dashboard-people.server.ts";
import {
  ALL_DEPARTMENTS,
  departmentalReport,
  reportCsvRows,
} from "~/domain/reporting/departmental-report.server.ts";
import { openReturnsForQuarter } from "~/domain/reporting/returns-jobs.server.ts";
import { getReturnPage } from "~/domain/reporting/returns-queries.server.ts";
import { createCommitment, createContract, createReturn } from "../helpers/factories.ts";
import { createReturnsWorld } from "./returns-world.ts";

let w: Awaited<ReturnType<typeof createReturnsWorld>>;
// the world's contract runs 1 April 2026 – 31 March 2027 with 40 hours planned a quarter (160 in all); it was
// terminated on 15 August 2026, in Q2
const TERMINATED_ON = new Date("2026-08-15");
const AS_OF = new Date("2027-02-01T12:00:00Z"); // Q4: Q1–Q3 have ended

async function accept(quarter: number, quantity: string) {
  const kpiReturn =
    (await db.kpiReturn.findFirst({
      where: { contractId: w.contract.id, financialYear: 2026, quarter },
    })) ?? (await createReturn({ contractId: w.contract.id, financialYear: 2026, quarter }));
  await db.kpiReturn.update({ where: { id: kpiReturn.id }, data: { status: "ACCEPTED" } });
  await db.kpiReturnLine.create({
    data: { returnId: kpiReturn.id, commitmentId: w.hoursCommitment.id, quantity },
  });
}

beforeAll(async () => {
  w = await createReturnsWorld();
  await db.contract.update({
    where: { id: w.contract.id },
    data: { status: "TERMINATED", terminatedOn: TERMINATED_ON },
  });
});

describe("the scheduled returns job", () => {
  it("opens the return of the quarter holding the termination date, unannounced, and none after it", async () => {
    // 1 October: Q2 has just ended; the contract ran in it until 15 August
    await openReturnsForQuarter(new Date("2026-10-01T06:00:00Z"));
    // 1 January and 1 April: Q3 and Q4 ended after the contract did (with back-filling, as scheduled)
    await openReturnsForQuarter(new Date("2027-01-01T06:00:00Z"));
    await openReturnsForQuarter(new Date("2027-04-01T06:00:00Z"));
    const returns = await db.kpiReturn.findMany({
      where: { contractId: w.contract.id },
      orderBy: { quarter: "asc" },
      select: { financialYear: true, quarter: true, openedNoticeSentAt: true },
    });
    expect(returns.map((r) => `${r.financialYear} Q${r.quarter}`)).toEqual(["2026 Q1", "2026 Q2"]);
    // a terminated contract's returns are not announced or chased (decision 023)
    expect(returns[1]!.openedNoticeSentAt).toBeNull();
    expect(await db.emailOutbox.count({ where: { councilId: w.councilA.id } })).toBe(0);
  });

  it("an active contract's returns still open quarter after quarter", async () => {
    await db.contract.update({
      where: { id: w.contract.id },
      data: { status: "ACTIVE", terminatedOn: null },
    });
    try {
      await openReturnsForQuarter(new Date("2027-01-01T06:00:00Z"));
      expect(await db.kpiReturn.count({ where: { contractId: w.contract.id, quarter: 3 } })).toBe(1);
    } finally {
      await db.kpiReturn.deleteMany({ where: { contractId: w.contract.id, quarter: 3 } });
      await db.contract.update({
        where: { id: w.contract.id },
        data: { status: "TERMINATED", terminatedOn: TERMINATED_ON },
      });
    }
  });
});

describe("plan to date and the committed figure", () => {
  beforeAll(async () => {
    // 40 in Q1 and 36 in Q2: 76 of the 80 planned up to termination
    await accept(1, "40");
    await accept(2, "36");
  });

  it("on the contract page: the plan after the termination quarter does not count", async () => {
    const progress = await progressFor(
      [{ id: w.hoursCommitment.id, targetQuantity: { toString: () => "160" }, measure: { unit: "HOURS" } }],
      AS_OF,
    );
    expect(progress.get(w.hoursCommitment.id)).toMatchObject({
      planToDate: "80.00",
      committed: "80.00",
      target: "160.00",
      deliveredToDate: "76.00",
      percent: 95,
      rag: "GREEN",
    });
  });

  it("on the council and supplier dashboards", async () => {
    const council = await councilDashboard(w.councilA.id, { top: 10, asOf: AS_OF });
    expect(council.measures.find((m) => m.measureId === w.hours.id)).toMatchObject({
      committed: "80.00",
      planToDate: "80.00",
      delivered: "76.00",
      percent: 95,
      rag: "GREEN",
    });
    expect(council.topContracts.find((k) => k.id === w.contract.id)).toMatchObject({ worst: "NOT_REPORTED" });
    const supplier = await supplierDashboard(w.supplier.id, AS_OF);
    expect(supplier.measures.find((m) => m.measureId === w.hours.id)).toMatchObject({
      committed: "80.00",
      planToDate: "80.00",
      rag: "GREEN",
    });
  });

  it("in the departmental report: listed for the quarters it ran in, held to its plan up to termination", async () => {
    const q2 = await departmentalReport({
      councilId: w.councilA.id,
      quarter: { financialYear: 2026, quarter: 2 },
      department: ALL_DEPARTMENTS,
      asOf: AS_OF,
    });
    const contract = q2.contracts.find((k) => k.id === w.contract.id);
    expect(contract).toMatchObject({ terminatedOn: "2026-08-15", overdueReturns: 0 });
    expect(contract!.lines.find((l) => l.commitmentId === w.hoursCommitment.id)).toMatchObject({
      target: "80.00",
      planInQuarter: "40.00",
      deliveredInQuarter: "36.00",
      planToDate: "80.00",
      deliveredToDate: "76.00",
      status: "GREEN",
    });
    // the export says so too: a spreadsheet reader would otherwise take 80 hours for the whole contract's target
    const rows = Array.from(reportCsvRows(q2)).filter((r) => r.contractReference === w.contract.reference);
    expect(
      rows.map((r) => [
        r.terminatedOn,
        "measure" in r && r.measure,
        "target" in r && r.target,
        "qualitativeText" in r && r.qualitativeText,
      ]),
    ).toEqual([
      ["2026-08-15", "Volunteering hours", "80.00", ""],
      ["2026-08-15", "Careers events", "", "Two careers events a year with local schools"],
    ]);
    const q3 = await departmentalReport({
      councilId: w.councilA.id,
      quarter: { financialYear: 2026, quarter: 3 },
      department: ALL_DEPARTMENTS,
      asOf: AS_OF,
    });
    expect(q3.contracts.map((k) => k.id)).not.toContain(w.contract.id);
  });
});

describe("a contract terminated before its plan began", () => {
  it("has committed nothing on the dashboard (its own page already said so)", async () => {
    const other = await createReturnsWorld();
    // the plan starts in Q3; the contract ended in Q1
    await db.commitmentPlan.deleteMany({
      where: { commitmentId: other.hoursCommitment.id, quarter: { in: [1, 2] } },
    });
    await db.contract.update({
      where: { id: other.contract.id },
      data: { status: "TERMINATED", terminatedOn: new Date("2026-05-15") },
    });
    const council = await councilDashboard(other.councilA.id, { top: 10, asOf: AS_OF });
    expect(council.measures.find((m) => m.measureId === other.hours.id)).toMatchObject({
      committed: "0.00",
      planToDate: "0.00",
    });
  });
});

describe("the council dashboard's largest contracts", () => {
  it("ranks a terminated contract by the local £ it was held to, as its column shows", async () => {
    const other = await createReturnsWorld();
    await db.measure.update({ where: { id: other.hours.id }, data: { proxyValueGbp: 10 } });
    // terminated in Q2: held to 80 of its 160 hours, £800
    await db.contract.update({
      where: { id: other.contract.id },
      data: { status: "TERMINATED", terminatedOn: TERMINATED_ON },
    });
    // still running, 100 hours: £1,000, less than the terminated contract's whole target, more than its cut one
    const running = await createContract({
      councilId: other.councilA.id,
      supplierOrganisationId: other.supplier.id,
      reference: "NCC-2402",
      startDate: new Date("2026-04-01"),
      endDate: new Date("2027-03-31"),
    });
    await createCommitment({
      contractId: running.id,
      measureId: other.hours.id,
      targetQuantity: 100,
      plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 25 })),
    });
    const council = await councilDashboard(other.councilA.id, { top: 10, asOf: AS_OF });
    expect(council.topContracts.map((k) => [k.reference, k.local.committed])).toEqual([
      ["NCC-2402", "1000.00"],
      ["NCC-2401", "800.00"],
    ]);
    const top1 = await councilDashboard(other.councilA.id, { top: 1, asOf: AS_OF });
    expect(top1.topContracts.map((k) => k.reference)).toEqual(["NCC-2402"]);
  });
});

describe("local £ by financial year for a contract terminated in its first year", () => {
  it("plans nothing in the years after the termination", async () => {
    const other = await createReturnsWorld();
    await db.measure.update({ where: { id: other.hours.id }, data: { proxyValueGbp: 10 } });
    // a second year of plan, then the contract ended in Q2 of the first
    await db.contract.update({
      where: { id: other.contract.id },
      data: { endDate: new Date("2028-03-31") },
    });
    await db.commitmentPlan.createMany({
      data: [1, 2, 3, 4].map((quarter) => ({
        commitmentId: other.hoursCommitment.id,
        financialYear: 2027,
        quarter,
        targetQuantity: 40,
      })),
    });
    await db.contract.update({
      where: { id: other.contract.id },
      data: { status: "TERMINATED", terminatedOn: TERMINATED_ON },
    });
    const council = await councilDashboard(other.councilA.id, { top: 10, asOf: AS_OF });
    // Q1 and Q2 2026/27 at 40 hours × £10
    expect(council.localValueByYear).toEqual([
      expect.objectContaining({ financialYear: 2026, planned: "800.00" }),
    ]);
  });
});

describe("a return of a terminated contract", () => {
  it("shows what the supplier is held to: the plan up to the termination, not the whole target", async () => {
    const kpiReturn =
      (await db.kpiReturn.findFirst({
        where: { contractId: w.contract.id, financialYear: 2026, quarter: 2 },
      })) ?? (await createReturn({ contractId: w.contract.id, financialYear: 2026, quarter: 2 }));
    const page = await getReturnPage(
      kpiReturn.id,
      { kind: "SUPPLIER", organisationId: w.supplier.id },
      AS_OF,
    );
    const hours = page!.lines.find((l) => l.commitmentId === w.hoursCommitment.id);
    expect(hours?.target).toBe("80.00");
  });
});
