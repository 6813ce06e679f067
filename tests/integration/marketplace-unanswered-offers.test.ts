// A fully pledged request with work under way does not expire, but an offer on it nobody answered by the
// needed-by date used to stay "offered" for ever, holding its share, its supplier never told. The expiry run
// declines it (the supplier is emailed), the share goes back, and the request, now partly pledged, expires
// while the accepted work goes on.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  expireRequests,
  sendExpiryReminders,
  UNANSWERED_OFFER_REASON,
} from "~/domain/marketplace/jobs.server.ts";
import { createPledge, createRequest, createWorld } from "../helpers/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const NEEDED_BY = new Date("2036-05-10T00:00:00Z");
const DAY_AFTER = new Date("2036-05-11T00:30:00Z");

beforeAll(async () => {
  world = await createWorld();
});

async function fullyPledged(options: { withOffer: boolean }) {
  const request = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 10,
    pledgedQuantity: 10,
    status: "FULLY_PLEDGED",
    neededBy: NEEDED_BY,
  });
  const accepted = await createPledge({
    requestId: request.id,
    supplierOrganisationId: world.supplier.id,
    quantity: options.withOffer ? 6 : 10,
    status: "ACCEPTED",
  });
  const offer = options.withOffer
    ? await createPledge({
        requestId: request.id,
        supplierOrganisationId: world.otherSupplier.id,
        quantity: 4,
      })
    : null;
  return { request, accepted, offer };
}

describe("an offer left unanswered on a fully pledged request past its needed-by date", () => {
  it("is declined and its supplier told; the request expires, the accepted work goes on", async () => {
    const { request, accepted, offer } = await fullyPledged({ withOffer: true });
    const untouched = await fullyPledged({ withOffer: false });
    // not before the date has passed
    await expireRequests(new Date("2036-05-09T12:00:00Z"));
    expect((await db.pledge.findUniqueOrThrow({ where: { id: offer!.id } })).status).toBe("OFFERED");

    const run = await expireRequests(DAY_AFTER);
    expect(run.offersDeclined).toBeGreaterThanOrEqual(1);
    expect(await db.pledge.findUniqueOrThrow({ where: { id: offer!.id } })).toMatchObject({
      status: "DECLINED",
      decisionReason: UNANSWERED_OFFER_REASON,
    });
    expect(await db.pledgeEvent.findMany({ where: { pledgeId: offer!.id } })).toMatchObject([
      { fromStatus: "OFFERED", toStatus: "DECLINED", reason: UNANSWERED_OFFER_REASON, actorUserId: null },
    ]);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: accepted.id } })).status).toBe("ACCEPTED");
    expect(await db.request.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "EXPIRED",
      pledgedQuantity: 6,
    });
    const told = await db.emailOutbox.findMany({
      where: { template: "marketplace.decline", text: { contains: request.title } },
    });
    expect(told.map((e) => e.to)).toEqual([world.users.otherSupplierOwner.email]);
    expect(told[0].text).toContain(UNANSWERED_OFFER_REASON);
    expect(told[0].subject).toMatch(/^Pledge closed unanswered: /);
    expect(told[0].text).toContain("did not accept or decline it before the request’s needed-by date");
    expect(
      await db.auditLog.count({
        where: { action: "request.unanswered_offers_declined", entityId: request.id },
      }),
    ).toBe(1);

    // one with no offer left waiting is left as it was: fully pledged, being delivered
    expect((await db.request.findUniqueOrThrow({ where: { id: untouched.request.id } })).status).toBe(
      "FULLY_PLEDGED",
    );

    // the next run finds nothing more to do
    await expireRequests(new Date(DAY_AFTER.getTime() + 60_000));
    expect(await db.pledgeEvent.count({ where: { pledgeId: offer!.id } })).toBe(1);
    expect(
      await db.emailOutbox.count({
        where: { template: "marketplace.decline", text: { contains: request.title } },
      }),
    ).toBe(1);
  });

  it("is announced a week ahead, with the reminder every expiring request gets", async () => {
    const { request } = await fullyPledged({ withOffer: true });
    const { request: noOffer } = await fullyPledged({ withOffer: false });
    await sendExpiryReminders(new Date("2036-05-04T08:00:00Z"));
    const reminded = (id: string) =>
      db.request.findUniqueOrThrow({ where: { id } }).then((r) => r.reminderSentAt);
    expect(await reminded(request.id)).not.toBeNull();
    expect(await reminded(noOffer.id)).toBeNull();
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { template: "marketplace.expiryReminder", subject: { contains: request.title } },
    });
    expect(email.to).toBe(world.users.vcseOwner.email);
    expect(email.text).toContain("Pledges still waiting for your answer");
  });
});
