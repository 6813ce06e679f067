// A commitment answered in words (SOC-04, "Community engagement (qualitative)") whose Q2 return is overdue read
// "Not reported", as it did before anything was due, while a numeric commitment in the same return read
// "Not reported (overdue)". It reads so too now, on every page and report the one progress rule feeds.
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
// Q2's return was due 30 October 2026 and not sent
const asOf = new Date("2026-12-07T12:00:00Z");

let world: Awaited<ReturnType<typeof createImportWorld>>;
let contract: Awaited<ReturnType<typeof createContract>>;
let q2Return: Awaited<ReturnType<typeof createReturn>>;
let commitmentId = "";

beforeAll(async () => {
  world = await createImportWorld();
  const measure = await db.measure.findFirstOrThrow({
    where: { councilId: world.councilA.id, code: "SOC-04" },
  });
  contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    contractManagerId: world.users.officerA.id,
    reference: `QL-${Date.now() % 1_000_000}`,
    department: "Communities",
    startDate: day("2026-04-01"),
    endDate: day("2027-03-31"),
  });
  commitmentId = (
    await createCommitment({
      contractId: contract.id,
      measureId: measure.id,
      qualitativeText: "Two community events a year in Northshire villages",
    })
  ).id;
  // Q1 accepted without a word on it, Q2 overdue
  await createReturn({ contractId: contract.id, quarter: 1, status: "ACCEPTED", dueDate: day("2026-07-30") });
  q2Return = await createReturn({ contractId: contract.id, quarter: 2, dueDate: day("2026-10-30") });
});

describe("a commitment answered in words, nothing reported and its return overdue", () => {
  it("reads 'Not reported (overdue)' once the return is overdue, and 'Not reported' before", async () => {
    const commitments = await db.commitment.findMany({
      where: { contractId: contract.id },
      select: { id: true, targetQuantity: true, measure: { select: { unit: true } } },
    });
    expect((await progressFor(commitments, asOf)).get(commitmentId)).toMatchObject({ status: "OVERDUE" });
    const before = await progressFor(commitments, new Date("2026-10-15T12:00:00Z"));
    expect(before.get(commitmentId)).toMatchObject({ status: "NOT_REPORTED" });
  });

  it("is said so in the departmental report, its CSV and the council dashboard", async () => {
    const report = await departmentalReport({
      councilId: world.councilA.id,
      quarter: { financialYear: 2026, quarter: 2 },
      department: ALL_DEPARTMENTS,
      asOf,
    });
    const row = report.contracts.find((c) => c.id === contract.id)!;
    expect(row.lines.map((l) => l.status)).toEqual(["OVERDUE"]);
    const csv = [...reportCsvRows(report)].filter((r) => r.contractReference === contract.reference);
    expect(csv.map((r) => r.status)).toEqual(["Not reported (overdue)"]);
    const dashboard = await councilDashboard(world.councilA.id, { top: 10, asOf });
    expect(dashboard.measures.find((m) => m.code === "SOC-04")!.statuses).toMatchObject({ OVERDUE: 1 });
  });

  it("is said so on the overdue return's page, to the supplier and the officer", async () => {
    for (const user of [world.users.supplierOwner, world.users.officerA]) {
      const text = readableMainText(await pageHtmlAs(`/returns/${q2Return.id}`, user.id));
      expect(text).toContain("Not reported (overdue)");
    }
  });
});
