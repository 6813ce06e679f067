// The automatic request and pledge transitions (expiry, a pledge taken or given back, fulfilment, pledges
// declined when a request closes) against the real database, for every request status: each outcome must be
// the one the pure state machines give, so a database guard that drifts from them fails here.
import { beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "~/db.server.ts";
import { latestCaseStudies } from "~/domain/content/case-studies.server.ts";
import { checkConsistency } from "~/server/check-consistency.ts";
import { expireRequests } from "~/domain/marketplace/jobs.server.ts";
import { pledgeTransition } from "~/domain/marketplace/pledge-lifecycle.ts";
import { changePledge, createPledge } from "~/domain/marketplace/pledges.server.ts";
import { changeRequest } from "~/domain/marketplace/requests.server.ts";
import {
  PLEDGEABLE_STATUSES,
  REQUEST_STATUSES,
  requestTransition,
} from "~/domain/marketplace/request-lifecycle.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { createPledge as createPledgeRow, createRequest, createWorld } from "../helpers/factories.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
});

function request(status: RequestStatus, quantity: number, pledgedQuantity: number, neededBy?: Date) {
  return createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status,
    quantity,
    pledgedQuantity,
    neededBy,
  });
}

// What the state machine says a SYSTEM action does to a request: its new status, or no change when refused.
function machine(
  status: RequestStatus,
  action: "expire" | "pledgesChanged" | "fulfil",
  amounts?: { quantity: number; pledgedQuantity: number },
) {
  const transition = requestTransition(status, action, "SYSTEM", amounts);
  return transition.ok ? transition.to : status;
}

// The audit entries written for a pledge (the council's log at /council/audit).
const auditOf = (entityId: string) =>
  db.auditLog.findMany({
    where: { entityId },
    select: {
      action: true,
      entityType: true,
      entityId: true,
      organisationId: true,
      actorUserId: true,
      actorOrganisationId: true,
      details: true,
      ipAddress: true,
    },
  });

const statusOf = async (id: string) => (await db.request.findUniqueOrThrow({ where: { id } })).status;
const eventsOf = (requestId: string) =>
  db.requestEvent.findMany({
    where: { requestId },
    select: { fromStatus: true, toStatus: true, reason: true, actorUserId: true },
  });

describe("a pledge taken: the request moves as pledgesChanged says", () => {
  // [already pledged, pledged now] of a request for 10
  const amounts = [
    [0, 3],
    [0, 10],
    [7, 3],
    [5, 6],
  ] as const;
  const cases = REQUEST_STATUSES.flatMap((status) =>
    amounts.map(([pledged, quantity]) => [status, pledged, quantity] as const),
  );

  it.each(cases)("%s with %i of 10 pledged, pledging %i", async (status, pledged, quantity) => {
    const need = await request(status, 10, pledged);
    const result = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      actor: { userId: world.users.supplierOwner.id },
      submissionKey: `claim-${need.id}`,
      quantity,
      expectedDeliveryDate: inDays(10),
    });
    const after = await db.request.findUniqueOrThrow({ where: { id: need.id } });
    const takesPledges = PLEDGEABLE_STATUSES.includes(status) && pledged + quantity <= 10;
    expect(result.ok).toBe(takesPledges);
    if (!takesPledges) {
      expect(after).toMatchObject({ status, pledgedQuantity: pledged });
      expect(await eventsOf(need.id)).toEqual([]);
      return;
    }
    const amountsAfter = { quantity: 10, pledgedQuantity: pledged + quantity };
    expect(requestTransition(status, "pledgesChanged", "SYSTEM", amountsAfter).ok).toBe(true);
    const expected = machine(status, "pledgesChanged", amountsAfter);
    expect(after).toMatchObject({ status: expected, pledgedQuantity: pledged + quantity });
    expect(await eventsOf(need.id)).toEqual(
      expected === status
        ? []
        : [
            {
              fromStatus: status,
              toStatus: expected,
              reason: "Pledge received",
              actorUserId: world.users.supplierOwner.id,
            },
          ],
    );
  });
});

