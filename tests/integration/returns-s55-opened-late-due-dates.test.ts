// A contract from 1 April 2026 imported on 7 December 2026 opened two returns at once: Q1 2026/27 (back-filled) due
// 6 January 2027, and Q2 2026/27 (the quarter just ended) due 30 October 2026, overdue on its first day: its supplier
// was emailed that it was "open and already overdue", and the dashboard and the departmental report counted it.
// Every return an opening creates late is now due the council's number of days from the day it opens, whichever
// path opens it (registration, import, an edit of the contract, a commitment added, the daily run): decision 023,
// addendum of session 55.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport } from "~/domain/contracts/import.server.ts";
import { quarterLabel, quarterPeriod, type QuarterNumber } from "~/domain/contracts/quarters.ts";
import { openDueReturns } from "~/domain/contracts/returns-due.server.ts";
import { updateContract } from "~/domain/contracts/contracts.server.ts";
import { contractEditSchema } from "~/domain/contracts/schemas.ts";
import { returnCompliance } from "~/domain/reporting/dashboard-council.server.ts";
import { ALL_DEPARTMENTS, departmentalReport } from "~/domain/reporting/departmental-report.server.ts";
import { openReturnsForQuarter, sendReturnReminders } from "~/domain/reporting/returns-jobs.server.ts";
import { dueDateOnOpening, isOverdue } from "~/domain/reporting/returns-rules.ts";
import { createCommitment, createContract } from "../helpers/factories.ts";
import { commitLate, iso, lastQuarter, lateTerm, registerLate, twoAgo } from "../helpers/late-contract.ts";
import { lateContractWorld, type LateContractWorld } from "../helpers/late-contract-world.ts";

const at = (moment: string) => new Date(moment);
const day = (date: string) => new Date(`${date}T00:00:00Z`);
const SETTINGS = { returnDueDays: 30, reminderDaysBefore: 7 };

let setup: LateContractWorld;
let references = 0;
const reference = (prefix: string) => `${prefix}-${++references}-${Date.now() % 1_000_000}`;

beforeEach(async () => {
  setup = await lateContractWorld();
});

/** The contract's returns: quarter, due date and whether it is overdue at `now`. */
async function returnsOf(contractId: string, now: Date) {
  const rows = await db.kpiReturn.findMany({
    where: { contractId },
    orderBy: [{ financialYear: "asc" }, { quarter: "asc" }],
  });
  return rows.map((r) => ({
    quarter: quarterLabel(r.financialYear, r.quarter as QuarterNumber),
    due: iso(r.dueDate),
    overdue: isOverdue(r, now),
  }));
}

/** The "return open" emails about a contract. */
const openedEmails = (contractReference: string) =>
  db.emailOutbox.findMany({
    where: { template: "returns-opened", text: { contains: contractReference } },
    orderBy: [{ subject: "asc" }, { to: "asc" }],
  });

/** A contract of the world's supplier from 1 April 2026, active, with JOB-02 planned every quarter and GRO-04 (a
 * percentage, a target alone), as the tester's QA-001 was imported. */
async function aprilContract(contractReference: string) {
  const { world } = setup;
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    contractManagerId: world.users.officerA.id,
    reference: contractReference,
    startDate: day("2026-04-01"),
    endDate: day("2027-03-31"),
  });
  const measure = (code: string) =>
    db.measure.findFirstOrThrow({ where: { councilId: world.councilA.id, code } });
  await createCommitment({
    contractId: contract.id,
    measureId: (await measure("JOB-02")).id,
    targetQuantity: 8,
    plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 2 })),
  });
  await createCommitment({
    contractId: contract.id,
    measureId: (await measure("GRO-04")).id,
    targetQuantity: 100,
  });
  return contract;
}

