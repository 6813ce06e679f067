// A return due on a day is overdue once that day has ended in London: at 23:30 UTC on the due date it is
// still the due date in winter (GMT) but already the next day in British Summer Time. Every page that says
// "overdue" (the returns queue, the council dashboard's compliance, the departmental report, the supplier's
// dashboard, the overdue notices) draws the line at the same moment.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server.ts";
import { returnCompliance } from "~/domain/reporting/dashboard-council.server.ts";
import { supplierDashboard } from "~/domain/reporting/dashboard-people.server.ts";
import { ALL_DEPARTMENTS, departmentalReport } from "~/domain/reporting/departmental-report.server.ts";
import { sendReturnReminders } from "~/domain/reporting/returns-jobs.server.ts";
import { loader as returnsLoader } from "~/routes/returns._index.tsx";
import { createContract, createReturn, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

// Q1 2026/27 returns are due on 30 July 2026 (summer), Q3 ones on 30 January 2027 (winter).
const SUMMER_DUE = new Date("2026-07-30T00:00:00Z");
const WINTER_DUE = new Date("2027-01-30T00:00:00Z");

let world: Awaited<ReturnType<typeof createWorld>>;
const ids = { unsentSummer: "", unsentWinter: "", contract: "" };

async function sentReturn(quarter: 1 | 3, dueDate: Date, firstSentAt: string) {
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
  });
  const kpiReturn = await createReturn({ contractId: contract.id, quarter, dueDate, status: "SUBMITTED" });
  await db.kpiReturnEvent.create({
    data: {
      returnId: kpiReturn.id,
      fromStatus: "DRAFT",
      toStatus: "SUBMITTED",
      createdAt: new Date(firstSentAt),
    },
  });
  await db.kpiReturn.update({ where: { id: kpiReturn.id }, data: { submittedAt: new Date(firstSentAt) } });
}

beforeAll(async () => {
  world = await createWorld();
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    reference: "LDN-1",
  });
  ids.contract = contract.id;
  ids.unsentSummer = (
    await createReturn({ contractId: contract.id, quarter: 1, dueDate: SUMMER_DUE, status: "DRAFT" })
  ).id;
  ids.unsentWinter = (
    await createReturn({ contractId: contract.id, quarter: 3, dueDate: WINTER_DUE, status: "DRAFT" })
  ).id;
  // first sent a minute before and half an hour after midnight in London, summer and winter
  await sentReturn(1, SUMMER_DUE, "2026-07-30T22:59:00Z");
  await sentReturn(1, SUMMER_DUE, "2026-07-30T23:30:00Z");
  await sentReturn(3, WINTER_DUE, "2027-01-30T23:30:00Z");
  await sentReturn(3, WINTER_DUE, "2027-01-31T00:00:00Z");
});

afterEach(() => {
  vi.useRealTimers();
});

async function overdueQueue(now: string, quarter: string) {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(now) });
  const cookie = await sessionCookieFor(world.users.officerA.id);
  const data = await jsonOf<{ list: { total: number; items: { id: string; overdue: boolean }[] } }>(
    await callLoader(returnsLoader, { path: `/returns?queue=overdue&quarter=${quarter}`, cookie }),
  );
  const all = await jsonOf<{ list: { items: { id: string; overdue: boolean }[] } }>(
    await callLoader(returnsLoader, { path: `/returns?queue=all&quarter=${quarter}`, cookie }),
  );
  return {
    ids: data.list.items.map((r) => r.id),
    flagged: all.list.items.filter((r) => r.overdue).map((r) => r.id),
  };
}

async function reportOverdue(quarter: 1 | 3, asOf: string) {
  const report = await departmentalReport({
    councilId: world.councilA.id,
    quarter: { financialYear: 2026, quarter },
    department: ALL_DEPARTMENTS,
    asOf: new Date(asOf),
  });
  return report.contracts.find((k) => k.id === ids.contract)!.overdueReturns;
}

async function complianceFor(quarter: 1 | 3, asOf: string) {
  const rows = await returnCompliance(world.councilA.id, new Date(asOf));
  return rows.find((q) => q.financialYear === 2026 && q.quarter === quarter)!;
}

