// The scheduled returns jobs, run on chosen days: returns open once per contract per quarter; reminders and
// overdue notices go to the right people at the right time, once; overdue returns show in the council queue.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { openReturnsForQuarter, sendReturnReminders } from "~/domain/reporting/returns-jobs.server.ts";
import { SCHEDULED_JOBS } from "~/jobs/registry.server.ts";
import { loader as listLoader } from "~/routes/returns._index.tsx";
import { createCommitment, createContract, createMeasure, createMember } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";
import { createReturnsWorld } from "./returns-world.ts";

const at = (iso: string) => new Date(iso);

async function outbox(template: string, councilId: string) {
  const rows = await db.emailOutbox.findMany({ where: { template, councilId }, orderBy: { to: "asc" } });
  return rows.map((r) => r.to);
}

describe("opening the quarter's returns", () => {
  it("creates one return per active contract with commitments, due N days after quarter end, once", async () => {
    const w = await createReturnsWorld();
    await db.kpiReturn.deleteMany({ where: { contractId: w.contract.id } });
    await db.councilSettings.update({
      where: { organisationId: w.councilA.id },
      data: { returnDueDays: 20 },
    });
    const measure = await createMeasure({ councilId: w.councilA.id });
    const contract = (overrides: Parameters<typeof createContract>[0]) => createContract(overrides);
    const base = { councilId: w.councilA.id, supplierOrganisationId: w.otherSupplier.id };
    const noCommitments = await contract({ ...base, startDate: at("2026-01-01"), endDate: at("2027-12-31") });
    const pipeline = await contract({ ...base, status: "PIPELINE" });
    await createCommitment({ contractId: pipeline.id, measureId: measure.id });
    const startsLater = await contract({ ...base, startDate: at("2026-07-01"), endDate: at("2027-12-31") });
    await createCommitment({ contractId: startsLater.id, measureId: measure.id });
    // (started in the quarter too: earlier quarters would be back-filled, see returns-backfill.test.ts)
    const endedInQuarter = await contract({
      ...base,
      status: "ENDED",
      startDate: at("2026-04-01"),
      endDate: at("2026-05-31"),
    });
    await createCommitment({ contractId: endedInQuarter.id, measureId: measure.id });

    const first = await openReturnsForQuarter(at("2026-07-01T06:00:00Z"));
    expect(first.quarter).toEqual({ financialYear: 2026, quarter: 1 });
    const returns = await db.kpiReturn.findMany({ where: { contract: { councilId: w.councilA.id } } });
    expect(returns.map((r) => r.contractId).sort()).toEqual([w.contract.id, endedInQuarter.id].sort());
    const ours = returns.find((r) => r.contractId === w.contract.id)!;
    expect(ours).toMatchObject({
      financialYear: 2026,
      quarter: 1,
      status: "NOT_STARTED",
      periodStart: at("2026-04-01"),
      periodEnd: at("2026-06-30"),
      dueDate: at("2026-07-20"),
    });
    expect(returns.map((r) => r.contractId)).not.toContain(noCommitments.id);
    expect(await outbox("returns-opened", w.councilA.id)).toEqual(
      [w.users.otherSupplierOwner.email, w.users.supplierMember.email, w.users.supplierOwner.email].sort(),
    );

    // a second run the next day (or a retry) creates and sends nothing more
    const second = await openReturnsForQuarter(at("2026-07-02T06:00:00Z"));
    expect(second).toMatchObject({ created: 0, announced: 0 });
    expect(await db.kpiReturn.count({ where: { contract: { councilId: w.councilA.id } } })).toBe(2);
    expect(await outbox("returns-opened", w.councilA.id)).toHaveLength(3);
  });

  it("is registered as scheduled work", () => {
    expect(SCHEDULED_JOBS.map((j) => j.name)).toEqual(
      expect.arrayContaining(["returns-open-quarter", "returns-reminders"]),
    );
  });
});