describe("a contract registered after its quarters' due dates", () => {
  const registeredAt = at("2026-12-07T14:00:00Z");

  it("has every return it opens at once due 30 days from that day, none overdue", async () => {
    const contract = await aprilContract(reference("QA"));
    await openDueReturns([contract.id], { now: registeredAt });
    expect(await returnsOf(contract.id, registeredAt)).toEqual([
      { quarter: "Q1 2026/27", due: "2027-01-06", overdue: false },
      { quarter: "Q2 2026/27", due: "2027-01-06", overdue: false },
    ]);
  });

  it("tells the supplier each return is open and when it is due, never that it is already overdue", async () => {
    const contract = await aprilContract(reference("QA"));
    await openDueReturns([contract.id], { now: registeredAt });
    const emails = await openedEmails(contract.reference);
    // each return, to each of the supplier's two people
    expect(emails).toHaveLength(4);
    for (const email of emails) {
      expect(email.subject).toMatch(/^Your Q[12] 2026\/27 social value return is open: /);
      expect(email.text).toContain("The return is due by 6 January 2027.");
      expect(email.text).not.toContain("overdue");
    }
    const returns = await db.kpiReturn.findMany({ where: { contractId: contract.id } });
    expect(returns.map((r) => r.overdueNoticeSentAt)).toEqual([null, null]);
  });

  it("is chased by nobody the next morning, and counted overdue by no dashboard or report", async () => {
    const contract = await aprilContract(reference("QA"));
    await openDueReturns([contract.id], { now: registeredAt });
    const nextMorning = at("2026-12-08T07:30:00Z");
    await sendReturnReminders(nextMorning);
    const chased = await db.emailOutbox.count({
      where: {
        template: { in: ["returns-reminder", "returns-overdue-supplier", "returns-overdue-manager"] },
        text: { contains: contract.reference },
      },
    });
    expect(chased).toBe(0);

    const councilId = setup.world.councilA.id;
    const q2 = (await returnCompliance(councilId, nextMorning)).find(
      (row) => row.financialYear === 2026 && row.quarter === 2,
    );
    expect(q2).toMatchObject({ overdue: 0, pastDueWithSupplier: 0, notYetDue: 1 });
    const report = await departmentalReport({
      councilId,
      quarter: { financialYear: 2026, quarter: 2 },
      department: ALL_DEPARTMENTS,
      asOf: nextMorning,
    });
    const row = report.contracts.find((c) => c.id === contract.id)!;
    expect(row).toMatchObject({ overdueReturns: 0, returnDueDate: day("2027-01-06").toISOString() });
  });

  it("registered a week before the quarter's due date keeps it, as every return a week before is reminded", async () => {
    const contract = await aprilContract(reference("QA"));
    const weekBefore = at("2026-10-23T10:00:00Z");
    await openDueReturns([contract.id], { now: weekBefore });
    expect(await returnsOf(contract.id, weekBefore)).toEqual([
      // back-filled, long past its usual date
      { quarter: "Q1 2026/27", due: "2026-11-22", overdue: false },
      { quarter: "Q2 2026/27", due: "2026-10-30", overdue: false },
    ]);
  });

  it("registered with fewer days left than the reminder's has the usual days from that day", async () => {
    const contract = await aprilContract(reference("QA"));
    const daysBefore = at("2026-10-27T10:00:00Z");
    await openDueReturns([contract.id], { now: daysBefore });
    expect(await returnsOf(contract.id, daysBefore)).toEqual([
      { quarter: "Q1 2026/27", due: "2026-11-26", overdue: false },
      { quarter: "Q2 2026/27", due: "2026-11-26", overdue: false },
    ]);
  });
});

describe("the daily run", () => {
  it("opening the quarter just ended the morning after keeps its usual date", async () => {
    const contract = await aprilContract(reference("RUN"));
    const morning = at("2026-10-01T05:00:00Z");
    await openReturnsForQuarter(morning, undefined, { contractIds: [contract.id] });
    expect(await returnsOf(contract.id, morning)).toEqual([
      { quarter: "Q1 2026/27", due: "2026-10-31", overdue: false },
      { quarter: "Q2 2026/27", due: "2026-10-30", overdue: false },
    ]);
  });

  it("opening them late (its returns never opened until now) gives each the same time", async () => {
    const contract = await aprilContract(reference("RUN"));
    const morning = at("2026-12-08T06:00:00Z");
    await openReturnsForQuarter(morning, undefined, { contractIds: [contract.id] });
    expect(await returnsOf(contract.id, morning)).toEqual([
      { quarter: "Q1 2026/27", due: "2027-01-07", overdue: false },
      { quarter: "Q2 2026/27", due: "2027-01-07", overdue: false },
    ]);
  });
});

