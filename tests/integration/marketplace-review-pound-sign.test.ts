// A funding request is counted in pounds, and the forms ask "How much do you need?" and "How much are you
// pledging (£)?": someone who typed "£2,500" was told "Enter the quantity as a number". A pound sign in front
// of an amount is now read as the amount, in the request, pledge and delivery forms.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as pledgeDetailAction } from "~/routes/pledges.$id.tsx";
import { action as pledgeAction } from "~/routes/requests.$id.pledge.tsx";
import { action as newRequestAction } from "~/routes/requests.new/route.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  cookies.vcse = await sessionCookieFor(world.users.vcseOwner.id);
  cookies.supplier = await sessionCookieFor(world.users.supplierOwner.id);
});

describe("an amount typed with a pound sign", () => {
  it("is the quantity of a funding request", async () => {
    const answer = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie: cookies.vcse,
      form: {
        intent: "draft",
        title: "Minibus fuel for day trips",
        description: "Fuel for our minibus so isolated older people can join our day trips this summer.",
        councilId: world.councilA.id,
        categoryId: world.category.id,
        helpType: "FUNDING",
        quantity: "£2,500",
        districtId: world.district.id,
        neededBy: inDays(40),
        submissionKey: `pound-${Date.now()}`,
      },
    });
    expect(answer.status).toBe(302);
    const made = await db.request.findFirstOrThrow({ where: { title: "Minibus fuel for day trips" } });
    expect(made.quantity).toBe(2500);
  });

  it("is the quantity pledged, and the quantity delivered", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      helpType: "FUNDING",
      quantity: 3000,
    });
    const answer = await callAction(pledgeAction, {
      path: `/requests/${need.id}/pledge`,
      params: { id: need.id },
      cookie: cookies.supplier,
      form: { submissionKey: `pound-pledge-${need.id}`, quantity: "£ 500", expectedDeliveryDate: inDays(10) },
    });
    expect(answer.status).toBe(302);
    expect((await db.pledge.findFirstOrThrow({ where: { requestId: need.id } })).quantity).toBe(500);

    const accepted = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      quantity: 400,
      status: "ACCEPTED",
    });
    await db.request.update({ where: { id: need.id }, data: { pledgedQuantity: 900 } });
    const other = await sessionCookieFor(world.users.otherSupplierOwner.id);
    const reported = await callAction(pledgeDetailAction, {
      path: `/pledges/${accepted.id}`,
      params: { id: accepted.id },
      cookie: other,
      form: {
        intent: "reportDelivery",
        deliveredQuantity: "£400",
        deliveredOn: inDays(0),
        deliveryNote: "Paid into the group's account",
      },
    });
    expect(reported.status).toBe(302);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: accepted.id } })).deliveredQuantity).toBe(400);
  });

  it("is still refused with other text around it", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      helpType: "FUNDING",
    });
    const answer = await callAction(pledgeAction, {
      path: `/requests/${need.id}/pledge`,
      params: { id: need.id },
      cookie: cookies.supplier,
      form: { submissionKey: `pound-bad-${need.id}`, quantity: "£5 or so", expectedDeliveryDate: inDays(10) },
    });
    expect(answer.status).toBe(400);
  });
});
