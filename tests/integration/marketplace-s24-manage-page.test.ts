// The requestor's manage page: an expired or withdrawn request said "Still needed" as if it were still taking
// pledges (it then said "Pledged 5 hours"; it now says what it came to as the request's own page does), and the
// page's data carried each pledge's message, delivery note, feedback and reasons, which it never shows (they are
// read on the pledge's own page).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as manageLoader } from "~/routes/requests.$id.manage.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage, readableText } from "../helpers/render-page.ts";
import { callLoader } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

const requestIn = (status: "OPEN" | "PARTIALLY_PLEDGED" | "EXPIRED" | "WITHDRAWN" | "FULFILLED") =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status,
    quantity: 20,
    pledgedQuantity: status === "OPEN" ? 0 : status === "FULFILLED" ? 20 : 5,
  });

describe("the manage page's amount", () => {
  it("says what is still needed while the request runs", async () => {
    const need = await requestIn("PARTIALLY_PLEDGED");
    const text = readableText(await (await renderPage(`/requests/${need.id}/manage`, requestor)).text());
    expect(text).toContain("Still needed 15 hours of the 20 hours asked for");
    expect(text).not.toContain("Quantity 20 hours");
  });

  it.each([
    ["EXPIRED", "Pledged before it closed 5 hours of the 20 hours asked for"],
    ["WITHDRAWN", "Pledged before it closed 5 hours of the 20 hours asked for"],
    ["FULFILLED", "Met in full 20 hours delivered"],
  ] as const)("says what it came to, not what is still needed, once %s", async (status, words) => {
    const need = await requestIn(status);
    const text = readableText(await (await renderPage(`/requests/${need.id}/manage`, requestor)).text());
    expect(text).not.toContain("Still needed");
    expect(text).toContain(words);
    expect(text).not.toMatch(/Pledged \d+ hours Needed by/);
  });
});

describe("the manage page's data", () => {
  it("carries no pledge's free text", async () => {
    const need = await requestIn("PARTIALLY_PLEDGED");
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      status: "DISPUTED",
    });
    await db.pledge.update({
      where: { id: pledge.id },
      data: {
        message: "message-not-shown",
        deliveryNote: "note-not-shown",
        feedback: "feedback-not-shown",
        disputeReason: "dispute-not-shown",
        decisionReason: "decision-not-shown",
      },
    });
    const response = await callLoader(manageLoader, {
      path: `/requests/${need.id}/manage`,
      params: { id: need.id },
      cookie: requestor,
    });
    const body = await response.text();
    expect(body).not.toMatch(/not-shown/);
    const data = JSON.parse(body) as { need: { pledges: Record<string, unknown>[] } };
    // what was delivered is rendered (a delivery confirmed short), not the note that came with it
    expect(Object.keys(data.need.pledges[0]).sort()).toEqual([
      "deliveredOn",
      "deliveredQuantity",
      "id",
      "quantity",
      "status",
      "supplierOrganisation",
    ]);
  });
});
