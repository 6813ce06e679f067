// The rule of which requests close at their needed-by date is written twice: as Prisma conditions for the expiry
// run and its reminder, and as SQL for the group's dashboard, which reads its page in raw SQL (expiry-rule.ts).
// Were they to differ, a group would be told a request closes that the run leaves open, or not be warned of one it
// closes. Here both forms are asked about a request in every status with every mix of pledge statuses on it, and
// must pick the same ones; and the rows they pick are the ones the state machine says close.
import { beforeAll, describe, expect, it } from "vitest";
import type { PledgeStatus, RequestStatus } from "~/generated/prisma/enums.ts";
import { db, Prisma, readRows } from "~/db.server.ts";
import { closesAtNeededBy, closesAtNeededBySql } from "~/domain/marketplace/expiry-rule.ts";
import { UNDER_WAY_STATUSES } from "~/domain/marketplace/pledge-lifecycle.ts";
import { REQUEST_STATUSES, requestTransition } from "~/domain/marketplace/request-lifecycle.ts";
import { createOrganisation, createWorld } from "../helpers/factories.ts";

const PLEDGE_STATUSES: PledgeStatus[] = [
  "OFFERED",
  "ACCEPTED",
  "DECLINED",
  "DELIVERED",
  "CONFIRMED",
  "DISPUTED",
  "WITHDRAWN",
];

// every subset of the pledge statuses, the empty one (no pledge) first
const MIXES: PledgeStatus[][] = Array.from({ length: 2 ** PLEDGE_STATUSES.length }, (_, bits) =>
  PLEDGE_STATUSES.filter((_, i) => bits & (2 ** i)),
);

let groupId: string;
const shapeOf = new Map<string, { status: RequestStatus; pledges: PledgeStatus[] }>();

beforeAll(async () => {
  const world = await createWorld();
  groupId = (await createOrganisation({ kind: "VCSE", councilId: world.councilA.id })).id;
  const shapes = REQUEST_STATUSES.flatMap((status) => MIXES.map((pledges) => ({ status, pledges })));
  const requests = await db.request.createManyAndReturn({
    data: shapes.map(({ status, pledges }) => ({
      councilId: world.councilA.id,
      organisationId: groupId,
      categoryId: world.category.id,
      title: `${status} with ${pledges.join(", ") || "no pledge"}`,
      description: "We need help to run our community project.",
      helpType: "VOLUNTEERING",
      quantity: 20,
      pledgedQuantity: 0,
      status,
      neededBy: new Date("1999-03-01T00:00:00Z"),
      beneficiaries: "Local families",
      contactPreference: "Email the coordinator",
    })),
    select: { id: true },
  });
  requests.forEach((r, i) => shapeOf.set(r.id, shapes[i]));
  await db.pledge.createMany({
    data: requests.flatMap((r, i) =>
      shapes[i].pledges.map((status) => ({
        requestId: r.id,
        supplierOrganisationId: world.supplier.id,
        quantity: 1,
        status,
        message: "Happy to help.",
        expectedDeliveryDate: new Date("1999-02-01T00:00:00Z"),
      })),
    ),
  });
});

describe("the expiry rule in SQL", () => {
  it("picks the same requests as its Prisma conditions, for every status and mix of pledges", async () => {
    expect(shapeOf.size).toBe(REQUEST_STATUSES.length * 128);
    const byPrisma = await db.request.findMany({
      where: { AND: [{ organisationId: groupId }, closesAtNeededBy()] },
      select: { id: true },
    });
    const bySql = await readRows<{ id: string }[]>(Prisma.sql`
      SELECT r.id FROM "Request" r WHERE r."organisationId" = ${groupId} AND ${closesAtNeededBySql("r")}`);
    const picked = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    expect(picked(bySql)).toEqual(picked(byPrisma));

    // and they are what the state machine closes: an expiring request, or one whose waiting offers the run
    // declines beside work under way (and then expires)
    const closes = [...shapeOf].filter(([, { status, pledges }]) => {
      const pledgesUnderWay = pledges.filter((p) => UNDER_WAY_STATUSES.includes(p)).length;
      const expires = requestTransition(status, "expire", "SYSTEM", {
        quantity: 20,
        pledgedQuantity: 0,
        pledgesUnderWay,
      }).ok;
      const offersDeclined =
        !expires && requestTransition(status, "expire", "SYSTEM").ok && pledges.includes("OFFERED");
      return expires || offersDeclined;
    });
    expect(picked(bySql)).toEqual(closes.map(([id]) => id).sort());
    // not an empty answer on both sides: some of each status that may expire, none of the others
    const statusesPicked = new Set(bySql.map((r) => shapeOf.get(r.id)!.status));
    expect([...statusesPicked].sort()).toEqual(["FULLY_PLEDGED", "OPEN", "PARTIALLY_PLEDGED"]);
  });

  it("takes only a table alias", () => {
    expect(() => closesAtNeededBySql('r" OR true --')).toThrow();
    expect(() => closesAtNeededBySql("rule_pledge")).toThrow();
  });
});
