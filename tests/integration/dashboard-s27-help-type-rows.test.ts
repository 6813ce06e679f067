// The council dashboard's "Pledged and confirmed, by type of help" showed a row of noughts ("Goods: 0 items
// pledged, 0 items confirmed") for a type of help whose only pledges in the year had been declined or withdrawn,
// each nought linking to an empty list of pledges. A type of help is listed when something was pledged or
// confirmed.
import { beforeAll, describe, expect, it } from "vitest";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let text: string;

beforeAll(async () => {
  const world = await createWorld();
  const request = (helpType: "VOLUNTEERING" | "GOODS" | "FUNDING") =>
    createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      helpType,
    });
  const volunteering = await request("VOLUNTEERING");
  await createPledge({ requestId: volunteering.id, supplierOrganisationId: world.supplier.id, quantity: 6 });
  const goods = await request("GOODS");
  await createPledge({
    requestId: goods.id,
    supplierOrganisationId: world.supplier.id,
    status: "DECLINED",
  });
  const funding = await request("FUNDING");
  await createPledge({
    requestId: funding.id,
    supplierOrganisationId: world.supplier.id,
    status: "WITHDRAWN",
  });
  const page = await renderPage("/council/dashboard", await sessionCookieFor(world.users.officerA.id));
  expect(page.status).toBe(200);
  const main = readableMainText(await page.text());
  text = main.slice(main.indexOf("Pledged and confirmed, by type of help"));
});

describe("pledged and confirmed, by type of help", () => {
  it("lists the types of help something was pledged to", () => {
    expect(text).toContain("Volunteering 6 hours pledged");
  });

  it("leaves out a type of help whose pledges were all declined or withdrawn", () => {
    expect(text).not.toContain("Goods");
    expect(text).not.toMatch(/Funding|£0/);
  });
});