describe("a pledge declined: its share goes back and the request moves as pledgesChanged says", () => {
  // [pledged, this pledge's share] of a request for 10
  const amounts = [
    [10, 10],
    [10, 3],
    [4, 4],
    [4, 1],
  ] as const;
  const cases = REQUEST_STATUSES.flatMap((status) =>
    amounts.map(([pledged, share]) => [status, pledged, share] as const),
  );

  it.each(cases)("%s with %i of 10 pledged, giving back %i", async (status, pledged, share) => {
    const need = await request(status, 10, pledged);
    const pledge = await createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: share,
      status: "ACCEPTED",
    });
    const result = await changePledge({
      pledgeId: pledge.id,
      action: "decline",
      roles: ["REQUESTOR"],
      actor: { userId: world.users.vcseOwner.id },
      reason: "We no longer need this part",
    });
    expect(result).toEqual({ ok: true, status: "DECLINED" });
    const expected = machine(status, "pledgesChanged", { quantity: 10, pledgedQuantity: pledged - share });
    const after = await db.request.findUniqueOrThrow({ where: { id: need.id } });
    expect(after).toMatchObject({ status: expected, pledgedQuantity: pledged - share });
    expect(await eventsOf(need.id)).toEqual(
      expected === status
        ? []
        : [
            {
              fromStatus: status,
              toStatus: expected,
              reason: "A pledge was declined or withdrawn",
              actorUserId: world.users.vcseOwner.id,
            },
          ],
    );
  });
});

describe("the last delivery confirmed: the request is fulfilled only as fulfil says", () => {
  it.each(REQUEST_STATUSES)("%s", async (status) => {
    const need = await request(status, 5, 5);
    const pledge = await createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 5,
      status: "DELIVERED",
    });
    const result = await changePledge({
      pledgeId: pledge.id,
      action: "confirm",
      roles: ["REQUESTOR"],
      actor: { userId: world.users.vcseOwner.id },
      rating: 5,
    });
    expect(result).toEqual({ ok: true, status: "CONFIRMED" });
    const expected = machine(status, "fulfil");
    const after = await db.request.findUniqueOrThrow({ where: { id: need.id } });
    expect(after.status).toBe(expected);
    expect(after.fulfilledAt !== null).toBe(expected === "FULFILLED" && status !== "FULFILLED");
    expect(await eventsOf(need.id)).toEqual(
      expected === status
        ? []
        : [
            {
              fromStatus: status,
              toStatus: expected,
              reason: "Every pledge confirmed",
              actorUserId: world.users.vcseOwner.id,
            },
          ],
    );
  });

  it("waits while another pledge still holds a share", async () => {
    const need = await request("FULLY_PLEDGED", 5, 5);
    const delivered = await createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 3,
      status: "DELIVERED",
    });
    await createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      quantity: 2,
      status: "ACCEPTED",
    });
    await changePledge({
      pledgeId: delivered.id,
      action: "confirm",
      roles: ["REQUESTOR"],
      actor: { userId: world.users.vcseOwner.id },
    });
    expect(await statusOf(need.id)).toBe("FULLY_PLEDGED");
  });
});

