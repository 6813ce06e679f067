// A contract from 1 April 2026 with JOB-02 (planned every quarter) and GRO-04, "% of staff paid at least the Real
// Living Wage" (a percentage: a target, no plan), its Q2 return overdue. The departmental report and its CSV said
// GRO-04 was "Not yet due" while JOB-02 read "Red: Behind"; the dashboard counted "1 not yet due"; the return pages
// said "Not reported yet – Not yet due", and showed "From confirmed pledges this quarter 0%", though pledges never
// count towards a percentage. Every page and report now reads it from the one progress rule: "Not reported
// (overdue)", and the pledge line is left out where pledges cannot count.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { progressFor } from "~/domain/contracts/progress.server.ts";
import { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import {
  ALL_DEPARTMENTS,
  departmentalReport,
  reportCsvRows,
} from "~/domain/reporting/departmental-report.server.ts";
import { createCommitment, createContract, createReturn } from "../helpers/factories.ts";
import { pageHtmlAs, readableMainText } from "../helpers/render-page.ts";
import { createImportWorld } from "./contracts-world.ts";

const day = (date: string) => new Date(`${date}T00:00:00Z`);
// the day the tester read them: Q2's return due 30 October 2026, not sent
const asOf = new Date("2026-12-07T12:00:00Z");

let world: Awaited<ReturnType<typeof createImportWorld>>;
let contract: Awaited<ReturnType<typeof createContract>>;
let q2Return: Awaited<ReturnType<typeof createReturn>>;
const ids = { jobs: "", wage: "" };

beforeAll(async () => {
  world = await createImportWorld();
  const measure = (code: string) =>
    db.measure.findFirstOrThrow({ where: { councilId: world.councilA.id, code } });
  contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    contractManagerId: world.users.officerA.id,
    reference: `QA-${Date.now() % 1_000_000}`,
    department: "Resources",
    startDate: day("2026-04-01"),
    endDate: day("2027-03-31"),
  });
  ids.jobs = (
    await createCommitment({
      contractId: contract.id,
      measureId: (await measure("JOB-02")).id,
      targetQuantity: 8,
      plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 2 })),
    })
  ).id;
  ids.wage = (
    await createCommitment({
      contractId: contract.id,
      measureId: (await measure("GRO-04")).id,
      targetQuantity: 100,
    })
  ).id;
  // Q1 accepted with nothing for either (as a report of nothing delivered yet), Q2 overdue
  await createReturn({ contractId: contract.id, quarter: 1, status: "ACCEPTED", dueDate: day("2026-07-30") });
  q2Return = await createReturn({ contractId: contract.id, quarter: 2, dueDate: day("2026-10-30") });
});

describe("a percentage nobody has reported, its return overdue", () => {
  it("reads 'Not reported (overdue)' in the departmental report and its CSV, beside JOB-02's red", async () => {
    const report = await departmentalReport({
      councilId: world.councilA.id,
      quarter: { financialYear: 2026, quarter: 2 },
      department: ALL_DEPARTMENTS,
      asOf,
    });
    const row = report.contracts.find((c) => c.id === contract.id)!;
    expect(row.overdueReturns).toBe(1);
    expect(Object.fromEntries(row.lines.map((l) => [l.measureCode, l.status]))).toEqual({
      "JOB-02": "RED",
      "GRO-04": "OVERDUE",
    });
    const csv = [...reportCsvRows(report)].filter((r) => r.contractReference === contract.reference);
    expect(Object.fromEntries(csv.map((r) => [r.measureCode, r.status]))).toEqual({
      "JOB-02": "Red: Behind",
      "GRO-04": "Not reported (overdue)",
    });
  });

  it("is counted so on the council dashboard's delivery by measure", async () => {
    const dashboard = await councilDashboard(world.councilA.id, { top: 10, asOf });
    const wage = dashboard.measures.find((m) => m.code === "GRO-04")!;
    expect(wage.statuses).toEqual({ OVERDUE: 1 });
  });

  it("reads so on the contract's and the return's pages (progressFor)", async () => {
    const commitments = await db.commitment.findMany({
      where: { contractId: contract.id },
      select: { id: true, targetQuantity: true, measure: { select: { unit: true } } },
    });
    const progress = await progressFor(commitments, asOf);
    expect(progress.get(ids.wage)).toMatchObject({ rag: "OVERDUE", reported: false });
    expect(progress.get(ids.jobs)).toMatchObject({ rag: "RED" });
    // before its due date it was not yet due
    const before = await progressFor(commitments, new Date("2026-10-15T12:00:00Z"));
    expect(before.get(ids.wage)).toMatchObject({ rag: "NOT_YET_DUE" });
  });

  it("reads so on the supplier's return page, with no pledge line for the percentage", async () => {
    const text = readableMainText(await pageHtmlAs(`/returns/${q2Return.id}`, world.users.supplierOwner.id));
    expect(text).toContain("Not reported (overdue)");
    expect(text).not.toContain("Not yet due");
  });

  it("shows the officer the pledge line only for the commitment pledges can count towards", async () => {
    const html = await pageHtmlAs(`/returns/${q2Return.id}`, world.users.officerA.id);
    expect(readableMainText(html)).toContain("Not reported (overdue)");
    // the officer reads what was sent: the Q1 return, accepted, lists every commitment's answers
    const q1 = await db.kpiReturn.findFirstOrThrow({ where: { contractId: contract.id, quarter: 1 } });
    const sent = readableMainText(await pageHtmlAs(`/returns/${q1.id}`, world.users.officerA.id));
    // JOB-02 (people, which work placements count towards) has its line; GRO-04 (a percentage) has none
    expect(sent.match(/From confirmed pledges this quarter/g)).toHaveLength(1);
    expect(sent).not.toContain("From confirmed pledges this quarter 0%");
  });
});
