// A contract's term shortened (or its start moved later) after returns were opened for quarters it no longer
// covers: those returns stayed on the supplier's list of returns to complete, were reminded and chased as
// overdue (to the supplier and the contract manager) and sat in the council's overdue queue, for quarters the
// contract no longer ran in. The scheduled returns run now withdraws the ones never sent (not started, or a
// draft: their evidence files go from storage too), and keeps every one that was sent, for its history.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  openReturnsForQuarter,
  sendReturnReminders,
  withdrawReturnsOutsideTerm,
} from "~/domain/reporting/returns-jobs.server.ts";
import { loader as listLoader } from "~/routes/returns._index.tsx";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { createContract, createReturn } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { evidenceFolderForTests } from "./evidence-folder.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

const folder = evidenceFolderForTests("svm-evidence-term-");
const storedFiles = async () => (await folder.storedFiles()).length;

const pdfBytes = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");

// the world's contract runs April 2026 to March 2027, with its April–June return not started
async function shortenedWorld() {
  const w = await createReturnsWorld();
  const returnFor = (quarter: number, status: "NOT_STARTED" | "SUBMITTED") =>
    createReturn({ contractId: w.contract.id, financialYear: 2026, quarter, status });
  const sent = await returnFor(2, "SUBMITTED");
  const draft = await returnFor(3, "NOT_STARTED");
  const notStarted = await returnFor(4, "NOT_STARTED");
  // the supplier starts October–December's return with a figure and a file
  const form = new FormData();
  for (const [field, value] of Object.entries(
    returnForm(w, `upload:${w.hoursCommitment.id}`, { hours: "7" }),
  ))
    form.append(field, value);
  form.append("lines[0].evidence", new File([pdfBytes], "rota.pdf"));
  const uploaded = await callAction(returnAction, {
    path: `/returns/${draft.id}`,
    params: { id: draft.id },
    cookie: w.cookies.supplierOwner,
    form,
  });
  expect(uploaded.status).toBe(302);
  expect(await storedFiles()).toBe(1);
  // then the council shortens the term to end in June 2026 (its plan for later quarters goes with it)
  await db.contract.update({ where: { id: w.contract.id }, data: { endDate: new Date("2026-06-30") } });
  await db.commitmentPlan.deleteMany({ where: { commitmentId: w.hoursCommitment.id, quarter: { gt: 1 } } });
  return { w, sent, draft, notStarted };
}

const statuses = async (contractId: string) =>
  (
    await db.kpiReturn.findMany({
      where: { contractId },
      orderBy: { quarter: "asc" },
      select: { quarter: true, status: true },
    })
  ).map((r) => `Q${r.quarter} ${r.status}`);

describe("returns for quarters a shortened term no longer covers", () => {
  it("are withdrawn by the scheduled run when never sent, and kept when sent", async () => {
    const { w } = await shortenedWorld();
    const result = await openReturnsForQuarter(new Date("2027-04-02T05:00:00Z"));
    expect(result.withdrawn).toBe(2);
    expect(await statuses(w.contract.id)).toEqual(["Q1 NOT_STARTED", "Q2 SUBMITTED"]);
    expect(await storedFiles()).toBe(0);
    // the same run again changes nothing
    expect((await openReturnsForQuarter(new Date("2027-04-03T05:00:00Z"))).withdrawn).toBe(0);
    expect(await statuses(w.contract.id)).toEqual(["Q1 NOT_STARTED", "Q2 SUBMITTED"]);
    const audit = await db.auditLog.findMany({ where: { action: "return.withdraw" } });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.organisationId === w.councilA.id && a.actorUserId === null)).toBe(true);
  });

  it("are then off the supplier's list and not chased", async () => {
    const { w } = await shortenedWorld();
    const now = new Date("2027-05-20T06:30:00Z");
    await openReturnsForQuarter(now);
    const list = await jsonOf<{
      toDo: { items: { period: string }[] };
      done: { items: { period: string }[] };
    }>(await callLoader(listLoader, { path: "/returns", cookie: w.cookies.supplierOwner }));
    expect(list.toDo.items.map((r) => r.period)).toEqual(["Q1 2026/27"]);
    expect(list.done.items.map((r) => r.period)).toEqual(["Q2 2026/27"]);
    await sendReturnReminders(now);
    // the quarter still owed is chased: its opening, past its due date, said it was overdue (the first overdue
    // notice); the quarter outside the term is not
    const chased = await db.emailOutbox.findMany({
      where: {
        template: { in: ["returns-opened", "returns-overdue-supplier"] },
        councilId: w.councilA.id,
        subject: { contains: "overdue", mode: "insensitive" },
      },
    });
    expect(chased.length).toBeGreaterThan(0);
    expect(new Set(chased.map((e) => e.subject))).toEqual(
      new Set(["Your Q1 2026/27 social value return is open and already overdue: NCC-2401"]),
    );
  });

  it("a term moved to start later withdraws the unsent returns before it too", async () => {
    const w = await createReturnsWorld();
    await createReturn({ contractId: w.contract.id, financialYear: 2026, quarter: 2 });
    await db.contract.update({ where: { id: w.contract.id }, data: { startDate: new Date("2026-07-01") } });
    await db.commitmentPlan.deleteMany({ where: { commitmentId: w.hoursCommitment.id, quarter: 1 } });
    await openReturnsForQuarter(new Date("2026-10-02T05:00:00Z"));
    expect(await statuses(w.contract.id)).toEqual(["Q2 NOT_STARTED"]);
  });

  it("can be withdrawn for one contract at once, by whoever has just changed its term", async () => {
    const { w } = await shortenedWorld();
    const other = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.otherSupplier.id,
      startDate: new Date("2026-04-01"),
      endDate: new Date("2026-06-30"),
    });
    await createReturn({ contractId: other.id, financialYear: 2026, quarter: 3 });
    expect(await withdrawReturnsOutsideTerm(w.contract.id)).toEqual({ withdrawn: 2, failed: 0 });
    expect(await statuses(w.contract.id)).toEqual(["Q1 NOT_STARTED", "Q2 SUBMITTED"]);
    expect(await statuses(other.id)).toEqual(["Q3 NOT_STARTED"]);
  });
});