describe("a delivery confirmed short of its pledge", () => {
  const deliver = async (need: { id: string }, quantity: number, deliveredQuantity: number) =>
    createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity,
      deliveredQuantity,
      status: "DELIVERED",
    });
  const confirm = (pledgeId: string) =>
    changePledge({
      pledgeId,
      action: "confirm",
      roles: ["REQUESTOR"],
      actor: { userId: world.users.vcseOwner.id },
    });

  it("gives the shortfall back: the request is partly pledged again, not fulfilled, and not a case study", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "FULLY_PLEDGED",
      quantity: 10,
      pledgedQuantity: 10,
      showcaseConsent: true,
    });
    const short = await deliver(need, 10, 6);
    expect(await confirm(short.id)).toEqual({ ok: true, status: "CONFIRMED" });
    const after = await db.request.findUniqueOrThrow({ where: { id: need.id } });
    expect(after).toMatchObject({ status: "PARTIALLY_PLEDGED", pledgedQuantity: 6, fulfilledAt: null });
    expect(await eventsOf(need.id)).toEqual([
      {
        fromStatus: "FULLY_PLEDGED",
        toStatus: "PARTIALLY_PLEDGED",
        reason: "A delivery was confirmed short of its pledge",
        actorUserId: world.users.vcseOwner.id,
      },
    ]);
    expect((await latestCaseStudies(100)).map((s) => s.id)).not.toContain(need.id);
    // the operator's checker agrees: a confirmed pledge holds what was delivered
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const found = await checkConsistency(client, { uploadDir: "/nonexistent" });
      expect(found.filter((v) => v.record === `Request ${need.id}`)).toEqual([]);
    } finally {
      await client.end();
    }

    // another supplier makes up the rest; once delivered in full and confirmed, the request is fulfilled
    const rest = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      actor: { userId: world.users.otherSupplierOwner.id },
      submissionKey: `rest-${need.id}`,
      quantity: 4,
      expectedDeliveryDate: inDays(10),
    });
    expect(rest.ok).toBe(true);
    if (!rest.ok) return;
    await db.pledge.update({
      where: { id: rest.pledgeId },
      data: { status: "DELIVERED", deliveredQuantity: 4, deliveredOn: new Date() },
    });
    expect(await confirm(rest.pledgeId)).toEqual({ ok: true, status: "CONFIRMED" });
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "FULFILLED",
      pledgedQuantity: 10,
    });
    expect((await latestCaseStudies(100)).find((s) => s.id === need.id)).toMatchObject({ quantity: 10 });
  });

  it("delivered in full, it fulfils the request as before", async () => {
    const need = await request("FULLY_PLEDGED", 4, 4);
    const full = await deliver(need, 4, 4);
    await confirm(full.id);
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "FULFILLED",
      pledgedQuantity: 4,
    });
  });

  it("on a closed request, gives the shortfall back and leaves it closed", async () => {
    const need = await request("EXPIRED", 10, 5);
    const short = await deliver(need, 5, 2);
    await confirm(short.id);
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "EXPIRED",
      pledgedQuantity: 2,
    });
    expect(await eventsOf(need.id)).toEqual([]);
  });
});

