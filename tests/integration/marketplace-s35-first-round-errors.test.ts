// A reviewer with JavaScript off was told some errors only in a second round, once the others were put right: a
// request with no district, postcode area or "remote" (checked only by the domain), a pledge of more than the request
// still needs, and a delivery of more than was pledged. They now come in the first error summary with the others.
// A huge quantity was told to be a whole number, not its limit; a delivery note too short was told to "add a note";
// a delivery date in the future named no example day; and the "Please confirm delivery" email led to the manage page,
// which has no confirm form: it now opens the pledge's page, where the requestor confirms.
import { describe, expect, test } from "vitest";
import { db } from "~/db.server.ts";
import { createPledge, createRequest } from "../helpers/factories.ts";
import { postDeliveryReport, postNewRequest, postPledge } from "../helpers/marketplace-posts.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";
import { daysFromToday, londonToday, ukDate } from "../helpers/london-days.ts";

const LUNCH_CLUB = "Volunteers to help at our lunch club on Fridays";
const PLACE_NEEDED = "Select a district, enter a postcode area, or say it can be done remotely";

describe("the request form says where the help is needed in the first round", () => {
  for (const intent of ["submit", "draft"]) {
    test(`no district, postcode area or remote is told with the other errors (${intent})`, async () => {
      const w = await createReturnsWorld();
      const response = await postNewRequest(w, w.cookies.vcseOwner, {
        intent,
        submissionKey: `s35-place-${intent}`,
        title: "Hi",
        description: LUNCH_CLUB,
        quantity: "10",
        neededBy: ukDate(daysFromToday(30)),
      });
      expect(response.status).toBe(400);
      const html = await response.text();
      const text = readableMainText(html);
      expect(text).toContain("Title must be 5 characters or more");
      expect(text).toContain(PLACE_NEEDED);
      expect(html).toContain('href="#districtId"');
      // what was typed is kept
      expect(html).toContain(LUNCH_CLUB);
    });
  }

  test("the form says one of district, postcode area or remote is needed", async () => {
    const w = await createReturnsWorld();
    const text = readableMainText(await (await renderPage("/requests/new", w.cookies.vcseOwner)).text());
    expect(text).toContain("you need at least one");
    expect(text).not.toContain("Postcode area (optional)");
    expect(text).toContain("Needed if you select no district and it cannot be done remotely");
  });

  test("a huge quantity is told its limit, not that it is not whole", async () => {
    const w = await createReturnsWorld();
    const response = await postNewRequest(w, w.cookies.vcseOwner, {
      submissionKey: "s35-huge",
      title: "Lunch club volunteers",
      description: LUNCH_CLUB,
      quantity: "99999999999999999999",
      isRemote: "on",
      neededBy: ukDate(daysFromToday(30)),
    });
    expect(response.status).toBe(400);
    const text = readableMainText(await response.text());
    expect(text).toContain("The quantity must be 1,000,000 or less");
    expect(text).not.toContain("must be a whole number");
  });
});

test("a pledge of more than is left and a bad date are told together", async () => {
  const w = await createReturnsWorld();
  const need = await createRequest({
    councilId: w.councilA.id,
    organisationId: w.vcse.id,
    categoryId: w.category.id,
    quantity: 50,
    pledgedQuantity: 10,
    status: "PARTIALLY_PLEDGED",
    neededBy: new Date(`${daysFromToday(60)}T00:00:00.000Z`),
  });
  const response = await postPledge(w.cookies.supplierOwner, need.id, {
    submissionKey: "key-s35-over-left",
    quantity: "41",
    expectedDeliveryDate: "31/02/2027",
  });
  expect(response.status).toBe(400);
  const text = readableMainText(await response.text());
  expect(text).toContain("The expected delivery date must be a real date");
  expect(text).toContain("Enter 40 hours or less: that is what is still needed");
  expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(0);
});

describe("reporting a delivery", () => {
  async function accepted() {
    const w = await createReturnsWorld();
    const need = await createRequest({
      councilId: w.councilA.id,
      organisationId: w.vcse.id,
      categoryId: w.category.id,
      createdById: w.users.vcseOwner.id,
      quantity: 40,
      pledgedQuantity: 25,
      status: "PARTIALLY_PLEDGED",
    });
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: w.supplier.id,
      quantity: 25,
      status: "ACCEPTED",
    });
    return { w, pledge };
  }

  test("more than was pledged and a short note are told together, the note in its own words", async () => {
    const { w, pledge } = await accepted();
    const response = await postDeliveryReport(w.cookies.supplierOwner, pledge.id, {
      deliveredQuantity: "30",
      deliveryNote: "x",
    });
    expect(response.status).toBe(400);
    const text = readableMainText(await response.text());
    expect(text).toContain("Enter 25 hours or less: that is what you pledged");
    expect(text).toContain("Note must be 3 characters or more: say what was delivered");
    expect(text).not.toContain("Add a note about what was delivered");
  });

  test("a date in the future is told an example day, today", async () => {
    const { w, pledge } = await accepted();
    const response = await postDeliveryReport(w.cookies.supplierOwner, pledge.id, {
      deliveredQuantity: "20",
      deliveredOn: ukDate(daysFromToday(3)),
      deliveryNote: "Twenty hours",
    });
    expect(response.status).toBe(400);
    expect(readableMainText(await response.text())).toContain(
      `Date delivered cannot be in the future, for example ${ukDate(londonToday())}`,
    );
  });

  test("the email asking the requestor to confirm opens the page with the confirm form", async () => {
    const { w, pledge } = await accepted();
    const response = await postDeliveryReport(w.cookies.supplierOwner, pledge.id, {
      deliveredQuantity: "20",
      deliveryNote: "Twenty hours",
    });
    expect(response.status).toBe(302);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { template: "marketplace.reportDelivery", html: { contains: pledge.id } },
    });
    expect(email.html).toContain(`/pledges/${pledge.id}"`);
    expect(email.text).toContain(`/pledges/${pledge.id}`);
    expect(email.html).not.toContain("/manage");
    const page = await renderPage(`/pledges/${pledge.id}`, w.cookies.vcseOwner);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<button[^>]*name="intent"[^>]*value="confirm"/);
  });
});