describe("in British Summer Time, 23:30 UTC on the due date is already the next day in London", () => {
  it("is overdue in the council's queue and its tags from 23:00 UTC, not before", async () => {
    expect(await overdueQueue("2026-07-30T22:30:00Z", "2026-Q1")).toEqual({ ids: [], flagged: [] });
    expect(await overdueQueue("2026-07-30T23:30:00Z", "2026-Q1")).toEqual({
      ids: [ids.unsentSummer],
      flagged: [ids.unsentSummer],
    });
  });

  it("is overdue on the dashboard, in the departmental report and on the supplier's dashboard", async () => {
    expect(await complianceFor(1, "2026-07-30T22:30:00Z")).toMatchObject({ overdue: 0, notYetDue: 1 });
    expect(await complianceFor(1, "2026-07-30T23:30:00Z")).toMatchObject({
      overdue: 1,
      notYetDue: 0,
      pastDueWithSupplier: 1,
    });
    expect(await reportOverdue(1, "2026-07-30T22:30:00Z")).toBe(0);
    expect(await reportOverdue(1, "2026-07-30T23:30:00Z")).toBe(1);
    const before = await supplierDashboard(world.supplier.id, new Date("2026-07-30T22:30:00Z"));
    const after = await supplierDashboard(world.supplier.id, new Date("2026-07-30T23:30:00Z"));
    expect(before.overdueCount).toBe(0);
    expect(before.returnsDue.find((r) => r.id === ids.unsentSummer)?.overdue).toBe(false);
    expect(after.overdueCount).toBe(1);
    expect(after.returnsDue.find((r) => r.id === ids.unsentSummer)?.overdue).toBe(true);
  });

  it("counts a return first sent at 23:30 UTC on its due date as late, at 22:59 UTC as on time", async () => {
    expect(await complianceFor(1, "2026-08-15T12:00:00Z")).toMatchObject({ onTime: 1, late: 1, overdue: 1 });
  });

  it("sends the first overdue notice from 23:00 UTC on the due date", async () => {
    await sendReturnReminders(new Date("2026-07-30T22:30:00Z"));
    const notices = () =>
      db.kpiReturn.count({ where: { id: ids.unsentSummer, overdueNoticeSentAt: { not: null } } });
    expect(await notices()).toBe(0);
    await sendReturnReminders(new Date("2026-07-30T23:30:00Z"));
    expect(await notices()).toBe(1);
  });
});

describe("in winter, London is on UTC: 23:30 UTC on the due date is still the due date", () => {
  it("is not overdue in the council's queue until midnight UTC", async () => {
    expect(await overdueQueue("2027-01-30T23:30:00Z", "2026-Q3")).toEqual({ ids: [], flagged: [] });
    expect(await overdueQueue("2027-01-31T00:00:30Z", "2026-Q3")).toEqual({
      ids: [ids.unsentWinter],
      flagged: [ids.unsentWinter],
    });
  });

  it("is not overdue on the dashboard, in the report or on the supplier's dashboard until midnight", async () => {
    expect(await complianceFor(3, "2027-01-30T23:30:00Z")).toMatchObject({ overdue: 0, notYetDue: 1 });
    expect(await complianceFor(3, "2027-01-31T00:00:30Z")).toMatchObject({ overdue: 1, notYetDue: 0 });
    expect(await reportOverdue(3, "2027-01-30T23:30:00Z")).toBe(1);
    expect(await reportOverdue(3, "2027-01-31T00:00:30Z")).toBe(2);
    const before = await supplierDashboard(world.supplier.id, new Date("2027-01-30T23:30:00Z"));
    const after = await supplierDashboard(world.supplier.id, new Date("2027-01-31T00:00:30Z"));
    expect(before.returnsDue.find((r) => r.id === ids.unsentWinter)?.overdue).toBe(false);
    expect(after.returnsDue.find((r) => r.id === ids.unsentWinter)?.overdue).toBe(true);
    expect(after.overdueCount - before.overdueCount).toBe(1);
  });

  it("counts a return first sent at 23:30 UTC on its due date as on time, at midnight as late", async () => {
    expect(await complianceFor(3, "2027-02-15T12:00:00Z")).toMatchObject({ onTime: 1, late: 1, overdue: 1 });
  });

  it("leads from each compliance figure to the same returns", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2027-02-15T12:00:00Z") });
    const cookie = await sessionCookieFor(world.users.officerA.id);
    for (const [quarter, bucket] of [
      ["2026-Q1", "on-time"],
      ["2026-Q1", "late"],
      ["2026-Q3", "on-time"],
      ["2026-Q3", "late"],
    ] as const) {
      const data = await jsonOf<{ list: { items: { submittedAt: string }[] } }>(
        await callLoader(returnsLoader, {
          path: `/returns?queue=all&quarter=${quarter}&compliance=${bucket}`,
          cookie,
        }),
      );
      expect(
        data.list.items.map((r) => r.submittedAt),
        `${quarter} ${bucket}`,
      ).toEqual([
        {
          "2026-Q1 on-time": "2026-07-30T22:59:00.000Z",
          "2026-Q1 late": "2026-07-30T23:30:00.000Z",
          "2026-Q3 on-time": "2027-01-30T23:30:00.000Z",
          "2026-Q3 late": "2027-01-31T00:00:00.000Z",
        }[`${quarter} ${bucket}`],
      ]);
    }
  });
});
