// The supplier's "Report delivery" form asked "How much did you deliver?" with no unit, where the pledge form asks
// "How much are you pledging (hours)?": a supplier could not tell whether to give hours, items or pounds, nor
// see what it had pledged. The question now names the unit and the hint gives the amount pledged.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.supplierOwner.id);
});

async function reportForm(helpType: "VOLUNTEERING" | "FUNDING" | "GOODS", unitLabel: string | null) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    helpType,
    quantity: 500,
    pledgedQuantity: 250,
    status: "PARTIALLY_PLEDGED",
  });
  await db.request.update({ where: { id: need.id }, data: { unitLabel } });
  const pledge = await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.supplier.id,
    quantity: 250,
    status: "ACCEPTED",
  });
  const response = await renderPage(`/pledges/${pledge.id}`, cookie);
  expect(response.status).toBe(200);
  const text = readableText(await response.text());
  return text.slice(text.indexOf("Report delivery"), text.indexOf("Date delivered"));
}

describe("the question a supplier answers when reporting a delivery", () => {
  it("names the unit of the help and says how much was pledged", async () => {
    expect(await reportForm("VOLUNTEERING", null)).toContain(
      "How much did you deliver (hours)? You pledged 250 hours",
    );
  });

  it("says pounds for funding", async () => {
    expect(await reportForm("FUNDING", null)).toContain("How much did you deliver (£)? You pledged £250");
  });

  it("uses the requestor's name for the goods", async () => {
    expect(await reportForm("GOODS", "laptops")).toContain(
      "How much did you deliver (laptops)? You pledged 250 laptops",
    );
  });
});
