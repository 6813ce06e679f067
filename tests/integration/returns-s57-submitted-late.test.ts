// QA (s57): a return first submitted after its due date read "Submitted … by Sam Supplier" next to "Due by 30 October
// 2026" on its own page and the officer's review page, and "Submitted" or "Accepted" in the returns lists, while the
// council dashboard counted it "First submitted late". The pages and lists now say it was submitted late, and how
// many London days after the due date, by the dashboard's rule: the first submission, after the due date had ended.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { returnCompliance } from "~/domain/reporting/dashboard-council.server.ts";
import type { ReturnStatus } from "~/generated/prisma/enums.ts";
import { loader as returnsLoader } from "~/routes/returns._index.tsx";
import { createContract, createReturn, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { pageHtmlAs, readableMainText } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

// Q2 2026/27 returns are due on 30 October 2026 (after the clocks go back: London is on UTC), Q1 ones on 30 July
// 2026 (British Summer Time: the day ends at 23:00 UTC).
const Q2_DUE = new Date("2026-10-30T00:00:00Z");
const Q1_DUE = new Date("2026-07-30T00:00:00Z");

let world: Awaited<ReturnType<typeof createWorld>>;
const ids = { late: "", onDueDay: "", lateThenAccepted: "", resentLate: "", lateInSummer: "" };

/** A return sent at each of `sentAt` (queried between), left in `status`. */
async function sentReturn(quarter: 1 | 2, dueDate: Date, sentAt: string[], status: ReturnStatus) {
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    contractManagerId: world.users.officerA.id,
    startDate: new Date("2026-04-01"),
  });
  const kpiReturn = await createReturn({ contractId: contract.id, quarter, dueDate, status });
  for (const [i, at] of sentAt.entries())
    await db.kpiReturnEvent.create({
      data: {
        returnId: kpiReturn.id,
        fromStatus: i === 0 ? "DRAFT" : "QUERIED",
        toStatus: "SUBMITTED",
        actorUserId: world.users.supplierOwner.id,
        createdAt: new Date(at),
      },
    });
  await db.kpiReturn.update({
    where: { id: kpiReturn.id },
    data: { submittedAt: new Date(sentAt.at(-1)!), submittedById: world.users.supplierOwner.id },
  });
  return kpiReturn.id;
}

beforeAll(async () => {
  world = await createWorld();
  ids.late = await sentReturn(2, Q2_DUE, ["2026-12-07T22:19:00Z"], "SUBMITTED");
  // half an hour before midnight in London on the due day
  ids.onDueDay = await sentReturn(2, Q2_DUE, ["2026-10-30T23:30:00Z"], "SUBMITTED");
  ids.lateThenAccepted = await sentReturn(
    2,
    Q2_DUE,
    ["2026-11-02T10:00:00Z", "2026-11-20T10:00:00Z"],
    "ACCEPTED",
  );
  // first sent on time, queried, sent again after the due date: on time, as the dashboard counts it
  ids.resentLate = await sentReturn(2, Q2_DUE, ["2026-10-29T10:00:00Z", "2026-11-15T10:00:00Z"], "SUBMITTED");
  // 23:30 UTC on 30 July is 00:30 on 31 July in London
  ids.lateInSummer = await sentReturn(1, Q1_DUE, ["2026-07-30T23:30:00Z"], "SUBMITTED");
});

const pageText = async (path: string, userId: string) => readableMainText(await pageHtmlAs(path, userId));

describe("a return first submitted after its due date", () => {
  it("says so, and how many days late, on the supplier's page, the council's page and the review page", async () => {
    const views = [
      [`/returns/${ids.late}`, world.users.supplierOwner.id],
      [`/returns/${ids.late}`, world.users.officerA.id],
      [`/returns/${ids.late}/review`, world.users.officerA.id],
    ] as const;
    for (const [path, userId] of views) {
      const text = await pageText(path, userId);
      expect(text, path).toContain("Due by 30 October 2026");
      expect(text, path).toContain("Status Submitted Submitted late");
      expect(text, path).toContain("Submitted late 38 days after it was due on 30 October 2026");
    }
  });

  it("counts London days: sent at 00:30 on the day after, in summer, is a day late", async () => {
    const text = await pageText(`/returns/${ids.lateInSummer}`, world.users.supplierOwner.id);
    expect(text).toContain("Submitted late 1 day after it was due on 30 July 2026");
  });

  it("of one queried and sent again, tells when it was first submitted, and stays late once accepted", async () => {
    for (const path of [`/returns/${ids.lateThenAccepted}`, `/returns/${ids.lateThenAccepted}/review`]) {
      const text = await pageText(path, world.users.officerA.id);
      expect(text, path).toContain("Status Accepted Submitted late");
      expect(text, path).toContain(
        "Submitted late First submitted 3 days after it was due on 30 October 2026",
      );
    }
  });

  it("is not said of a return first sent by the end of its due day, even if sent again later", async () => {
    for (const id of [ids.onDueDay, ids.resentLate]) {
      for (const path of [`/returns/${id}`, `/returns/${id}/review`]) {
        const text = await pageText(path, world.users.officerA.id);
        expect(text, path).toContain("Status Submitted");
        expect(text, path).not.toContain("Submitted late");
      }
    }
  });
});

type ListItem = { id: string; daysSubmittedLate: number | null };

describe("the returns lists", () => {
  it("tag the returns the dashboard counts as first submitted late, and only those", async () => {
    const [q2] = await returnCompliance(world.councilA.id, new Date("2026-12-15T12:00:00Z"), 1);
    expect(q2).toMatchObject({ label: "Q2 2026/27", late: 2, onTime: 2 });
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const listed = async (bucket: string) =>
      (
        await jsonOf<{ list: { items: ListItem[] } }>(
          await callLoader(returnsLoader, {
            path: `/returns?queue=all&quarter=2026-Q2&compliance=${bucket}`,
            cookie,
          }),
        )
      ).list.items;
    const late = await listed("late");
    expect(late.map((r) => r.id).sort()).toEqual([ids.late, ids.lateThenAccepted].sort());
    expect(late.every((r) => r.daysSubmittedLate !== null)).toBe(true);
    const onTime = await listed("on-time");
    expect(onTime.map((r) => r.id).sort()).toEqual([ids.onDueDay, ids.resentLate].sort());
    expect(onTime.every((r) => r.daysSubmittedLate === null)).toBe(true);

    const html = await pageText("/returns?queue=all&quarter=2026-Q2", world.users.officerA.id);
    expect(html.match(/Submitted late/g)).toHaveLength(2);
    expect(html).toContain("Accepted Submitted late");
  });

  it("tag them in the supplier's list too", async () => {
    const text = await pageText("/returns", world.users.supplierOwner.id);
    // the late Q2 one, the accepted one and the summer one
    expect(text.match(/Submitted late/g)).toHaveLength(3);
  });
});
