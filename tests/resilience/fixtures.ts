// Data for the resilience tests, built with the shared factories plus the event rows the domain writes
// alongside every status change (the factories write statuses only).
import { db } from "~/db.server.ts";
import type { PledgeStatus, RequestStatus } from "~/generated/prisma/enums.ts";
import { createPledge, createRequest, createWorld } from "../helpers/factories.ts";

export type World = Awaited<ReturnType<typeof createWorld>>;

const REQUEST_PATH: RequestStatus[] = ["DRAFT", "SUBMITTED", "OPEN"];

// A published request whose history (events) matches its status, as approving it through the portal would.
export async function openRequest(world: World, quantity: number) {
  const request = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    createdById: world.users.vcseOwner.id,
    quantity,
    status: "OPEN",
  });
  let from: RequestStatus | null = null;
  for (const [i, to] of REQUEST_PATH.entries()) {
    await db.requestEvent.create({
      data: {
        requestId: request.id,
        fromStatus: from,
        toStatus: to,
        actorUserId: world.users.vcseOwner.id,
        createdAt: new Date(Date.now() - (REQUEST_PATH.length - i) * 1000),
      },
    });
    from = to;
  }
  return request;
}

// A pledge with its event, and the request's pledged quantity and status kept in step.
export async function pledgeTo(
  world: World,
  requestId: string,
  quantity: number,
  status: PledgeStatus = "OFFERED",
) {
  const pledge = await createPledge({
    requestId,
    supplierOrganisationId: world.supplier.id,
    createdById: world.users.supplierOwner.id,
    quantity,
    status,
  });
  await db.pledgeEvent.create({
    data: {
      pledgeId: pledge.id,
      fromStatus: null,
      toStatus: status,
      actorUserId: world.users.supplierOwner.id,
    },
  });
  const request = await db.request.update({
    where: { id: requestId },
    data: { pledgedQuantity: { increment: quantity } },
  });
  const next = request.pledgedQuantity >= request.quantity ? "FULLY_PLEDGED" : "PARTIALLY_PLEDGED";
  if (next !== request.status) {
    await db.request.update({ where: { id: requestId }, data: { status: next } });
    await db.requestEvent.create({ data: { requestId, fromStatus: request.status, toStatus: next } });
  }
  return pledge;
}
