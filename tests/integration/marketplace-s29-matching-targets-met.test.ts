// "Requests that fit your open commitments" matches only commitments with target left (PRODUCT.md §2). A supplier
// whose commitments were all met by what it had delivered and pledged was told "No open requests fit your
// commitments right now", as if the marketplace had nothing for it, beside a table of targets all at 0. It is now
// told that its commitments have no target left, which is why nothing is suggested.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCommitment,
  createMeasure,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createSupplierWithCommitment,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

async function supplierWithCommitment(target: number) {
  const { supplier, cookie, contract, commitment } = await createSupplierWithCommitment({
    councilId: world.councilA.id,
    helpTypes: ["VOLUNTEERING"],
    target,
    role: "MEMBER",
  });
  // a qualitative commitment has no target to fill: it neither counts as target left nor is listed
  const narrative = await createMeasure({
    councilId: world.councilA.id,
    name: "Community engagement (qualitative)",
    unit: "QUALITATIVE",
    contributingHelpTypes: [],
  });
  await createCommitment({
    contractId: contract.id,
    measureId: narrative.id,
    qualitativeText: "We will engage",
  });
  return { supplier, cookie, commitment };
}

const page = async (cookie: string) => readableMainText(await (await renderPage("/matching", cookie)).text());

describe("a supplier whose commitments have no target left", () => {
  it("is told so, not that no requests fit right now", async () => {
    const { supplier, cookie, commitment } = await supplierWithCommitment(8);
    const open = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      title: "Volunteers for the food bank",
    });
    const done = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "PARTIALLY_PLEDGED",
      pledgedQuantity: 8,
    });
    // 5 delivered and confirmed, 3 still on offer: the target of 8 is met
    for (const [status, quantity] of [
      ["CONFIRMED", 5],
      ["OFFERED", 3],
    ] as const)
      await createPledge({
        requestId: done.id,
        supplierOrganisationId: supplier.id,
        commitmentId: commitment.id,
        status,
        quantity,
      });

    const text = await page(cookie);
    expect(text).toContain("Volunteering hours");
    expect(text).toContain("0 hours");
    expect(text).not.toContain("Community engagement");
    expect(text).toContain("Your commitments have no target left");
    expect(text).not.toContain("No open requests fit your commitments right now");
    expect(text).not.toContain(open.title);
  });

  it("with target left, is shown the requests that fit instead", async () => {
    const { cookie } = await supplierWithCommitment(50);
    const fits = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      title: "Volunteers for the repair café",
    });
    const text = await page(cookie);
    expect(text).toContain(fits.title);
    expect(text).not.toContain("Your commitments have no target left");
  });

  it("with no commitments that pledges count towards, is told that, and not that targets are met", async () => {
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
    const text = await page(await sessionCookieFor((await createMember(supplier.id, "OWNER")).id));
    expect(text).toContain("None of your contracts has a commitment that marketplace pledges count towards.");
    expect(text).not.toContain("Your commitments have no target left");
  });
});