// The paths an officer takes, on today's date: whatever the day, every return opened is due by the one rule, and
// none is overdue or said to be in its opening email.
describe("registered, imported or edited today", () => {
  /** Each of the contract's returns is dated by dueDateOnOpening for today, nothing overdue, no email saying so. */
  async function datedByTheRule(contractId: string, contractReference: string, now: Date) {
    const returns = await db.kpiReturn.findMany({ where: { contractId } });
    expect(returns.length).toBeGreaterThan(0);
    for (const r of returns) {
      expect(iso(r.dueDate)).toBe(iso(dueDateOnOpening(r.periodEnd, now, SETTINGS)));
      expect(isOverdue(r, now)).toBe(false);
    }
    for (const email of await openedEmails(contractReference)) expect(email.subject).not.toContain("overdue");
  }

  it("by the registration form, once its commitment is added", async () => {
    const { world, actor, measureId } = setup;
    const contractReference = reference("FORM");
    const registered = await registerLate(actor, {
      reference: contractReference,
      supplierOrganisationId: world.supplier.id,
      ...lateTerm,
    });
    await commitLate(actor, registered.id, measureId, [twoAgo, lastQuarter]);
    await datedByTheRule(registered.id, contractReference, new Date());
  });

  it("by an import", async () => {
    const { world } = setup;
    const contractReference = reference("CSV");
    const start = quarterPeriod(twoAgo.financialYear, twoAgo.quarter).start;
    const plan = [twoAgo, lastQuarter]
      .map((q) => `${quarterLabel(q.financialYear, q.quarter)}=10`)
      .join("; ");
    const file =
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,status,measure_code,target_quantity,delivery_plan\n" +
      `${contractReference},Works,${setup.world.companyNumber},Resources,100,${iso(start)},${lateTerm.endDate},Active,SOC-01,20,${plan}\n`;
    const result = await applyImport(setup.actor, file);
    expect(result.ok).toBe(true);
    const contract = await db.contract.findFirstOrThrow({
      where: { councilId: world.councilA.id, reference: contractReference },
    });
    await datedByTheRule(contract.id, contractReference, new Date());
  });

  it("by an edit moving its start earlier", async () => {
    const { world, actor } = setup;
    const contractReference = reference("EDIT");
    const registered = await registerLate(actor, {
      reference: contractReference,
      supplierOrganisationId: world.supplier.id,
      startDate: iso(quarterPeriod(lastQuarter.financialYear, lastQuarter.quarter).start),
      endDate: lateTerm.endDate,
    });
    // a percentage: no plan, so every quarter of the term is owed
    const percentage = await db.measure.findFirstOrThrow({
      where: { councilId: world.councilA.id, code: "GRO-04" },
    });
    await createCommitment({ contractId: registered.id, measureId: percentage.id, targetQuantity: 100 });
    const { updatedAt } = await db.contract.findUniqueOrThrow({ where: { id: registered.id } });
    const saved = await updateContract(
      actor,
      registered.id,
      contractEditSchema.parse({
        ...registered.fields,
        status: "ACTIVE",
        startDate: lateTerm.startDate,
        version: updatedAt.toISOString(),
      }),
    );
    expect(saved.ok).toBe(true);
    // started two quarters ago after all: both ended quarters are owed, opened by the save
    const quarters = await db.kpiReturn.findMany({
      where: { contractId: registered.id },
      orderBy: [{ financialYear: "asc" }, { quarter: "asc" }],
    });
    expect(quarters.map((r) => ({ financialYear: r.financialYear, quarter: r.quarter }))).toEqual([
      twoAgo,
      lastQuarter,
    ]);
    await datedByTheRule(registered.id, contractReference, new Date());
  });
});
