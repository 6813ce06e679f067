// Two steps recorded in the same millisecond come out in the order they were made (by id, as on the public
// request page), on the manage, moderation and pledge pages alike, whatever order the rows were stored in.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  getManagedRequest,
  getModerationRequest,
  getPledgePage,
} from "~/domain/marketplace/queries.server.ts";
import { createPledge, createRequest, createWorld, unique } from "../helpers/factories.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let requestId: string;
let pledgeIds: string[];
let eventIds: string[];
let pledgeEventIds: string[];

beforeAll(async () => {
  world = await createWorld();
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "OPEN",
  });
  requestId = need.id;
  const at = new Date("2026-03-01T10:00:00.123Z");
  const prefix = unique("same-ms");
  eventIds = [`${prefix}-1`, `${prefix}-2`];
  // Stored latest first, so an order by time alone gives them back the wrong way round.
  await db.requestEvent.create({
    data: { id: eventIds[1], requestId, fromStatus: "SUBMITTED", toStatus: "OPEN", createdAt: at },
  });
  await db.requestEvent.create({
    data: { id: eventIds[0], requestId, fromStatus: "DRAFT", toStatus: "SUBMITTED", createdAt: at },
  });
  // pledges too: stored latest id first (ids made in order would sort as they were stored, proving nothing)
  pledgeIds = [`${prefix}-pledge-1`, `${prefix}-pledge-2`];
  const second = await createPledge({ requestId, supplierOrganisationId: world.otherSupplier.id });
  const first = await createPledge({ requestId, supplierOrganisationId: world.supplier.id });
  await db.pledge.update({ where: { id: second.id }, data: { id: pledgeIds[1] } });
  await db.pledge.update({ where: { id: first.id }, data: { id: pledgeIds[0] } });
  await db.pledge.updateMany({ where: { requestId }, data: { createdAt: at } });
  pledgeEventIds = [`${prefix}-p1`, `${prefix}-p2`];
  await db.pledgeEvent.create({
    data: {
      id: pledgeEventIds[1],
      pledgeId: pledgeIds[0],
      fromStatus: "OFFERED",
      toStatus: "ACCEPTED",
      createdAt: at,
    },
  });
  await db.pledgeEvent.create({
    data: {
      id: pledgeEventIds[0],
      pledgeId: pledgeIds[0],
      fromStatus: null,
      toStatus: "OFFERED",
      createdAt: at,
    },
  });
});

describe("steps in the same millisecond", () => {
  it("come out by id on the requestor's manage page, pledges too", async () => {
    const managed = await getManagedRequest(requestId, [world.vcse.id]);
    expect(managed?.events.map((e) => e.id)).toEqual(eventIds);
    expect(managed?.pledges.map((p) => p.id)).toEqual(pledgeIds);
  });

  it("come out by id on the officer's moderation page", async () => {
    const moderated = await getModerationRequest(requestId, [world.councilA.id]);
    expect(moderated?.events.map((e) => e.id)).toEqual(eventIds);
  });

  it("come out by id on the pledge page", async () => {
    const page = await getPledgePage(pledgeIds[0], [world.vcse.id]);
    expect(page?.events.map((e) => e.id)).toEqual(pledgeEventIds);
  });
});
