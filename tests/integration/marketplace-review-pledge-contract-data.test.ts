// VCSEs never see contract data (PRODUCT.md, roles). A pledge that counts towards one of the supplier's
// commitments showed the requestor, on the pledge's page, "Counts towards: <contract reference>: <measure>", and
// sent the contract's reference and the measure in the page's data: the supplier's contract with the council,
// shown to the charity. Only the supplier's side now gets it.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as pledgeLoader } from "~/routes/pledges.$id.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createVolunteeringCommitment } from "../helpers/pledge-commitment.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callLoader } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let pledgeId: string;
const REFERENCE = "GCC-HOMECARE-0417";

beforeAll(async () => {
  world = await createWorld();
  const commitment = await createVolunteeringCommitment(world, REFERENCE);
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "PARTIALLY_PLEDGED",
    pledgedQuantity: 5,
  });
  pledgeId = (
    await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      commitmentId: commitment.id,
    })
  ).id;
});

async function seenBy(user: { id: string }) {
  const cookie = await sessionCookieFor(user.id);
  const data = await (
    await callLoader(pledgeLoader, { path: `/pledges/${pledgeId}`, params: { id: pledgeId }, cookie })
  ).text();
  const html = await (await renderPage(`/pledges/${pledgeId}`, cookie)).text();
  return { data, html };
}

describe("the commitment a pledge counts towards", () => {
  it("is not shown or sent to the requestor", async () => {
    const { data, html } = await seenBy(world.users.vcseOwner);
    expect(html).toContain("Pledged");
    for (const text of [data, html]) {
      expect(text).not.toContain(REFERENCE);
      expect(text).not.toContain("Counts towards");
    }
  });

  it("is shown to the supplier that pledged", async () => {
    const { html } = await seenBy(world.users.supplierMember);
    expect(html).toContain("Counts towards");
    expect(html).toContain(REFERENCE);
  });
});
