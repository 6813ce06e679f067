// A group asking for £2,500.50 of funding, or a supplier pledging £10.50 to a funding request (or reporting £10.50
// delivered), was told "The quantity must be a whole number": it did not say that the pence were what was refused.
// Funding is in whole pounds, and the error now says so; other help types keep their words.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server.ts";
import { createPledge, createRequest } from "../helpers/factories.ts";
import { postDeliveryReport, postNewRequest, postPledge } from "../helpers/marketplace-posts.ts";
import { readableMainText } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";
import { daysFromToday, ukDate } from "../helpers/london-days.ts";

const WHOLE_POUNDS = "Enter whole pounds, without pence, for example 250";

async function openRequest(helpType: "FUNDING" | "VOLUNTEERING") {
  const w = await createReturnsWorld();
  const need = await createRequest({
    councilId: w.councilA.id,
    organisationId: w.vcse.id,
    categoryId: w.category.id,
    createdById: w.users.vcseOwner.id,
    helpType,
    quantity: 2500,
    status: "OPEN",
    neededBy: new Date(`${daysFromToday(60)}T00:00:00.000Z`),
  });
  return { w, need };
}

describe("funding is in whole pounds, and its errors say so", () => {
  test("a pledge of £10.50 is told to give whole pounds, and what was typed is kept", async () => {
    const { w, need } = await openRequest("FUNDING");
    const response = await postPledge(w.cookies.supplierOwner, need.id, {
      submissionKey: "key-s38-pence",
      quantity: "£10.50",
      expectedDeliveryDate: ukDate(daysFromToday(10)),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain(WHOLE_POUNDS);
    expect(text).not.toContain("must be a whole number");
    expect(html).toContain('value="£10.50"');
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(0);
  });

  test("a request for £2,500.50 is told to give whole pounds, and what was typed is kept", async () => {
    const w = await createReturnsWorld();
    const response = await postNewRequest(w, w.cookies.vcseOwner, {
      submissionKey: "s38-request-pence",
      title: "Funding for a winter warm space",
      description: "Heating and hot drinks for our winter warm space on Tuesdays",
      helpType: "FUNDING",
      quantity: "£2,500.50",
      isRemote: "on",
      neededBy: ukDate(daysFromToday(30)),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(readableMainText(html)).toContain(WHOLE_POUNDS);
    expect(html).toContain('value="£2,500.50"');
  });

  test("other help types are still told to give a whole number", async () => {
    const { w, need } = await openRequest("VOLUNTEERING");
    const response = await postPledge(w.cookies.supplierOwner, need.id, {
      submissionKey: "key-s38-half-hour",
      quantity: "1.5",
      expectedDeliveryDate: ukDate(daysFromToday(10)),
    });
    expect(response.status).toBe(400);
    const text = readableMainText(await response.text());
    expect(text).toContain("Enter the quantity as a whole number, like 12");
    expect(text).not.toContain("pence");
  });

  test("a delivery of £10.50 reported is told to give whole pounds", async () => {
    const { w, need } = await openRequest("FUNDING");
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: w.supplier.id,
      quantity: 100,
      status: "ACCEPTED",
    });
    const response = await postDeliveryReport(w.cookies.supplierOwner, pledge.id, {
      deliveredQuantity: "£10.50",
      deliveryNote: "A cheque for the warm space",
    });
    expect(response.status).toBe(400);
    const text = readableMainText(await response.text());
    expect(text).toContain(WHOLE_POUNDS);
    expect(text).not.toContain("Enter a whole number");
  });
});