describe("expiry: a request past its needed-by date moves only as expire says", () => {
  const neededBy = new Date("2031-01-10T00:00:00Z");
  const pledgedFor: Record<RequestStatus, number> = {
    DRAFT: 0,
    SUBMITTED: 0,
    CHANGES_REQUESTED: 0,
    OPEN: 0,
    PARTIALLY_PLEDGED: 4,
    FULLY_PLEDGED: 10,
    FULFILLED: 10,
    WITHDRAWN: 0,
    EXPIRED: 0,
  };

  it("for every status, once", async () => {
    const needs = await Promise.all(
      REQUEST_STATUSES.map(async (status) => ({
        status,
        id: (await request(status, 10, pledgedFor[status], neededBy)).id,
      })),
    );
    await expireRequests(new Date("2031-01-11T12:00:00Z"));
    await expireRequests(new Date("2031-01-11T12:05:00Z"));
    for (const { status, id } of needs) {
      const expected = machine(status, "expire");
      expect({ status, now: await statusOf(id) }).toEqual({ status, now: expected });
      expect(await eventsOf(id)).toEqual(
        expected === status
          ? []
          : [
              {
                fromStatus: status,
                toStatus: expected,
                reason: "The needed-by date passed",
                actorUserId: null,
              },
            ],
      );
    }
    // fully pledged by offers nobody answered (none here), it expires like the others
    expect(machine("FULLY_PLEDGED", "expire")).toBe("EXPIRED");
  });

  it("expires a request fully pledged by offers nobody answered: SYSTEM declines them, with a reason, and tells the suppliers", async () => {
    const need = await request("FULLY_PLEDGED", 10, 10, neededBy);
    const offers = [
      await createPledgeRow({
        requestId: need.id,
        supplierOrganisationId: world.supplier.id,
        createdById: world.users.supplierMember.id,
        quantity: 6,
      }),
      await createPledgeRow({
        requestId: need.id,
        supplierOrganisationId: world.otherSupplier.id,
        createdById: world.users.otherSupplierOwner.id,
        quantity: 4,
      }),
    ];
    await expireRequests(new Date("2031-01-11T12:00:00Z"));

    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "EXPIRED",
      pledgedQuantity: 0,
    });
    expect(await eventsOf(need.id)).toEqual([
      {
        fromStatus: "FULLY_PLEDGED",
        toStatus: "EXPIRED",
        reason: "The needed-by date passed",
        actorUserId: null,
      },
    ]);
    for (const offer of offers) {
      expect(await db.pledge.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
        status: "DECLINED",
        decisionReason: "The request closed on its needed-by date before this offer was answered",
      });
      expect(await db.pledgeEvent.findMany({ where: { pledgeId: offer.id } })).toMatchObject([
        {
          fromStatus: "OFFERED",
          toStatus: "DECLINED",
          reason: "The request closed on its needed-by date before this offer was answered",
          actorUserId: null,
        },
      ]);
    }
    const emails = await db.emailOutbox.findMany({
      where: { template: "marketplace.decline", text: { contains: need.title } },
      orderBy: { to: "asc" },
    });
    expect(emails.map((e) => e.to).sort()).toEqual(
      [world.users.supplierMember.email, world.users.otherSupplierOwner.email].sort(),
    );
    for (const email of emails) {
      expect(email.text).toContain("The request closed on its needed-by date before this offer was answered");
      // closed by the portal, not turned down by the group (session 54: it read "Your pledge was declined")
      expect(email.subject).toMatch(/^Pledge closed unanswered: /);
      expect(email.text).not.toMatch(/was declined/);
    }
    // each decline is in the council's log as an ordinary decline is, by nobody (the system)
    for (const offer of offers)
      expect(await auditOf(offer.id)).toEqual([
        {
          action: "pledge.decline",
          entityType: "Pledge",
          entityId: offer.id,
          organisationId: world.councilA.id,
          actorUserId: null,
          actorOrganisationId: null,
          details: { reason: "The request closed on its needed-by date before this offer was answered" },
          ipAddress: null,
        },
      ]);
    expect(await auditOf(need.id)).toEqual([
      {
        action: "request.expire",
        entityType: "Request",
        entityId: need.id,
        organisationId: world.councilA.id,
        actorUserId: null,
        actorOrganisationId: null,
        // what it was, the date that passed, and how many offers went with it
        details: { from: "FULLY_PLEDGED", neededBy: "2031-01-10", offersDeclined: offers.length },
        ipAddress: null,
      },
    ]);
    // the group that posted it is told it has closed, and what became of the offers it had not answered
    // (session 54: before, only the reminder a week ahead reached it)
    const closed = await db.emailOutbox.findMany({
      where: { template: "marketplace.expired", text: { contains: need.title } },
    });
    expect(closed.map((e) => e.to)).toContain(world.users.vcseOwner.email);
    for (const email of closed) {
      expect(email.subject).toBe(`Your request has closed: ${need.title}`);
      expect(email.text.replace(/\s+/g, " ")).toContain(
        "2 pledges were still waiting for your answer: they have been declined, and their suppliers told.",
      );
      expect(email.text).toContain(`/requests/${need.id}/manage`);
    }
  });

  // Work is under way: a fully pledged request does not expire while it is, but the offers nobody answered by
  // the needed-by date are declined; partly pledged then, it expires, and the work under way goes on.
  it.each(["ACCEPTED", "DELIVERED", "DISPUTED", "CONFIRMED"] as const)(
    "declines the offers left on a fully pledged request with one pledge %s, then expires it",
    async (underWay) => {
      const need = await request("FULLY_PLEDGED", 10, 10, neededBy);
      const offered = await createPledgeRow({
        requestId: need.id,
        supplierOrganisationId: world.supplier.id,
        quantity: 7,
      });
      const working = await createPledgeRow({
        requestId: need.id,
        supplierOrganisationId: world.otherSupplier.id,
        quantity: 3,
        status: underWay,
      });
      await expireRequests(new Date("2031-01-11T12:00:00Z"));
      expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
        status: "EXPIRED",
        pledgedQuantity: 3,
      });
      expect((await db.pledge.findUniqueOrThrow({ where: { id: offered.id } })).status).toBe("DECLINED");
      expect((await db.pledge.findUniqueOrThrow({ where: { id: working.id } })).status).toBe(underWay);
      expect((await eventsOf(need.id)).map((e) => `${e.fromStatus} → ${e.toStatus}`).sort()).toEqual([
        "FULLY_PLEDGED → PARTIALLY_PLEDGED",
        "PARTIALLY_PLEDGED → EXPIRED",
      ]);
    },
  );

  it("keeps a fully pledged request with work under way and no offer left waiting", async () => {
    const need = await request("FULLY_PLEDGED", 10, 10, neededBy);
    await createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      quantity: 10,
      status: "ACCEPTED",
    });
    await expireRequests(new Date("2031-01-11T12:00:00Z"));
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "FULLY_PLEDGED",
      pledgedQuantity: 10,
    });
    expect(await eventsOf(need.id)).toEqual([]);
  });

  it("declines only what is still offered, as the pledge state machine's SYSTEM decline", async () => {
    const need = await request("PARTIALLY_PLEDGED", 10, 6, neededBy);
    const offered = await createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 4,
      status: "OFFERED",
    });
    const accepted = await createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      quantity: 2,
      status: "ACCEPTED",
    });
    await expireRequests(new Date("2031-01-11T12:00:00Z"));

    const declined = pledgeTransition("OFFERED", "decline", "SYSTEM");
    expect(declined).toEqual({ ok: true, to: "DECLINED" });
    expect(await db.pledge.findUniqueOrThrow({ where: { id: offered.id } })).toMatchObject({
      status: "DECLINED",
      decisionReason: "The request closed on its needed-by date before this offer was answered",
    });
    expect(await db.pledgeEvent.findMany({ where: { pledgeId: offered.id } })).toMatchObject([
      {
        fromStatus: "OFFERED",
        toStatus: "DECLINED",
        reason: "The request closed on its needed-by date before this offer was answered",
        actorUserId: null,
      },
    ]);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe("ACCEPTED");
    // the share goes back, but an expired request is not live: pledgesChanged leaves it expired
    expect(machine("EXPIRED", "pledgesChanged", { quantity: 10, pledgedQuantity: 2 })).toBe("EXPIRED");
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "EXPIRED",
      pledgedQuantity: 2,
    });
    expect(await eventsOf(need.id)).toEqual([
      {
        fromStatus: "PARTIALLY_PLEDGED",
        toStatus: "EXPIRED",
        reason: "The needed-by date passed",
        actorUserId: null,
      },
    ]);
  });
});

