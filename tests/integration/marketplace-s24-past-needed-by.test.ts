// A request past its needed-by date stays open until the nightly expiry run closes it. Meanwhile its requestor
// could still accept an offer on it: work accepted after the date, which also kept a fully pledged request from
// expiring. Accepting (as pledging) is refused once the date has passed, with a message saying why, and the
// pledge's page says so instead of offering the button.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { londonDay } from "~/domain/calendar.ts";
import { action as pledgeAction } from "~/routes/pledges.$id.tsx";
import { action as pledgeFormAction } from "~/routes/requests.$id.pledge.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage, readableText } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;
let supplier: string;
const DAY = 86400000;
// the London day, as the needed-by date goes by it
const daysAgo = (days: number) => londonDay(new Date(Date.now() - days * DAY));

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
  supplier = await sessionCookieFor(world.users.otherSupplierOwner.id);
});

async function offerPastItsDate(status: "PARTIALLY_PLEDGED" | "FULLY_PLEDGED" = "PARTIALLY_PLEDGED") {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status,
    quantity: 20,
    pledgedQuantity: status === "FULLY_PLEDGED" ? 20 : 5,
    neededBy: daysAgo(2),
  });
  const pledge = await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.supplier.id,
    quantity: status === "FULLY_PLEDGED" ? 20 : 5,
  });
  return { need, pledge };
}

const accept = (id: string) =>
  callAction(pledgeAction, {
    path: `/pledges/${id}`,
    params: { id },
    cookie: requestor,
    form: { intent: "accept" },
  });

describe("an offer on a request whose needed-by date has passed, before the expiry run", () => {
  it("cannot be accepted: the requestor is told why, and the pledge stays on offer", async () => {
    for (const status of ["PARTIALLY_PLEDGED", "FULLY_PLEDGED"] as const) {
      const { pledge } = await offerPastItsDate(status);
      const response = await accept(pledge.id);
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toMatch(/needed-by date, .* has passed/);
      expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("OFFERED");
      expect(await db.pledgeEvent.count({ where: { pledgeId: pledge.id } })).toBe(0);
    }
  });

  it("is shown without the accept button, saying why", async () => {
    const { pledge } = await offerPastItsDate();
    const html = await (await renderPage(`/pledges/${pledge.id}`, requestor)).text();
    expect(readableText(html)).toMatch(
      /You cannot accept this pledge: the request’s needed-by date, .* has passed/,
    );
    expect(readableText(html)).toMatch(/extend the needed-by date/);
    expect(html).not.toMatch(/>Accept pledge</);
    // it can still be declined
    expect(html).toMatch(/Decline pledge/);
  });

  it("can be accepted on the needed-by day itself", async () => {
    const { need, pledge } = await offerPastItsDate();
    await db.request.update({ where: { id: need.id }, data: { neededBy: daysAgo(0) } });
    const response = await accept(pledge.id);
    expect(response.status).toBe(302);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");
  });

  it("takes no new pledge either", async () => {
    const { need } = await offerPastItsDate();
    const response = await callAction(pledgeFormAction, {
      path: `/requests/${need.id}/pledge`,
      params: { id: need.id },
      cookie: supplier,
      form: {
        submissionKey: crypto.randomUUID(),
        quantity: "2",
        expectedDeliveryDate: daysAgo(0).toISOString().slice(0, 10),
      },
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/closed to new pledges/);
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(1);
  });
});
