// A contract starting on 1 July 2026, imported on 7 December 2026, had its Q2 2026/27 return opened at once, due by
// 30 October 2026: five weeks past. Its supplier was told "Your Q2 2026/27 social value return is open … The return
// is due by 30 October 2026", not that it was overdue, and the next morning's reminders sent the first overdue
// notice. A return opened late is now given time instead (decision 023, addendum of session 55: see
// returns-s55-opened-late-due-dates.test.ts), so none opens overdue. One announced only after its due date (opened
// without an email, which went out later) still says it is overdue and counts as the first overdue notice: the next
// goes (to the supplier and the contract manager) the council's number of days later, as after any overdue notice.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  announceOpenedReturns,
  openReturnsForQuarter,
  sendReturnReminders,
} from "~/domain/reporting/returns-jobs.server.ts";
import { isOverdueNoticeDue } from "~/domain/reporting/returns-rules.ts";
import { createCommitment, createContract, createMeasure, createWorld } from "../helpers/factories.ts";

const at = (iso: string) => new Date(iso);

let world: Awaited<ReturnType<typeof createWorld>>;
let measureId: string;
let contracts = 0;

beforeAll(async () => {
  world = await createWorld();
  measureId = (await createMeasure({ councilId: world.councilA.id, unit: "HOURS" })).id;
});

/** A contract from 1 July 2026 with a commitment, managed by officerA, registered late. */
async function lateContract() {
  contracts += 1;
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    contractManagerId: world.users.officerA.id,
    reference: `S53-LATE-${contracts}-${Date.now() % 1_000_000}`,
    title: "Grounds maintenance",
    startDate: at("2026-07-01"),
    endDate: at("2027-06-30"),
  });
  await createCommitment({ contractId: contract.id, measureId });
  return contract;
}

/** The emails of one template about this contract, by address. */
const emails = (template: string, reference: string) =>
  db.emailOutbox.findMany({
    where: { template, councilId: world.councilA.id, text: { contains: reference } },
    orderBy: { to: "asc" },
  });

/** Opens the contract's returns on `openedAt` without telling anyone (as an opening in its caller's transaction
 * does), and announces them on `announcedAt`. */
async function openedThenAnnounced(contractId: string, openedAt: Date, announcedAt: Date) {
  await db.$transaction((tx) =>
    openReturnsForQuarter(openedAt, undefined, { contractIds: [contractId], client: tx }),
  );
  await announceOpenedReturns(announcedAt, [contractId]);
}

describe("a return opened late", () => {
  it("is due the council's number of days from the day it opens, and announced as open, not overdue", async () => {
    const contract = await lateContract();
    await openReturnsForQuarter(at("2026-12-07T14:00:00Z"), undefined, { contractIds: [contract.id] });
    const kpiReturn = await db.kpiReturn.findFirstOrThrow({ where: { contractId: contract.id } });
    expect(kpiReturn).toMatchObject({ financialYear: 2026, quarter: 2, dueDate: at("2027-01-06") });
    expect(kpiReturn.overdueNoticeSentAt).toBeNull();
    for (const email of await emails("returns-opened", contract.reference)) {
      expect(email.subject).toBe(`Your Q2 2026/27 social value return is open: ${contract.reference}`);
      expect(email.text).toContain("The return is due by 6 January 2027.");
    }
  });
});

describe("a return announced after its due date", () => {
  it("tells the supplier it is overdue, in the subject and the body", async () => {
    const contract = await lateContract();
    const announcedAt = at("2026-12-07T14:00:00Z");
    await openedThenAnnounced(contract.id, at("2026-10-05T06:00:00Z"), announcedAt);
    const kpiReturn = await db.kpiReturn.findFirstOrThrow({ where: { contractId: contract.id } });
    expect(kpiReturn).toMatchObject({ financialYear: 2026, quarter: 2, dueDate: at("2026-10-30") });

    const opened = await emails("returns-opened", contract.reference);
    expect(opened.map((e) => e.to)).toEqual(
      [world.users.supplierMember.email, world.users.supplierOwner.email].sort(),
    );
    for (const email of opened) {
      expect(email.subject).toBe(
        `Your Q2 2026/27 social value return is open and already overdue: ${contract.reference}`,
      );
      expect(email.text).toContain(
        "The return is overdue: it was due by 30 October 2026. Please submit it as soon as you can.",
      );
      expect(email.text).not.toContain("The return is due by");
      expect(email.html).toContain("it was due by 30 October 2026");
    }
    // counted as the first overdue notice
    expect(
      (await db.kpiReturn.findUniqueOrThrow({ where: { id: kpiReturn.id } })).overdueNoticeSentAt,
    ).toEqual(announcedAt);
  });

  it("is not chased again by the next morning's reminders, but the council's number of days later", async () => {
    const contract = await lateContract();
    await openedThenAnnounced(contract.id, at("2026-10-05T06:00:00Z"), at("2026-12-07T14:00:00Z"));

    await sendReturnReminders(at("2026-12-08T07:30:00Z"));
    expect(await emails("returns-overdue-supplier", contract.reference)).toEqual([]);
    expect(await emails("returns-overdue-manager", contract.reference)).toEqual([]);

    // the reminders' own rule, with the council's 7 days between overdue notices: the next goes on 14 December
    const kpiReturn = await db.kpiReturn.findFirstOrThrow({ where: { contractId: contract.id } });
    expect(isOverdueNoticeDue(kpiReturn, at("2026-12-13T07:30:00Z"), 7)).toBe(false);
    expect(isOverdueNoticeDue(kpiReturn, at("2026-12-14T07:30:00Z"), 7)).toBe(true);
  });
});

describe("a return opened before its due date", () => {
  it("says when it is due, as before, and leaves the overdue notices to their usual day", async () => {
    const contract = await lateContract();
    await openReturnsForQuarter(at("2026-10-05T06:00:00Z"), undefined, { contractIds: [contract.id] });
    const [email] = await emails("returns-opened", contract.reference);
    expect(email!.subject).toBe(`Your Q2 2026/27 social value return is open: ${contract.reference}`);
    expect(email!.text).toContain("The return is due by 30 October 2026.");
    expect(email!.text).not.toContain("overdue");
    const kpiReturn = await db.kpiReturn.findFirstOrThrow({ where: { contractId: contract.id } });
    expect(kpiReturn.overdueNoticeSentAt).toBeNull();
    expect(isOverdueNoticeDue(kpiReturn, at("2026-10-31T07:30:00Z"), 7)).toBe(true);
  });
});