describe("a request withdrawn by its requestor", () => {
  it("declines what is still offered, each decline logged for the council under the requestor, as an ordinary decline is", async () => {
    const need = await request("PARTIALLY_PLEDGED", 10, 6);
    const offered = await createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      createdById: world.users.supplierMember.id,
      quantity: 4,
    });
    const declinedByHand = await createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      createdById: world.users.otherSupplierOwner.id,
      quantity: 2,
    });
    const requestor = { userId: world.users.vcseOwner.id, ipAddress: "203.0.113.9" };
    await changePledge({
      pledgeId: declinedByHand.id,
      action: "decline",
      roles: ["REQUESTOR"],
      actor: requestor,
      reason: "Not this one",
    });
    const withdrawn = await changeRequest({
      requestId: need.id,
      action: "withdraw",
      roles: ["REQUESTOR"],
      actor: requestor,
      reason: "No longer needed",
    });
    expect(withdrawn).toEqual({ ok: true, status: "WITHDRAWN" });

    expect(await db.pledge.findUniqueOrThrow({ where: { id: offered.id } })).toMatchObject({
      status: "DECLINED",
      decisionReason: "The request was withdrawn",
    });
    const byHand = await auditOf(declinedByHand.id);
    expect(byHand).toEqual([
      {
        action: "pledge.decline",
        entityType: "Pledge",
        entityId: declinedByHand.id,
        organisationId: world.councilA.id,
        actorUserId: requestor.userId,
        // the requestor acted for the group that posted the request
        actorOrganisationId: world.vcse.id,
        details: { reason: "Not this one" },
        ipAddress: requestor.ipAddress,
      },
    ]);
    expect(await auditOf(offered.id)).toEqual([
      { ...byHand[0], entityId: offered.id, details: { reason: "The request was withdrawn" } },
    ]);
    // and its history says who declined it: the requestor, by withdrawing the request
    expect(await db.pledgeEvent.findMany({ where: { pledgeId: offered.id } })).toMatchObject([
      { fromStatus: "OFFERED", toStatus: "DECLINED", actorUserId: requestor.userId },
    ]);
  });
});
