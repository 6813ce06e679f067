// Every dashboard and report figure against a hand-computed fixture; the council dashboard, the
// departmental report, its CSV export and the supplier's contract page agree to the penny.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { progressFor } from "~/domain/contracts/progress.server.ts";
import { quarterIndex, quarterOf } from "~/domain/contracts/quarters.ts";
import { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import { supplierDashboard } from "~/domain/reporting/dashboard-people.server.ts";
import { ALL_DEPARTMENTS, departmentalReport } from "~/domain/reporting/departmental-report.server.ts";
import type { ContractStatus, ReturnStatus } from "~/generated/prisma/enums.ts";
import { loader as dashboardLoader } from "~/routes/council.dashboard.tsx";
import { loader as reportLoader } from "~/routes/council.reports._index.tsx";
import { loader as activityLoader } from "~/routes/council.requests.tsx";
import { loader as pledgesLoader } from "~/routes/council.pledges.tsx";
import { loader as returnsLoader } from "~/routes/returns._index.tsx";
import { loader as contractsLoader } from "~/routes/contracts._index.tsx";
import { links } from "~/ui/charts/record-links.ts";
import { sharedCouncilFigures } from "~/ui/charts/council-figures.server.tsx";
import { figuresHtmlHandedOver } from "~/ui/charts/council-figures.tsx";
import { loader as csvLoader } from "~/routes/council.reports.departmental[.]csv.ts";
import {
  createCategory,
  createCommitment,
  createContract,
  createCouncil,
  createMeasure,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createReturn,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

// 22 November 2026: the current quarter is Q3 2026/27, so Q1 and Q2 2026/27 have ended.
const AS_OF = new Date("2026-11-22T10:00:00Z");
const Q2 = { financialYear: 2026, quarter: 2 as const };

let world: Awaited<ReturnType<typeof createWorld>>;
const ids: Record<string, string> = {};

async function acceptedReturn(
  contractId: string,
  quarter: number,
  lines: { commitmentId: string; quantity: string }[],
  // each time it was submitted, as its history records; submittedAt keeps the last
  options: { status?: ReturnStatus; submitted?: string[]; dueDate?: string } = {},
) {
  const kpiReturn = await createReturn({
    contractId,
    financialYear: 2026,
    quarter,
    status: options.status ?? "ACCEPTED",
    dueDate: options.dueDate ? new Date(options.dueDate) : undefined,
  });
  const submitted = options.submitted ?? [];
  for (const [i, at] of submitted.entries())
    await db.kpiReturnEvent.create({
      data: {
        returnId: kpiReturn.id,
        fromStatus: i === 0 ? "DRAFT" : "QUERIED",
        toStatus: "SUBMITTED",
        createdAt: new Date(at),
      },
    });
  if (submitted.length > 0)
    await db.kpiReturn.update({
      where: { id: kpiReturn.id },
      data: { submittedAt: new Date(submitted.at(-1)!) },
    });
  for (const line of lines) await db.kpiReturnLine.create({ data: { returnId: kpiReturn.id, ...line } });
  return kpiReturn;
}

beforeAll(async () => {
  world = await createWorld();
  const { councilA, supplier, vcse, category } = world;
  const hours = await createMeasure({
    councilId: councilA.id,
    code: "SOC-V",
    name: "Volunteering hours",
    proxyValueGbp: 15.5,
  });
  const spend = await createMeasure({
    councilId: councilA.id,
    code: "GRO-L",
    name: "Local spend",
    unit: "GBP",
  });
  const k1 = await createContract({
    councilId: councilA.id,
    supplierOrganisationId: supplier.id,
    reference: "K1",
    title: "Home care",
    department: "Adult Social Care",
    awardedOn: new Date("2026-03-01"),
    startDate: new Date("2026-04-01"),
  });
  const k2 = await createContract({
    councilId: councilA.id,
    supplierOrganisationId: supplier.id,
    reference: "K2",
    title: "IT service",
    department: "Resources",
    awardedOn: new Date("2026-01-10"),
    startDate: new Date("2026-04-01"),
  });
  const k3 = await createContract({
    councilId: councilA.id,
    supplierOrganisationId: world.otherSupplier.id,
    reference: "K3",
    title: "No commitments yet",
    department: "Resources",
    awardedOn: new Date("2025-12-01"),
  });
  await createContract({
    councilId: councilA.id,
    supplierOrganisationId: supplier.id,
    reference: "K4",
    title: "Old contract",
    awardedOn: new Date("2024-05-01"),
  });
  const k5 = await createContract({
    councilId: councilA.id,
    supplierOrganisationId: supplier.id,
    reference: "K5",
    title: "Terminated contract",
    status: "TERMINATED",
    awardedOn: null,
  });
  Object.assign(ids, { k1: k1.id, k2: k2.id, k3: k3.id });
  const plan = (...quarters: number[]) =>
    quarters.map((q, i) => ({ financialYear: 2026, quarter: i + 1, targetQuantity: q }));
  const c1 = await createCommitment({
    contractId: k1.id,
    measureId: hours.id,
    targetQuantity: 100,
    plan: plan(20, 30, 25, 25),
  });
  const c2 = await createCommitment({
    contractId: k1.id,
    measureId: spend.id,
    targetQuantity: 20000,
    plan: plan(5000, 5000, 5000, 5000),
  });
  const c3 = await createCommitment({
    contractId: k2.id,
    measureId: hours.id,
    targetQuantity: 40,
    plan: plan(10, 10, 10, 10),
  });
  Object.assign(ids, { c1: c1.id, c2: c2.id, c3: c3.id });

  // Timeliness is judged by the first submission (Q1 due 30 July, Q2 due 30 October):
  // K1: Q1 on time (queried, then sent again after the due date), Q2 on time; K2: Q1 late, Q2 on time and now
  // queried (with the supplier, but not overdue); K3: Q1 not started (overdue), Q2 draft not yet due
  await acceptedReturn(
    k1.id,
    1,
    [
      { commitmentId: c1.id, quantity: "10.25" },
      { commitmentId: c2.id, quantity: "4999.99" },
    ],
    {
      submitted: ["2026-07-20T09:00:00Z", "2026-08-03T09:00:00Z"],
    },
  );
  await acceptedReturn(
    k1.id,
    2,
    [
      { commitmentId: c1.id, quantity: "12.50" },
      { commitmentId: c2.id, quantity: "5000.02" },
    ],
    {
      submitted: ["2026-10-10T09:00:00Z"],
    },
  );
  await acceptedReturn(k2.id, 1, [{ commitmentId: c3.id, quantity: "1.10" }], {
    submitted: ["2026-08-05T09:00:00Z"],
  });
  await acceptedReturn(k2.id, 2, [{ commitmentId: c3.id, quantity: "9" }], {
    status: "QUERIED",
    submitted: ["2026-10-20T09:00:00Z"],
  });
  await createReturn({ contractId: k3.id, financialYear: 2026, quarter: 1, status: "NOT_STARTED" });
  await createReturn({
    contractId: k3.id,
    financialYear: 2026,
    quarter: 2,
    status: "DRAFT",
    dueDate: new Date("2099-01-01"),
  });
  // K5, terminated since: its Q1 return was sent late and counts; its Q2 return is no longer owed
  await acceptedReturn(k5.id, 1, [], { submitted: ["2026-08-10T09:00:00Z"] });
  await createReturn({ contractId: k5.id, financialYear: 2026, quarter: 2, status: "NOT_STARTED" });

  // Confirmed pledges towards C1: 8 hours in Q1; 9 pledged but 7 delivered in Q2. Unconfirmed ones never count.
  const request = await createRequest({
    councilId: councilA.id,
    organisationId: vcse.id,
    categoryId: category.id,
    quantity: 100,
  });
  const pledge = async (
    status: "CONFIRMED" | "DELIVERED" | "DISPUTED",
    quantity: number,
    deliveredOn: string,
    delivered?: number,
  ) => {
    const p = await createPledge({
      requestId: request.id,
      supplierOrganisationId: supplier.id,
      commitmentId: c1.id,
      quantity,
      deliveredQuantity: delivered,
      status,
    });
    await db.pledge.update({ where: { id: p.id }, data: { deliveredOn: new Date(deliveredOn) } });
  };
  await pledge("CONFIRMED", 8, "2026-05-10");
  await pledge("CONFIRMED", 9, "2026-08-20", 7);
  await pledge("DELIVERED", 50, "2026-08-21");
  await pledge("DISPUTED", 5, "2026-08-22");
});

// Hand-computed, as at 22 November 2026 (plan to date = Q1 + Q2):
//  C1 hours: plan 20 + 30 = 50; delivered 10.25 + 12.50 + 8 + 7 = 37.75 → 75.5% amber
//  C2 local spend: plan 10,000; delivered 4,999.99 + 5,000.02 = 10,000.01 → 100.0% green
//  C3 hours: plan 20; delivered 1.10 (the queried Q2 return does not count) → 5.5% red
// council A's dashboard figures as its page draws them, read back from JSON as its data had them
async function dashboardFigures() {
  return sharedCouncilFigures(await councilDashboard(world.councilA.id, { top: 75 }));
}

const EXPECTED = {
  c1: { planToDate: "50.00", deliveredToDate: "37.75", percent: 75.5, rag: "AMBER" },
  c2: { planToDate: "10000.00", deliveredToDate: "10000.01", percent: 100, rag: "GREEN" },
  c3: { planToDate: "20.00", deliveredToDate: "1.10", percent: 5.5, rag: "RED" },
} as const;

describe("council dashboard figures", () => {
  it("counts contracts awarded in the last 12 months with commitments recorded", async () => {
    const d = await councilDashboard(world.councilA.id, { top: 75, asOf: AS_OF });
    expect(d.awarded).toMatchObject({ total: 3, withCommitments: 2, percent: 66.7 });
    // K5 has no award date: it is left out of the KPI, and said so beside it
    expect(d.awarded.noAwardDate).toBe(1);
  });

  it("does not count a contract still in the pipeline as missing its award date, here or in the list", async () => {
    const council = await createCouncil();
    const officer = await createMember(council.id, "MEMBER");
    for (const status of ["PIPELINE", "ACTIVE"] as const)
      await createContract({
        councilId: council.id,
        supplierOrganisationId: world.supplier.id,
        status,
        awardedOn: null,
      });
    const d = await councilDashboard(council.id, { top: 75, asOf: AS_OF });
    expect(d.awarded.noAwardDate).toBe(1);
    const listed = await jsonOf<{ total: number }>(
      await callLoader(contractsLoader, {
        path: links.contractsWithoutAwardDate,
        cookie: await sessionCookieFor(officer.id),
      }),
    );
    expect(listed.total).toBe(1);
  });

  it("takes the last 12 months from the same date a year before, not 365 days, across a 29 February", async () => {
    const council = await createCouncil();
    for (const awardedOn of ["2027-02-28", "2027-03-01", "2028-02-29"])
      await createContract({
        councilId: council.id,
        supplierOrganisationId: world.supplier.id,
        awardedOn: new Date(`${awardedOn}T00:00:00Z`),
      });
    const d = await councilDashboard(council.id, { top: 75, asOf: new Date("2028-03-01T12:00:00Z") });
    expect(String(d.awarded.since).slice(0, 10)).toBe("2027-03-01");
    expect(d.awarded.total).toBe(2);
  });

  it("counts returns on time and late by their first submission, overdue and not yet due per quarter", async () => {
    const d = await councilDashboard(world.councilA.id, { top: 75, asOf: AS_OF });
    expect(d.compliance.map((q) => q.label)).toEqual([
      "Q3 2025/26",
      "Q4 2025/26",
      "Q1 2026/27",
      "Q2 2026/27",
    ]);
    // Q1: K1 was sent again after the due date but first on time; K2 and the terminated K5 first late; K3
    // never sent
    expect(d.compliance[2]).toMatchObject({ onTime: 1, late: 2, overdue: 1, notYetDue: 0, total: 4 });
    expect(d.compliance[2].pastDueWithSupplier).toBe(1);
    // Q2: K2 was sent on time and is queried, which is neither late nor overdue; it is still with the
    // supplier after the due date, as the council's overdue queue lists it. K5's is not owed any more.
    expect(d.compliance[3]).toMatchObject({ onTime: 2, late: 0, overdue: 0, notYetDue: 1, total: 3 });
    expect(d.compliance[3].pastDueWithSupplier).toBe(1);
    expect(d.compliance[0].total).toBe(0);
  });

  it("adds delivered and committed per measure, and the local £ from the council's proxy values", async () => {
    await db.councilSettings.update({
      where: { organisationId: world.councilA.id },
      data: { proxyValueSource: "Council proxy values 2026" },
    });
    const d = await councilDashboard(world.councilA.id, { top: 75, asOf: AS_OF });
    const byCode = Object.fromEntries(d.measures.map((m) => [m.code, m]));
    expect(byCode["SOC-V"]).toMatchObject({
      commitments: 2,
      committed: "140.00",
      planToDate: "70.00",
      delivered: "38.85",
      percent: 55.5,
      rag: "RED",
    });
    expect(byCode["GRO-L"]).toMatchObject({
      committed: "20000.00",
      planToDate: "10000.00",
      delivered: "10000.01",
      rag: "GREEN",
    });
    // hours × £15.50: committed 140 → £2,170.00; plan 70 → £1,085.00; delivered 37.75 → £585.13 (half up) + 1.10 → £17.05
    expect(d.localValue).toEqual({
      measures: 1,
      contracts: 2,
      committed: "2170.00",
      planToDate: "1085.00",
      delivered: "602.18",
    });
    expect(d.proxyValueSource).toBe("Council proxy values 2026");
    // per financial year, so years compare: every plan row and delivery here is in 2026/27
    expect(d.localValueByYear).toEqual([expect.objectContaining({ label: "2026/27", delivered: "602.18" })]);
  });

  it("ranks contracts by committed local £ with each contract's worst RAG, limited to the top N", async () => {
    const d = await councilDashboard(world.councilA.id, { top: 75, asOf: AS_OF });
    expect(d.topContracts.map((k) => k.reference)).toEqual(["K1", "K2"]);
    expect(d.topContracts[0]).toMatchObject({ worst: "AMBER", statuses: { AMBER: 1, GREEN: 1 } });
    expect(d.topContracts[0].local.committed).toBe("1550.00");
    expect(d.topContracts[1]).toMatchObject({ worst: "RED", statuses: { RED: 1 } });
    const top1 = await councilDashboard(world.councilA.id, { top: 1, asOf: AS_OF });
    expect(top1.topContracts.map((k) => k.reference)).toEqual(["K1"]);
  });
});

describe("the dashboard, the report, the export and the supplier's page agree to the penny", () => {
  // Q2 has ended; Q3 is the quarter under way on 22 November, whose plan is not yet due
  it.each([
    ["the last quarter that has ended", Q2],
    ["the quarter under way", { financialYear: 2026, quarter: 3 as const }],
  ])(
    "gives every commitment the same plan, delivery and RAG everywhere (report for %s)",
    async (_, quarter) => {
      const report = await departmentalReport({
        councilId: world.councilA.id,
        quarter,
        department: ALL_DEPARTMENTS,
        asOf: AS_OF,
      });
      expect(report.inProgress).toBe(quarter.quarter === 3);
      const reportLines = new Map(report.contracts.flatMap((k) => k.lines.map((l) => [l.commitmentId, l])));
      const commitments = await db.commitment.findMany({
        where: { id: { in: [ids.c1, ids.c2, ids.c3] } },
        select: { id: true, targetQuantity: true, measure: { select: { unit: true } } },
      });
      const supplierPage = await progressFor(commitments, AS_OF);
      for (const key of ["c1", "c2", "c3"] as const) {
        const expected = EXPECTED[key];
        const line = reportLines.get(ids[key])!;
        expect({
          planToDate: line.planToDate,
          deliveredToDate: line.deliveredToDate,
          percent: line.percent,
          rag: line.status,
        }).toEqual(expected);
        const page = supplierPage.get(ids[key])!;
        expect(
          page.kind === "numeric" && {
            planToDate: page.planToDate,
            deliveredToDate: page.deliveredToDate,
            percent: page.percent,
            rag: page.rag,
          },
        ).toEqual(expected);
      }
      // the dashboard's measure totals are the sums of exactly these figures
      const d = await councilDashboard(world.councilA.id, { top: 75, asOf: AS_OF });
      const hours = d.measures.find((m) => m.code === "SOC-V")!;
      expect(hours.delivered).toBe("38.85"); // 37.75 + 1.10
      expect(hours.planToDate).toBe("70.00"); // 50 + 20

      // the supplier's own dashboard shows the same totals for its contracts (K1 and K2 are both theirs)
      const mine = await supplierDashboard(world.supplier.id, AS_OF);
      expect(mine.measures.find((m) => m.code === "SOC-V")).toMatchObject({
        delivered: "38.85",
        planToDate: "70.00",
      });
      expect(mine.measures.find((m) => m.code === "GRO-L")).toMatchObject({
        delivered: "10000.01",
        rag: "GREEN",
      });
      expect(Object.fromEntries(mine.contracts.map((k) => [k.reference, k.worst]))).toMatchObject({
        K1: "AMBER",
        K2: "RED",
      });

      const officer = await sessionCookieFor(world.users.officerA.id);
      const csv = await callLoader(csvLoader, {
        path: "/council/reports/departmental.csv?quarter=2026-Q2&department=all",
        cookie: officer,
      });
      const rows = (await csv.text())
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/)
        .map((r) => r.split(","));
      const header = rows[0];
      const col = (name: string) => header.indexOf(name);
      const c1Row = rows.find(
        (r) => r[col("Contract reference")] === "K1" && r[col("Measure code")] === "SOC-V",
      )!;
      expect(c1Row[col("Plan to date (quarters ended)")]).toBe("50.00");
      expect(c1Row[col("Delivered to date")]).toBe("37.75");
      // in words, as the page says it: a spreadsheet reader has no legend for codes
      expect(c1Row[col("RAG")]).toBe("Amber: Slightly behind");
      expect(c1Row[col("Unit")]).toBe("Hours");
      const c2Row = rows.find((r) => r[col("Measure code")] === "GRO-L")!;
      expect(c2Row[col("Delivered to date")]).toBe("10000.01");
    },
  );
});

describe("quarterly departmental report", () => {
  it("shows delivery in the quarter and overdue returns for one department", async () => {
    const report = await departmentalReport({
      councilId: world.councilA.id,
      quarter: Q2,
      department: "Adult Social Care",
      asOf: AS_OF,
    });
    expect(report.contracts.map((k) => k.reference)).toEqual(["K1"]);
    const [k1] = report.contracts;
    expect(k1.overdueReturns).toBe(0);
    expect(k1.returnStatus).toBe("ACCEPTED");
    const byCode = Object.fromEntries(k1.lines.map((l) => [l.measureCode, l]));
    // Q2 only: hours plan 30, delivered 12.50 + 7 = 19.50; spend plan 5,000, delivered 5,000.02
    expect(byCode["SOC-V"]).toMatchObject({
      planInQuarter: "30.00",
      deliveredInQuarter: "19.50",
      target: "100.00",
    });
    expect(byCode["GRO-L"]).toMatchObject({ planInQuarter: "5000.00", deliveredInQuarter: "5000.02" });

    const resources = await departmentalReport({
      councilId: world.councilA.id,
      quarter: Q2,
      department: "Resources",
      asOf: AS_OF,
    });
    expect(Object.fromEntries(resources.contracts.map((k) => [k.reference, k.overdueReturns]))).toEqual({
      K2: 1,
      K3: 1,
    });
    expect(resources.contracts[0].lines[0]).toMatchObject({
      planInQuarter: "10.00",
      deliveredInQuarter: "0.00",
      status: "RED",
    });
  });

  it("lists the contracts whose term overlaps the quarter, ended ones included, never pipeline or terminated", async () => {
    // on council B, so the other figures here are not disturbed
    const council = world.councilB;
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const contract = (reference: string, status: ContractStatus, startDate: string, endDate: string) =>
      createContract({
        councilId: council.id,
        supplierOrganisationId: supplier.id,
        reference,
        department: "Children's Services",
        status,
        startDate: new Date(startDate),
        endDate: new Date(endDate),
        awardedOn: null,
      });
    // Q2 2026/27 runs from 1 July to 30 September 2026
    await contract("ACTIVE-ALL-YEAR", "ACTIVE", "2026-04-01", "2027-03-31");
    await contract("ACTIVE-LAST-DAY", "ACTIVE", "2026-09-30", "2028-03-31");
    await contract("ENDED-DURING", "ENDED", "2025-04-01", "2026-07-01");
    await contract("ENDED-BEFORE", "ENDED", "2025-04-01", "2026-06-30");
    await contract("STARTS-AFTER", "ACTIVE", "2026-10-01", "2028-03-31");
    await contract("PIPELINE", "PIPELINE", "2026-04-01", "2027-03-31");
    await contract("TERMINATED", "TERMINATED", "2026-04-01", "2027-03-31");
    for (const department of ["Children's Services", ALL_DEPARTMENTS]) {
      const report = await departmentalReport({
        councilId: council.id,
        quarter: Q2,
        department,
        asOf: AS_OF,
      });
      expect(report.contracts.map((k) => k.reference)).toEqual([
        "ACTIVE-ALL-YEAR",
        "ACTIVE-LAST-DAY",
        "ENDED-DURING",
      ]);
    }
  });

  it("refuses a department the council has no contracts in, in the CSV as on the page", async () => {
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const query = "?quarter=2026-Q2&department=Nowhere";
    const page = await jsonOf<{ errors: Record<string, string[]>; report: unknown }>(
      await callLoader(reportLoader, { path: `/council/reports${query}`, cookie }),
    );
    expect(page.errors.department).toEqual(["Select a department or service"]);
    expect(page.report).toBeNull();
    const csv = await callLoader(csvLoader, { path: `/council/reports/departmental.csv${query}`, cookie });
    // back to the report, which says so beside the box
    expect(csv.status).toBe(303);
    expect(csv.headers.get("location")).toBe(`/council/reports${query}`);
    // a department of another council is no department here either
    const elsewhere = await callLoader(csvLoader, {
      path: "/council/reports/departmental.csv?quarter=2026-Q2&department=Children's%20Services",
      cookie,
    });
    expect(elsewhere.status).toBe(303);
    // the blank department is the page's "All departments" (no department can be blank), in the CSV as on the
    // page, and each says so: the file's name and the page's heading
    const blank = await callLoader(csvLoader, {
      path: "/council/reports/departmental.csv?quarter=2026-Q2&department=",
      cookie,
    });
    expect(blank.status).toBe(200);
    expect(blank.headers.get("Content-Disposition")).toContain("all-departments");
    const blankPage = await jsonOf<{ errors: Record<string, string[]>; report: { department: string } }>(
      await callLoader(reportLoader, { path: "/council/reports?quarter=2026-Q2&department=", cookie }),
    );
    expect(blankPage.errors).toEqual({});
    expect(blankPage.report.department).toBe("");
  });

  it("exports CSV with a header row and a download name", async () => {
    const officer = await sessionCookieFor(world.users.officerA.id);
    const response = await callLoader(csvLoader, {
      path: "/council/reports/departmental.csv?quarter=2026-Q2&department=Resources",
      cookie: officer,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="social-value-2026-q2-resources.csv"',
    );
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      "Quarter,Department,Contract reference,Contract title,Supplier,Terminated on,Measure code,Measure,Unit,Target over the contract (or to its termination),What the supplier committed to,Plan in quarter,Delivered in quarter,Plan to date (quarters ended),Delivered to date,Delivered as % of plan,RAG,Return for the quarter,Return due date,Overdue returns,Row",
    );
    // K2's one commitment, K3 (none yet) as on the page, and the total of K2's measure
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain("K2,IT service");
    expect(lines[1]).toMatch(/,Commitment$/);
    expect(lines[2]).toMatch(
      /^Q2 2026\/27,Resources,K3,No commitments yet,.*,no commitments recorded,.*,1,Contract$/,
    );
    expect(lines[3]).toMatch(/^Q2 2026\/27,Resources,,,,,.*,Total$/);
  });

  it("keeps text a spreadsheet would run as a formula inert", async () => {
    const officer = await sessionCookieFor(world.users.officerA.id);
    const name = (await db.organisation.findUniqueOrThrow({ where: { id: world.otherSupplier.id } })).name;
    await db.organisation.update({
      where: { id: world.otherSupplier.id },
      data: { name: '=HYPERLINK("http://evil.example","Click")' },
    });
    try {
      const response = await callLoader(csvLoader, {
        path: "/council/reports/departmental.csv?quarter=2026-Q2&department=Resources",
        cookie: officer,
      });
      const text = await response.text();
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
      expect(text).not.toMatch(/,"?=HYPERLINK/);
    } finally {
      await db.organisation.update({ where: { id: world.otherSupplier.id }, data: { name } });
    }
  });

  it("opens on the last quarter that has ended and refuses quarters that have not started", async () => {
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const opened = await jsonOf<{ report: { quarter: { financialYear: number; quarter: 1 | 2 | 3 | 4 } } }>(
      await callLoader(reportLoader, { path: "/council/reports", cookie }),
    );
    const now = quarterOf(new Date());
    expect(quarterIndex(opened.report.quarter)).toBe(quarterIndex(now) - 1);
    const future = await jsonOf<{ errors: Record<string, string[]>; report: unknown }>(
      await callLoader(reportLoader, { path: "/council/reports?quarter=2099-Q1", cookie }),
    );
    expect(future.errors.quarter).toEqual(["Select a quarter that has started"]);
    expect(future.report).toBeNull();
    const csv = await callLoader(csvLoader, {
      path: "/council/reports/departmental.csv?quarter=2099-Q1",
      cookie,
    });
    expect(csv.status).toBe(303);
    expect(csv.headers.get("location")).toBe("/council/reports?quarter=2099-Q1");
  });
});

describe("every figure links to the records behind it", () => {
  it("leads from the awarded-contracts and marketplace figures to lists whose totals are those figures", async () => {
    const cookie = await sessionCookieFor(world.users.officerA.id);
    // a few requests in each state, for the activity figures
    for (const status of ["OPEN", "FULFILLED", "EXPIRED", "EXPIRED"] as const) {
      const r = await createRequest({
        councilId: world.councilA.id,
        organisationId: world.vcse.id,
        categoryId: world.category.id,
        status,
      });
      if (status !== "OPEN")
        await db.request.update({
          where: { id: r.id },
          data: { closedAt: new Date(), fulfilledAt: status === "FULFILLED" ? new Date() : null },
        });
    }
    // the figures as the dashboard draws them (its page receives them drawn: council-figures.server.tsx)
    const dashboard = await dashboardFigures();
    const { awarded, activity, localValue } = dashboard.dashboard;
    const contractsTotal = async (href: string) =>
      (await jsonOf<{ total: number }>(await callLoader(contractsLoader, { path: href, cookie }))).total;
    expect(await contractsTotal(links.awardedContracts(awarded.since))).toBe(awarded.total);
    expect(await contractsTotal(links.awardedContracts(awarded.since, "yes"))).toBe(awarded.withCommitments);
    expect(await contractsTotal(links.awardedContracts(awarded.since, "no"))).toBe(
      awarded.total - awarded.withCommitments,
    );
    expect(await contractsTotal(links.contractsWithoutAwardDate)).toBe(awarded.noAwardDate);
    // the local £ figures: the contracts whose commitments are valued in the council's proxy values
    expect(await contractsTotal(links.localValueContracts)).toBe(localValue.contracts);
    expect(localValue.contracts).toBeGreaterThan(0);
    expect(awarded.noAwardDate).toBeGreaterThan(0);
    // a day that does not exist is ignored, not rolled into the next month
    expect(await contractsTotal("/contracts?awardedSince=2026-02-30")).toBe(
      await contractsTotal("/contracts"),
    );
    expect(await contractsTotal("/contracts?awardedSince=2026-03-02")).toBeLessThan(
      await contractsTotal("/contracts"),
    );
    // delivery by measure: each measure leads to the contracts holding its commitments
    const { measures } = (await dashboardFigures()).dashboard;
    expect(measures.length).toBeGreaterThan(0);
    for (const m of measures) {
      const listed = await jsonOf<{ total: number; contracts: { id: string }[] }>(
        await callLoader(contractsLoader, { path: links.measureContracts(m.measureId), cookie }),
      );
      const holding = await db.contract.count({
        where: { councilId: world.councilA.id, commitments: { some: { measureId: m.measureId } } },
      });
      expect(listed.total).toBe(holding);
      expect(listed.total).toBeGreaterThan(0);
      expect(listed.total).toBeLessThanOrEqual(m.commitments);
    }
    // another council's measure is no filter at all: it neither narrows the list nor names the measure
    const elsewhere = await createMeasure({ councilId: world.councilB.id, code: "B-1", name: "Council B's" });
    const foreign = await jsonOf<{ total: number; measure: unknown }>(
      await callLoader(contractsLoader, { path: links.measureContracts(elsewhere.id), cookie }),
    );
    expect(foreign.measure).toBeNull();
    expect(foreign.total).toBe(await contractsTotal("/contracts"));
    for (const view of ["opened", "fulfilled", "expired", "pledged"] as const) {
      const figure = view === "pledged" ? activity.firstPledgeRequests : activity[view];
      const list = await jsonOf<{ total: number; requests: { id: string }[] }>(
        await callLoader(activityLoader, { path: links.activityRequests(view, activity.since), cookie }),
      );
      expect(list.total, view).toBe(figure);
      expect(list.total, view).toBeGreaterThan(0);
    }
    // with the supplier after the due date: this quarter's on the dashboard, a contract's in the report
    const withCompliance = await dashboardFigures();
    const thisQuarter = withCompliance.dashboard.compliance.at(-1)!;
    const returnsTotal = async (href: string) =>
      (await jsonOf<{ list: { total: number } }>(await callLoader(returnsLoader, { path: href, cookie })))
        .list.total;
    expect(await returnsTotal(links.overdueReturnsFor(thisQuarter))).toBe(thisQuarter.pastDueWithSupplier);
    expect(await returnsTotal(links.overdueReturns)).toBeGreaterThan(thisQuarter.pastDueWithSupplier);
    // each quarter's compliance figures lead to exactly the returns they count (the terminated K5's unsent
    // return is not owed, so not counted, though the list of all returns shows it)
    for (const q of withCompliance.dashboard.compliance) {
      for (const [bucket, figure] of [
        ["counted", q.total],
        ["on-time", q.onTime],
        ["late", q.late],
        ["overdue", q.overdue],
        ["not-yet-due", q.notYetDue],
      ] as const)
        expect(await returnsTotal(links.complianceReturns(q, bucket)), `${q.quarter} ${bucket}`).toBe(figure);
    }
    expect(withCompliance.dashboard.compliance.some((q) => q.total > 0)).toBe(true);
    const q2 = withCompliance.dashboard.compliance.find((q) => q.financialYear === 2026 && q.quarter === 2);
    if (q2) expect(await returnsTotal("/returns?queue=all&quarter=2026-Q2")).toBe(q2.total + 1);
    const report = await jsonOf<{ report: { contracts: { id: string; overdueReturns: number }[] } }>(
      await callLoader(reportLoader, { path: "/council/reports?quarter=2026-Q2&department=all", cookie }),
    );
    for (const k of report.report.contracts)
      expect(await returnsTotal(links.overdueReturnsFor({ contractId: k.id }))).toBe(k.overdueReturns);

    // another council's officer sees only their own council's requests
    const other = await jsonOf<{ total: number }>(
      await callLoader(activityLoader, {
        path: links.activityRequests("expired", activity.since),
        cookie: await sessionCookieFor(world.users.officerB.id),
      }),
    );
    expect(other.total).toBe(0);
  });
});

describe("who may see the council's figures", () => {
  it("lets the council's officers in and answers 404 to everyone else", async () => {
    for (const [who, status] of [
      ["officerA", 200],
      ["councilAdmin", 200],
      ["officerB", 200], // their own council's (empty) dashboard, never council A's
      ["supplierOwner", 404],
      ["vcseOwner", 404],
    ] as const) {
      const cookie = await sessionCookieFor(world.users[who].id);
      const dashboard = await callLoader(dashboardLoader, { path: "/council/dashboard", cookie });
      expect(dashboard.status, who).toBe(status);
      const report = await callLoader(reportLoader, { path: "/council/reports", cookie });
      expect(report.status, who).toBe(status);
      const csv = await callLoader(csvLoader, {
        path: "/council/reports/departmental.csv?quarter=2026-Q2",
        cookie,
      });
      expect(csv.status, who).toBe(status);
      if (who === "officerB") {
        // the figures the page shows are handed to it drawn, not in its data (council-figures.tsx)
        const { figures } = (await dashboard.json()) as { figures: string };
        expect(JSON.stringify(figuresHtmlHandedOver(figures))).not.toContain("K1");
        expect(await csv.text()).not.toContain("K1");
      }
    }
  });

  it("keeps a bad top-N or quarter from failing", async () => {
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const dashboard = await callLoader(dashboardLoader, { path: "/council/dashboard?top=abc", cookie });
    expect(dashboard.status).toBe(200);
    // the top 75, with the error beside what was typed (the page no longer receives the 75 itself: its heading
    // counts the rows shown)
    expect(await dashboard.json()).toMatchObject({ topInvalid: true, topTyped: "abc" });
    const report = await callLoader(reportLoader, { path: "/council/reports?quarter=nonsense", cookie });
    // the page with its error beside the box, answered 400 as a refused form is
    expect(report.status).toBe(400);
    expect((await report.json()).errors.quarter).toEqual(["Select a quarter"]);
  });
});

describe("marketplace activity", () => {
  it("counts requests opened, fulfilled and expired, pledged and confirmed, and the median days to first pledge", async () => {
    const council = world.councilB;
    const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const category = await createCategory(council.id);
    const day = 24 * 60 * 60 * 1000;
    const make = async (
      status: "OPEN" | "FULFILLED" | "EXPIRED",
      publishedDaysAgo: number,
      firstPledgeAfterDays: number[],
    ) => {
      const r = await createRequest({
        councilId: council.id,
        organisationId: vcse.id,
        categoryId: category.id,
        status,
        quantity: 50,
        publishedAt: new Date(AS_OF.getTime() - publishedDaysAgo * day),
      });
      if (status === "FULFILLED")
        await db.request.update({ where: { id: r.id }, data: { fulfilledAt: AS_OF } });
      if (status === "EXPIRED") await db.request.update({ where: { id: r.id }, data: { closedAt: AS_OF } });
      for (const [i, after] of firstPledgeAfterDays.entries()) {
        const p = await createPledge({
          requestId: r.id,
          supplierOrganisationId: supplier.id,
          quantity: 10,
          status: i === 0 && status === "FULFILLED" ? "CONFIRMED" : "OFFERED",
        });
        const createdAt = new Date(AS_OF.getTime() - (publishedDaysAgo - after) * day);
        // confirmed three days before the figures are taken, however long ago it was pledged
        const confirmedAt = p.status === "CONFIRMED" ? new Date(AS_OF.getTime() - 3 * day) : null;
        await db.pledge.update({ where: { id: p.id }, data: { createdAt, confirmedAt } });
      }
    };
    await make("OPEN", 10, [2]);
    await make("FULFILLED", 20, [4, 10]);
    await make("EXPIRED", 30, [9]);
    await make("OPEN", 500, [1]); // published over a year ago: outside the window
    // pledged over a year ago but confirmed three days ago: confirmed in the window, not pledged in it
    await make("FULFILLED", 450, [5]);
    const d = await councilDashboard(council.id, { top: 75, asOf: AS_OF });
    expect(d.activity).toMatchObject({
      opened: 3,
      fulfilled: 2,
      expired: 1,
      medianDaysToFirstPledge: 4,
      firstPledgeRequests: 3,
    });
    expect(d.activity.byHelpType).toEqual([{ helpType: "VOLUNTEERING", pledged: 40, confirmed: 20 }]);
    // each figure leads to the council's pledges behind it, which add up to the figure (the pledge list
    // works from today, so it is compared with the figures as at today)
    const now = await councilDashboard(council.id, { top: 75 });
    const cookie = await sessionCookieFor(world.users.officerB.id);
    for (const h of now.activity.byHelpType)
      for (const view of ["pledged", "confirmed"] as const) {
        const list = await jsonOf<{ quantity: number; total: number }>(
          await callLoader(pledgesLoader, {
            path: links.activityPledges(view, h.helpType, now.activity.since),
            cookie,
          }),
        );
        expect(list.quantity, view).toBe(h[view]);
        expect(list.total, view).toBeGreaterThan(0);
      }
    expect(now.activity.byHelpType.length).toBeGreaterThan(0);
    // council A's officer does not see council B's pledges
    const elsewhere = await jsonOf<{ pledges: { request: { id: string } }[] }>(
      await callLoader(pledgesLoader, {
        path: links.activityPledges("pledged", "VOLUNTEERING", now.activity.since),
        cookie: await sessionCookieFor(world.users.officerA.id),
      }),
    );
    const councilB = await db.request.findMany({ where: { councilId: council.id }, select: { id: true } });
    const seen = new Set(elsewhere.pledges.map((p) => p.request.id));
    expect(councilB.filter((r) => seen.has(r.id))).toEqual([]);
  });
});
