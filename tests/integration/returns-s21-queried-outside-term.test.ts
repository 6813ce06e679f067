// A return sent, then queried, for a quarter a contract's term no longer covers (the term was shortened after the
// query). The scheduled run withdraws only the returns never sent, so this one stayed QUERIED: the supplier and the
// contract manager were chased about it every week, it sat in the council's overdue queue and counted as past due
// with the supplier on the dashboard and as overdue in the departmental report. It holds real reported delivery,
// so it is kept and may still be amended and reviewed, but it is no longer owed: nobody is chased about it and no
// count calls it overdue. The supplier's list shows it with the sent ones, marked as outside the term.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { returnCompliance } from "~/domain/reporting/dashboard-council.server.ts";
import { supplierDashboard } from "~/domain/reporting/dashboard-people.server.ts";
import { departmentalReport } from "~/domain/reporting/departmental-report.server.ts";
import { ALL_DEPARTMENTS } from "~/domain/reporting/departmental-report-options.ts";
import { openReturnsForQuarter, sendReturnReminders } from "~/domain/reporting/returns-jobs.server.ts";
import {
  getReturnPage,
  listCouncilReturns,
  listSupplierReturns,
} from "~/domain/reporting/returns-queries.server.ts";
import { action as reviewAction } from "~/routes/returns.$id.review.tsx";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { createReturn } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

// well past the October–December return's due date (30 January 2027)
const now = new Date("2027-02-10T06:30:00Z");

async function queriedThenShortened() {
  const w = await createReturnsWorld();
  // October–December was sent, and queried
  const queried = await createReturn({
    contractId: w.contract.id,
    financialYear: 2026,
    quarter: 3,
    status: "QUERIED",
  });
  await db.kpiReturn.update({
    where: { id: queried.id },
    data: {
      submittedAt: new Date("2027-01-10T10:00:00Z"),
      reviewComment: "Which sites were these hours at?",
    },
  });
  // the council then ends the contract in September 2026 (its plan for later quarters goes with it)
  await db.contract.update({ where: { id: w.contract.id }, data: { endDate: new Date("2026-09-30") } });
  await db.commitmentPlan.deleteMany({ where: { commitmentId: w.hoursCommitment.id, quarter: { gt: 2 } } });
  return { w, queried };
}

describe("a queried return for a quarter a shortened term no longer covers", () => {
  it("is kept, and not chased by reminders or overdue notices", async () => {
    const { w, queried } = await queriedThenShortened();
    await openReturnsForQuarter(now);
    expect((await db.kpiReturn.findUnique({ where: { id: queried.id } }))?.status).toBe("QUERIED");
    await sendReturnReminders(now);
    await sendReturnReminders(new Date("2027-02-20T06:30:00Z"));
    const chased = await db.emailOutbox.findMany({
      where: {
        councilId: w.councilA.id,
        template: { in: ["returns-overdue-supplier", "returns-overdue-manager", "returns-reminder"] },
      },
      select: { subject: true },
    });
    // the quarters still within the term are chased as before
    expect(chased.some((e) => e.subject.includes("Q1 2026/27"))).toBe(true);
    expect(chased.filter((e) => e.subject.includes("Q3 2026/27"))).toEqual([]);
    const row = await db.kpiReturn.findUniqueOrThrow({ where: { id: queried.id } });
    expect(row.overdueNoticeSentAt).toBeNull();
    expect(row.reminderSentAt).toBeNull();
  });

  it("is not in the council's overdue queue, nor counted past due or overdue", async () => {
    const { w, queried } = await queriedThenShortened();
    const overdue = await listCouncilReturns(w.councilA.id, { queue: "overdue", page: 1 }, now);
    expect(overdue.items.map((r) => r.period)).toEqual(["Q1 2026/27"]);
    const all = await listCouncilReturns(w.councilA.id, { queue: "all", page: 1 }, now);
    const listed = all.items.find((r) => r.id === queried.id);
    expect(listed).toMatchObject({ overdue: false, notOwed: "OUTSIDE_TERM" });

    const compliance = await returnCompliance(w.councilA.id, now);
    const q3 = compliance.find((c) => c.financialYear === 2026 && c.quarter === 3)!;
    expect(q3).toMatchObject({ pastDueWithSupplier: 0, overdue: 0 });
    const q1 = compliance.find((c) => c.financialYear === 2026 && c.quarter === 1)!;
    expect(q1.pastDueWithSupplier).toBe(1);

    const report = await departmentalReport({
      councilId: w.councilA.id,
      quarter: { financialYear: 2026, quarter: 2 },
      department: ALL_DEPARTMENTS,
      asOf: now,
    });
    expect(report.contracts.find((c) => c.id === w.contract.id)?.overdueReturns).toBe(1);
  });

  it("is listed to the supplier with the sent returns, marked outside the term, and is not overdue", async () => {
    const { w, queried } = await queriedThenShortened();
    const lists = await listSupplierReturns(w.supplier.id, 1, now);
    expect(lists.toDo.items.map((r) => r.period)).toEqual(["Q1 2026/27"]);
    expect(lists.done.items.find((r) => r.id === queried.id)).toMatchObject({
      overdue: false,
      notOwed: "OUTSIDE_TERM",
    });
    const dashboard = await supplierDashboard(w.supplier.id, now);
    expect(dashboard.returnsDue.map((r) => r.id)).not.toContain(queried.id);
    expect(dashboard.overdueCount).toBe(1);

    const page = await getReturnPage(queried.id, { kind: "SUPPLIER", organisationId: w.supplier.id }, now);
    expect(page).toMatchObject({ overdue: false, notOwed: "OUTSIDE_TERM", editable: true });
    const html = readableText(await (await renderPage("/returns", w.cookies.supplierOwner)).text());
    expect(html).toContain("Not owed: quarter outside the contract");
  });

  it("may still be amended, resubmitted and accepted", async () => {
    const { w, queried } = await queriedThenShortened();
    const sent = await callAction(returnAction, {
      path: `/returns/${queried.id}`,
      params: { id: queried.id },
      cookie: w.cookies.supplierOwner,
      form: returnForm(w, "submit", {
        hours: "30",
        narrative: "One event at Hilltop School",
        declaration: true,
      }),
    });
    expect(sent.status).toBe(302);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: queried.id } })).status).toBe("SUBMITTED");
    const review = await listCouncilReturns(w.councilA.id, { queue: "review", page: 1 }, now);
    expect(review.items.map((r) => r.id)).toContain(queried.id);
    const accepted = await callAction(reviewAction, {
      path: `/returns/${queried.id}/review`,
      params: { id: queried.id },
      cookie: w.cookies.officerA,
      form: {
        intent: "accept",
        submittedAt: (
          await db.kpiReturn.findUniqueOrThrow({ where: { id: queried.id } })
        ).submittedAt!.toISOString(),
      },
    });
    expect(accepted.status).toBe(302);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: queried.id } })).status).toBe("ACCEPTED");
  });
});
