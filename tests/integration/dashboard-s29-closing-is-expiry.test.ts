// The group's "closing soon" list restated in SQL the rule the expiry run keeps in Prisma conditions, so a change
// to one would have left the dashboard promising a close the run never makes (or not warning of one it does).
// Both now read the same rule (expiry-rule.ts: the run as Prisma conditions, the dashboard, for speed, as SQL; a test
// holds the two to the same answer, tests/integration/expiry-rule-sql.test.ts). Here, for every shape of past-due
// request, the dashboard lists exactly the ones the next run closes, and counts all of them when it lists only the
// soonest. The dates are in 1999 so the run touches no other test's requests.
import { beforeAll, describe, expect, it } from "vitest";
import type { PledgeStatus, RequestStatus } from "~/generated/prisma/enums.ts";
import { db } from "~/db.server.ts";
import { expireRequests } from "~/domain/marketplace/jobs.server.ts";
import { vcseDashboard } from "~/domain/reporting/dashboard-people.server.ts";
import { createOrganisation, createPledge, createRequest, createWorld } from "../helpers/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let groupId: string;
const ids: Record<string, string> = {};

const NEEDED_BY = new Date("1999-05-10T00:00:00Z");
const DAY_AFTER = new Date("1999-05-11T12:00:00Z");
const RUN = new Date("1999-05-12T00:30:00Z");

const shapes: [string, RequestStatus, number, PledgeStatus[]][] = [
  ["open, nothing pledged", "OPEN", 0, []],
  ["partly pledged by an offer", "PARTIALLY_PLEDGED", 5, ["OFFERED"]],
  ["partly pledged, accepted", "PARTIALLY_PLEDGED", 5, ["ACCEPTED"]],
  ["fully pledged by offers", "FULLY_PLEDGED", 10, ["OFFERED", "OFFERED"]],
  ["fully pledged, work under way", "FULLY_PLEDGED", 10, ["ACCEPTED", "DELIVERED"]],
  ["fully pledged, work under way and an offer waiting", "FULLY_PLEDGED", 10, ["ACCEPTED", "OFFERED"]],
  ["fully pledged, one disputed, one confirmed", "FULLY_PLEDGED", 10, ["DISPUTED", "CONFIRMED"]],
  ["fully pledged, one withdrawn offer", "FULLY_PLEDGED", 10, ["DELIVERED", "WITHDRAWN"]],
  ["waiting for approval", "SUBMITTED", 0, []],
  ["sent back for changes", "CHANGES_REQUESTED", 0, []],
  ["draft", "DRAFT", 0, []],
];

beforeAll(async () => {
  world = await createWorld();
  groupId = (await createOrganisation({ kind: "VCSE", councilId: world.councilA.id })).id;
  for (const [name, status, pledged, pledges] of shapes) {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: groupId,
      categoryId: world.category.id,
      title: name,
      status,
      quantity: 10,
      pledgedQuantity: pledged,
      neededBy: NEEDED_BY,
    });
    for (const pledgeStatus of pledges)
      await createPledge({
        requestId: need.id,
        supplierOrganisationId: world.supplier.id,
        status: pledgeStatus,
        quantity: status === "FULLY_PLEDGED" ? 5 : pledged,
      });
    ids[name] = need.id;
  }
});

const nameOf = (id: string) => Object.keys(ids).find((name) => ids[name] === id);

describe("the requests a group is told are closing", () => {
  it("are exactly the ones the expiry run closes", async () => {
    const dashboard = await vcseDashboard(groupId, DAY_AFTER);
    const listed = dashboard.closingSoon.map((r) => nameOf(r.id)).sort();
    expect(dashboard.closingSoon.every((r) => r.passed)).toBe(true);

    await expireRequests(RUN);
    const expired = await db.request.findMany({
      where: { organisationId: groupId, status: "EXPIRED" },
      select: { id: true },
    });
    const closed = expired.map((r) => nameOf(r.id)).sort();

    expect(listed).toEqual(closed);
    // and the shapes this covers are the interesting ones, not an empty list on both sides
    expect(closed).toEqual(
      [
        "fully pledged by offers",
        "fully pledged, work under way and an offer waiting",
        "open, nothing pledged",
        "partly pledged by an offer",
        "partly pledged, accepted",
      ].sort(),
    );
    expect(dashboard.closingSoonCount).toBe(closed.length);
  });
});

describe("a group with more closing than the list shows", () => {
  it("is told how many, and shown the soonest, of the ones the run closes", async () => {
    const group = (await createOrganisation({ kind: "VCSE", councilId: world.councilA.id })).id;
    const due = (day: number) => new Date(Date.UTC(1999, 4, day));
    const closing: string[] = [];
    // twelve due between the 13th and the 24th of May, within 14 days of the view, the latest first
    for (let day = 24; day >= 13; day--) {
      const need = await createRequest({
        councilId: world.councilA.id,
        organisationId: group,
        categoryId: world.category.id,
        status: day % 2 ? "OPEN" : "PARTIALLY_PLEDGED",
        quantity: 10,
        pledgedQuantity: day % 2 ? 0 : 5,
        neededBy: due(day),
      });
      closing.unshift(need.id);
    }
    // due in the same days but not closing: work under way on a fully pledged one, and one due after the 14 days
    const underWay = await createRequest({
      councilId: world.councilA.id,
      organisationId: group,
      categoryId: world.category.id,
      status: "FULLY_PLEDGED",
      quantity: 10,
      pledgedQuantity: 10,
      neededBy: due(13),
    });
    await createPledge({
      requestId: underWay.id,
      supplierOrganisationId: world.supplier.id,
      status: "ACCEPTED",
      quantity: 10,
    });
    await createRequest({
      councilId: world.councilA.id,
      organisationId: group,
      categoryId: world.category.id,
      neededBy: due(27),
    });

    const dashboard = await vcseDashboard(group, DAY_AFTER);
    expect(dashboard.closingSoonCount).toBe(12);
    expect(dashboard.closingSoon.map((r) => r.id)).toEqual(closing.slice(0, 10));

    await expireRequests(new Date("1999-05-26T00:30:00Z"));
    const expired = await db.request.findMany({
      where: { organisationId: group, status: "EXPIRED" },
      select: { id: true },
    });
    expect(expired.map((r) => r.id).sort()).toEqual([...closing].sort());
  });
});
