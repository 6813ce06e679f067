// The emails about a pledge left out what their reader needs. The group's "New pledge" email gave the supplier and
// the quantity, not the supplier's message nor when it expects to deliver, which the group weighs in accepting it;
// the supplier's "Delivery confirmed" email left out the rating and the "Feedback for the supplier" the group typed.
// Each is now in the email when it was given, the typed text as text.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { formatDate } from "~/domain/format.ts";
import { action as pledgeAction } from "~/routes/pledges.$id.tsx";
import { action as pledgeFormAction } from "~/routes/requests.$id.pledge.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  cookies.supplier = await sessionCookieFor(world.users.supplierOwner.id);
  cookies.vcse = await sessionCookieFor(world.users.vcseOwner.id);
});

const aRequest = (title: string, status: "OPEN" | "PARTIALLY_PLEDGED" = "OPEN", pledgedQuantity = 0) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    createdById: world.users.vcseOwner.id,
    quantity: 10,
    pledgedQuantity,
    status,
    title,
  });

const emailAbout = (template: string, title: string) =>
  db.emailOutbox.findFirstOrThrow({ where: { template, subject: { contains: title } } });

describe("the new pledge email to the group", () => {
  async function pledgeTo(title: string, form: Record<string, string>) {
    const need = await aRequest(title);
    const response = await callAction(pledgeFormAction, {
      path: `/requests/${need.id}/pledge`,
      params: { id: need.id },
      cookie: cookies.supplier,
      form: { submissionKey: `email-details-${need.id}`, quantity: "3", ...form },
    });
    expect(response.status).toBe(302);
    return emailAbout("marketplace.newPledge", title);
  }

  it("gives the supplier's message, as typed, and the expected delivery date", async () => {
    const expected = inDays(20);
    const email = await pledgeTo("Pledge with a message", {
      expectedDeliveryDate: expected,
      message: "Staff <b>collection</b>.\nRing the bell.",
    });
    expect(email.text).toContain(`They expect to deliver it by ${formatDate(expected)}.`);
    expect(email.text).toContain("Their message: Staff <b>collection</b>.");
    expect(email.text).toContain("Ring the bell.");
    // the supplier's words are text, never markup
    expect(email.html).toContain("Staff &lt;b&gt;collection&lt;/b&gt;.");
    expect(email.html).not.toContain("<b>collection</b>");
  });

  it("without a message, says nothing of one", async () => {
    const expected = inDays(25);
    const email = await pledgeTo("Pledge without a message", { expectedDeliveryDate: expected });
    expect(email.text).toContain(`They expect to deliver it by ${formatDate(expected)}.`);
    expect(email.text).not.toContain("Their message");
  });
});

describe("the delivery confirmed email to the supplier", () => {
  async function confirm(title: string, form: Record<string, string>) {
    const need = await aRequest(title, "PARTIALLY_PLEDGED", 4);
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      createdById: world.users.supplierOwner.id,
      quantity: 4,
      status: "DELIVERED",
    });
    const response = await callAction(pledgeAction, {
      path: `/pledges/${pledge.id}`,
      params: { id: pledge.id },
      cookie: cookies.vcse,
      form: { intent: "confirm", ...form },
    });
    expect(response.status).toBe(302);
    return emailAbout("marketplace.confirm", title);
  }

  it("gives the group's rating and its feedback for the supplier, as typed", async () => {
    const email = await confirm("Confirmed with feedback", {
      rating: "5",
      feedback: "Thank you, the tins <i>arrived</i> quickly.",
    });
    expect(email.text).toContain("They rated it 5 out of 5.");
    expect(email.text).toContain("Their feedback: Thank you, the tins <i>arrived</i> quickly.");
    expect(email.html).toContain("the tins &lt;i&gt;arrived&lt;/i&gt; quickly.");
    expect(email.html).not.toContain("<i>arrived</i>");
  });

  it("gives the rating alone when no feedback was typed, and neither when neither was given", async () => {
    const rated = await confirm("Confirmed with a rating only", { rating: "3" });
    expect(rated.text).toContain("They rated it 3 out of 5.");
    expect(rated.text).not.toContain("Their feedback");

    const plain = await confirm("Confirmed without a word", {});
    expect(plain.text).toContain("The requestor confirmed receiving 4 hours");
    expect(plain.text).not.toContain("rated");
    expect(plain.text).not.toContain("Their feedback");
  });
});
