// A contract in the pipeline has not been awarded: its commitments are tender promises (decision 033). The
// quarterly report left them out, but the council dashboard counted them in delivered against committed, the
// measures, the top contracts (a pipeline contract whose planned quarters had passed showed red though it never
// started) and the local £, so the dashboard and the report disagreed. Both now leave them out, and so do the lists
// the figures link to and the supplier's own dashboard.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { openCommitments } from "~/domain/marketplace/matching.server.ts";
import { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import { supplierDashboard } from "~/domain/reporting/dashboard-people.server.ts";
import { ALL_DEPARTMENTS, departmentalReport } from "~/domain/reporting/departmental-report.server.ts";
import { localValueInYear } from "~/domain/reporting/local-value.server.ts";
import { PIPELINE_NOT_COUNTED } from "~/domain/reporting/progress-format.ts";
import { formatHundredths, toHundredths } from "~/domain/reporting/progress.ts";
import { loader as contractsLoader } from "~/routes/contracts._index.tsx";
import { links } from "~/ui/charts/record-links.ts";
import {
  createCommitment,
  createContract,
  createCouncil,
  createMeasure,
  createMember,
  createOrganisation,
  createReturn,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

// Q3 2026/27 is under way: Q1 and Q2 have ended, so their plan is due
const AS_OF = new Date("2026-11-15T12:00:00Z");
const Q3 = { financialYear: 2026, quarter: 3 as const };

let councilId: string;
let supplierId: string;
let measureId: string;
let officerCookie: string;
let supplierCookie: string;

beforeAll(async () => {
  const council = await createCouncil();
  councilId = council.id;
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId });
  supplierId = supplier.id;
  officerCookie = await sessionCookieFor((await createMember(councilId, "OFFICER")).id);
  supplierCookie = await sessionCookieFor((await createMember(supplierId, "OWNER")).id);
  const hours = await createMeasure({ councilId, code: "SOC-1", proxyValueGbp: 10 });
  measureId = hours.id;
  const contract = (reference: string, status: "ACTIVE" | "PIPELINE") =>
    createContract({
      councilId,
      supplierOrganisationId: supplierId,
      reference,
      status,
      startDate: new Date("2026-04-01"),
      endDate: new Date("2099-03-31"),
    });
  const awarded = await contract("AWARDED-1", "ACTIVE");
  const tender = await contract("TENDER-1", "PIPELINE");
  const plan = [
    { financialYear: 2026, quarter: 1, targetQuantity: 20 },
    { financialYear: 2026, quarter: 2, targetQuantity: 20 },
  ];
  const kept = await createCommitment({ contractId: awarded.id, measureId, targetQuantity: 100, plan });
  // a bigger promise, planned in quarters already past and never delivered: red if it were counted
  await createCommitment({
    contractId: tender.id,
    measureId,
    targetQuantity: 500,
    plan: plan.map((p) => ({ ...p, targetQuantity: 50 })),
  });
  const q1 = await createReturn({
    contractId: awarded.id,
    financialYear: 2026,
    quarter: 1,
    status: "ACCEPTED",
  });
  await db.kpiReturnLine.create({ data: { returnId: q1.id, commitmentId: kept.id, quantity: 18 } });
});

const sum = (values: (string | null)[]) =>
  formatHundredths(values.reduce((total, v) => total + (v === null ? 0n : toHundredths(v)), 0n));
const times10 = (value: string) => formatHundredths(toHundredths(value) * 10n);

