// After "Pledge sent" or "Delivery reported" the supplier's pledge page showed only the new state ("offered",
// "delivered"): nothing said who acts next, or when the pledge starts counting towards its commitment.
import { describe, expect, test } from "vitest";
import { createPledge, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";

async function pageText(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status).toBe(200);
  return readableMainText(await response.text());
}

describe("the supplier's pledge page says what happens next", () => {
  test("an offered pledge waits for the requestor, who is not told the supplier's next step", async () => {
    const w = await createReturnsWorld();
    const { pledge } = await createPartlyPledgedRequest(w);
    expect(await pageText(`/pledges/${pledge.id}`, w.cookies.supplierOwner)).toContain(
      "What happens next: the requestor accepts or declines your pledge, and you get an email when they do.",
    );
    // and when an offer nobody answers closes (session 54: the nightly job's decline came unannounced)
    expect(await pageText(`/pledges/${pledge.id}`, w.cookies.supplierOwner)).toMatch(
      /An offer not answered by the end of the request’s needed-by date \(\d{1,2} \w+ \d{4}\) closes\./,
    );
    expect(await pageText(`/pledges/${pledge.id}`, w.cookies.vcseOwner)).not.toContain("What happens next");
  });

  test("an accepted and a delivered pledge say the delivery counts towards the commitment once confirmed", async () => {
    const w = await createReturnsWorld();
    const { need } = await createPartlyPledgedRequest(w);
    const accepted = await createPledge({
      requestId: need.id,
      supplierOrganisationId: w.supplier.id,
      commitmentId: w.hoursCommitment.id,
      status: "ACCEPTED",
      quantity: 2,
      expectedDeliveryDate: new Date("2027-01-05"),
    });
    const delivered = await createPledge({
      requestId: need.id,
      supplierOrganisationId: w.supplier.id,
      commitmentId: w.hoursCommitment.id,
      status: "DELIVERED",
      quantity: 1,
    });
    const acceptedText = await pageText(`/pledges/${accepted.id}`, w.cookies.supplierOwner);
    expect(acceptedText).toContain(
      "deliver it (you expected to by 5 January 2027), then report the delivery below. The requestor confirms they received it. It then counts towards NCC-2401: Volunteering hours.",
    );
    expect(await pageText(`/pledges/${delivered.id}`, w.cookies.supplierOwner)).toContain(
      "Only a confirmed delivery counts as social value delivered. It then counts towards NCC-2401: Volunteering hours.",
    );
  });

  test("a withdrawn pledge is not a dead end", async () => {
    const w = await createReturnsWorld();
    const { need } = await createPartlyPledgedRequest(w);
    const withdrawn = await createPledge({
      requestId: need.id,
      supplierOrganisationId: w.supplier.id,
      status: "WITHDRAWN",
    });
    const member = await sessionCookieFor(w.users.supplierMember.id);
    const response = await renderPage(`/pledges/${withdrawn.id}`, member);
    const html = await response.text();
    expect(readableMainText(html)).toContain("This pledge is closed: nothing more is needed from you.");
    expect(html).toContain('href="/requests"');
  });
});

// The date field's example was the form's usual one, 27/03/2027, a date this field refuses ("Date delivered
// cannot be in the future"), and so did its error for a date that does not exist: both now give a past date.
test("the delivery date's example is a date the field takes", async () => {
  const w = await createReturnsWorld();
  const { pledge } = await createPartlyPledgedRequest(w, { pledge: { status: "ACCEPTED" } });
  const text = await pageText(`/pledges/${pledge.id}`, w.cookies.supplierOwner);
  const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London" }).format(new Date());
  expect(text).toContain(`Date delivered Today or earlier, for example ${today}`);
  expect(text).not.toContain("27/03/2027");
});

test("a delivery date that does not exist is answered with an example the field takes", async () => {
  const w = await createReturnsWorld();
  const { pledge } = await createPartlyPledgedRequest(w, { pledge: { status: "ACCEPTED" } });
  const response = await postPage(
    `/pledges/${pledge.id}`,
    formOf({
      intent: "reportDelivery",
      deliveredQuantity: "4",
      deliveredOn: "31/02/2026",
      deliveryNote: "Done",
    }),
    w.cookies.supplierOwner,
  );
  expect(response.status).toBe(400);
  const text = readableMainText(await response.text());
  const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London" }).format(new Date());
  expect(text).toContain(`Error: Date delivered must be a real date, for example ${today}`);
  expect(text).not.toContain("27/03/2027");
});