describe("reminders and overdue notices", () => {
  // the world's Q1 2026/27 return is due on 30 July 2026; the council reminds 7 days before
  it("reminds the supplier from 7 days before the due date, once", async () => {
    const w = await createReturnsWorld();
    await sendReturnReminders(at("2026-07-22T07:30:00Z"));
    expect(await outbox("returns-reminder", w.councilA.id)).toEqual([]);
    expect(await sendReturnReminders(at("2026-07-23T07:30:00Z"))).toMatchObject({ reminders: 1 });
    expect(await outbox("returns-reminder", w.councilA.id)).toEqual(
      [w.users.supplierMember.email, w.users.supplierOwner.email].sort(),
    );
    await sendReturnReminders(at("2026-07-24T07:30:00Z"));
    expect(await outbox("returns-reminder", w.councilA.id)).toHaveLength(2);
  });

  it("uses the council's own reminder setting", async () => {
    const w = await createReturnsWorld();
    await db.councilSettings.update({
      where: { organisationId: w.councilA.id },
      data: { reminderDaysBefore: 14 },
    });
    await sendReturnReminders(at("2026-07-16T07:30:00Z"));
    expect(await outbox("returns-reminder", w.councilA.id)).toHaveLength(2);
  });

  it("sends overdue notices to the supplier and the contract manager, then every N days", async () => {
    const w = await createReturnsWorld();
    await createMember(w.councilA.id, "ADMIN"); // not told: the contract has a manager
    // the last minute of 30 July in London (British Summer Time): not overdue yet
    await sendReturnReminders(at("2026-07-30T22:59:00Z"));
    expect(await outbox("returns-overdue-supplier", w.councilA.id)).toEqual([]);

    await sendReturnReminders(at("2026-07-31T07:30:00Z"));
    expect(await outbox("returns-overdue-supplier", w.councilA.id)).toEqual(
      [w.users.supplierMember.email, w.users.supplierOwner.email].sort(),
    );
    expect(await outbox("returns-overdue-manager", w.councilA.id)).toEqual([w.users.officerA.email]);

    await sendReturnReminders(at("2026-07-31T12:00:00Z"));
    await sendReturnReminders(at("2026-08-06T07:30:00Z"));
    expect(await outbox("returns-overdue-manager", w.councilA.id)).toHaveLength(1);
    await sendReturnReminders(at("2026-08-07T07:30:00Z"));
    expect(await outbox("returns-overdue-manager", w.councilA.id)).toHaveLength(2);
    const flagged = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    expect(flagged.overdueNoticeSentAt).toEqual(at("2026-08-07T07:30:00Z"));
  });

  it("tells the council's admins when no contract manager is assigned", async () => {
    const w = await createReturnsWorld();
    await db.contract.update({ where: { id: w.contract.id }, data: { contractManagerId: null } });
    await sendReturnReminders(at("2026-08-01T07:30:00Z"));
    expect(await outbox("returns-overdue-manager", w.councilA.id)).toEqual([w.users.councilAdmin.email]);
  });

  it("sends nothing for submitted or accepted returns", async () => {
    const w = await createReturnsWorld();
    for (const status of ["SUBMITTED", "ACCEPTED"] as const) {
      await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status } });
      await sendReturnReminders(at("2026-07-25T07:30:00Z"));
      await sendReturnReminders(at("2026-08-10T07:30:00Z"));
    }
    expect(await db.emailOutbox.count({ where: { councilId: w.councilA.id } })).toBe(0);
  });

  it("flags overdue returns in the council's queue and on the supplier's list", async () => {
    const w = await createReturnsWorld();
    // the world's return was due on 30 July 2026, well before today's clock
    const queue = await jsonOf<{ list: { items: { id: string; overdue: boolean }[] } }>(
      await callLoader(listLoader, { path: "/returns?queue=overdue", cookie: w.cookies.officerA }),
    );
    expect(queue.list.items).toEqual([expect.objectContaining({ id: w.kpiReturn.id, overdue: true })]);
    const mine = await jsonOf<{ toDo: { items: { id: string; overdue: boolean }[] } }>(
      await callLoader(listLoader, { path: "/returns", cookie: w.cookies.supplierOwner }),
    );
    expect(mine.toDo.items).toEqual([expect.objectContaining({ id: w.kpiReturn.id, overdue: true })]);
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "SUBMITTED" } });
    const after = await jsonOf<{ list: { items: unknown[] } }>(
      await callLoader(listLoader, { path: "/returns?queue=overdue", cookie: w.cookies.officerA }),
    );
    expect(after.list.items).toEqual([]);
  });
});

describe("returns of a contract that is no longer being delivered", () => {
  it("are not reminded, chased as overdue or listed in the overdue queue once it is terminated or back in the pipeline", async () => {
    for (const status of ["TERMINATED", "PIPELINE"] as const) {
      const w = await createReturnsWorld();
      await db.contract.update({
        where: { id: w.contract.id },
        data: { status, terminatedOn: status === "TERMINATED" ? new Date("2026-06-15") : null },
      });
      // the world's return is due on 30 July 2026: due soon, then overdue, then overdue again
      for (const day of ["2026-07-25", "2026-07-31", "2026-08-10"])
        await sendReturnReminders(at(`${day}T07:30:00Z`));
      expect(await db.emailOutbox.count({ where: { councilId: w.councilA.id } })).toBe(0);
      expect(await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).toMatchObject({
        reminderSentAt: null,
        overdueNoticeSentAt: null,
      });
      const queue = await jsonOf<{ list: { items: unknown[] } }>(
        await callLoader(listLoader, { path: "/returns?queue=overdue", cookie: w.cookies.officerA }),
      );
      expect(queue.list.items).toEqual([]);
      const all = await jsonOf<{ list: { items: { id: string; overdue: boolean }[] } }>(
        await callLoader(listLoader, { path: "/returns?queue=all", cookie: w.cookies.officerA }),
      );
      expect(all.list.items).toEqual([expect.objectContaining({ id: w.kpiReturn.id, overdue: false })]);
    }
  });

  it("are still chased once it has ended normally: its last quarters are owed", async () => {
    const w = await createReturnsWorld();
    await db.contract.update({ where: { id: w.contract.id }, data: { status: "ENDED" } });
    await sendReturnReminders(at("2026-07-25T07:30:00Z"));
    await sendReturnReminders(at("2026-07-31T07:30:00Z"));
    expect(await outbox("returns-reminder", w.councilA.id)).toHaveLength(2);
    expect(await outbox("returns-overdue-manager", w.councilA.id)).toEqual([w.users.officerA.email]);
    const queue = await jsonOf<{ list: { items: { id: string }[] } }>(
      await callLoader(listLoader, { path: "/returns?queue=overdue", cookie: w.cookies.officerA }),
    );
    expect(queue.list.items).toEqual([expect.objectContaining({ id: w.kpiReturn.id })]);
  });

  it("are not announced when the quarter's returns open", async () => {
    const w = await createReturnsWorld();
    // a return created earlier for a contract since terminated, not yet announced
    await db.contract.update({
      where: { id: w.contract.id },
      data: { status: "TERMINATED", terminatedOn: new Date("2026-06-15") },
    });
    await openReturnsForQuarter(at("2026-07-01T06:00:00Z"));
    expect(await outbox("returns-opened", w.councilA.id)).toEqual([]);
    expect(await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).toMatchObject({
      openedNoticeSentAt: null,
    });
  });
});