describe("a contract in the pipeline", () => {
  it("is left out of the dashboard's delivery, measures, top contracts and local £, which equal the report's", async () => {
    const d = await councilDashboard(councilId, { top: 75, asOf: AS_OF });
    expect(d.measures).toHaveLength(1);
    expect(d.measures[0]).toMatchObject({
      commitments: 1,
      committed: "100.00",
      planToDate: "40.00",
      delivered: "18.00",
      rag: "RED",
    });
    expect(d.topContracts.map((k) => k.reference)).toEqual(["AWARDED-1"]);
    expect(d.contractsWithCommitments).toBe(1);
    expect(d.localValue).toMatchObject({
      contracts: 1,
      committed: "1000.00",
      planToDate: "400.00",
      delivered: "180.00",
    });
    expect(d.localValueByYear).toEqual([
      { financialYear: 2026, label: expect.any(String), planned: "400.00", delivered: "180.00" },
    ]);

    // the quarterly report for the quarter under way, all departments: the same contracts and the same figures
    const report = await departmentalReport({
      councilId,
      quarter: Q3,
      department: ALL_DEPARTMENTS,
      asOf: AS_OF,
    });
    expect(report.contracts.map((k) => k.reference)).toEqual(["AWARDED-1"]);
    const lines = report.contracts.flatMap((k) => k.lines);
    const measure = d.measures[0]!;
    expect(sum(lines.map((l) => l.target))).toBe(measure.committed);
    expect(sum(lines.map((l) => l.planToDate))).toBe(measure.planToDate);
    expect(sum(lines.map((l) => l.deliveredToDate))).toBe(measure.delivered);
    expect(times10(sum(lines.map((l) => l.target)))).toBe(d.localValue.committed);
    expect(times10(sum(lines.map((l) => l.deliveredToDate)))).toBe(d.localValue.delivered);
  });

  it("is left out of the local £ records behind each year's figure", async () => {
    for (const view of ["planned", "delivered"] as const) {
      const list = await localValueInYear(councilId, { financialYear: 2026, view, page: 1, asOf: AS_OF });
      expect(list.total).toBe(view === "planned" ? "400.00" : "180.00");
      expect(list.contracts).toBe(1);
      expect(list.rows.map((r) => r.contract.reference)).toEqual(["AWARDED-1"]);
    }
  });

  it("is left out of the contracts a measure's and the local £ figures link to, which says so", async () => {
    const d = await councilDashboard(councilId, { top: 75, asOf: AS_OF });
    const listed = async (path: string) =>
      jsonOf<{ total: number; contracts: { reference: string }[] }>(
        await callLoader(contractsLoader, { path, cookie: officerCookie }),
      );
    const byMeasure = await listed(links.measureContracts(measureId));
    expect(byMeasure.total).toBe(d.measures[0]!.commitments);
    expect(byMeasure.contracts.map((k) => k.reference)).toEqual(["AWARDED-1"]);
    const local = await listed(links.localValueContracts);
    expect(local.total).toBe(d.localValue.contracts);
    expect(local.contracts.map((k) => k.reference)).toEqual(["AWARDED-1"]);

    const page = await renderPage(links.measureContracts(measureId), officerCookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(readableText(html)).toContain("contracts not yet awarded (in the pipeline) are left out");
    // the filter can be taken off, the measure's kept
    expect(html).toContain(`href="/contracts?measure=${measureId}"`);
    expect((await listed(`/contracts?measure=${measureId}`)).total).toBe(2);
  });

  it("the council dashboard says it is not counted", async () => {
    const page = await renderPage("/council/dashboard", officerCookie);
    expect(page.status).toBe(200);
    const text = readableText(await page.text());
    expect(text).toContain(PIPELINE_NOT_COUNTED);
    expect(text).toContain("Delivered against committed, all awarded contracts");
  });

  it("is listed but not counted on the supplier's dashboard", async () => {
    const s = await supplierDashboard(supplierId, AS_OF);
    expect(s.measures).toHaveLength(1);
    expect(s.measures[0]).toMatchObject({ commitments: 1, committed: "100.00", delivered: "18.00" });
    expect(s.contracts.map((k) => [k.reference, k.inPipeline, k.commitments])).toEqual([
      ["AWARDED-1", false, 1],
      ["TENDER-1", true, 0],
    ]);
    const page = await renderPage("/dashboard", supplierCookie);
    expect(page.status).toBe(200);
    const text = readableText(await page.text());
    expect(text).toContain(PIPELINE_NOT_COUNTED);
    expect(text).toContain("Not yet awarded (in the pipeline): not counted");
  });

  it("offers no commitment for the marketplace to match a request to", async () => {
    const open = await openCommitments(supplierId, AS_OF);
    expect(open.map((c) => c.contract)).toEqual([expect.stringMatching(/^AWARDED-1 /)]);
  });
});
