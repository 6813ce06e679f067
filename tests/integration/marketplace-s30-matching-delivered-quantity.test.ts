// "Requests that fit your open commitments" took a pledge reported delivered short of what was pledged off the
// commitment's target left at its pledged quantity, though the supplier had said what it gave: the target left read
// too small, a commitment that could cover a request was said not to, and the request was put to the supplier
// against another commitment. A delivered pledge now takes up what was delivered, as it will once confirmed.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as matchingLoader } from "~/routes/matching.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

type Matching = {
  commitments: { id: string; remaining: number }[];
  matches: { request: { id: string }; reasons: string[] }[];
};

// A supplier of its own, so other tests' commitments and pledges do not change its figures.
async function supplierWith(targets: number[]) {
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
  const cookie = await sessionCookieFor((await createMember(supplier.id, "OWNER")).id);
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: supplier.id,
  });
  const commitments = [];
  for (const target of targets) {
    const measure = await createMeasure({ councilId: world.councilA.id, name: unique("Volunteering hours") });
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId: measure.id,
      targetQuantity: target,
    });
    commitments.push({ ...commitment, measureName: measure.name });
  }
  return { supplier, cookie, commitments };
}

async function pledgeAgainst(
  supplierId: string,
  commitmentId: string,
  pledge: { status: "DELIVERED" | "CONFIRMED"; quantity: number; deliveredQuantity: number },
) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.otherVcse.id,
    categoryId: world.category.id,
    quantity: pledge.quantity,
    pledgedQuantity: pledge.quantity,
    status: "FULLY_PLEDGED",
  });
  await createPledge({ requestId: need.id, supplierOrganisationId: supplierId, commitmentId, ...pledge });
}

async function matching(cookie: string) {
  return jsonOf<Matching>(await callLoader(matchingLoader, { path: "/matching", cookie }));
}

const openRequest = (quantity: number) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity,
  });

describe("target left of a commitment with a pledge delivered short", () => {
  it("counts what was delivered, not what was pledged, while the delivery waits to be confirmed", async () => {
    const { supplier, cookie, commitments } = await supplierWith([20]);
    const [commitment] = commitments;
    await pledgeAgainst(supplier.id, commitment.id, {
      status: "DELIVERED",
      quantity: 15,
      deliveredQuantity: 5,
    });
    const need = await openRequest(12);

    const data = await matching(cookie);
    expect(data.commitments).toEqual([expect.objectContaining({ id: commitment.id, remaining: 15 })]);
    const match = data.matches.find((m) => m.request.id === need.id);
    expect(match?.reasons).toContain("Your commitment has enough target left to cover all of it");
  });

  it("counts what was delivered once confirmed too", async () => {
    const { supplier, cookie, commitments } = await supplierWith([20]);
    await pledgeAgainst(supplier.id, commitments[0].id, {
      status: "CONFIRMED",
      quantity: 15,
      deliveredQuantity: 5,
    });
    const data = await matching(cookie);
    expect(data.commitments).toEqual([expect.objectContaining({ id: commitments[0].id, remaining: 15 })]);
  });

  it("puts a request to the commitment whose delivered pledges leave enough target to cover it", async () => {
    // 20 − 5 delivered = 15 left covers 14; the other has 12 left and does not
    const { supplier, cookie, commitments } = await supplierWith([20, 12]);
    const [delivered, other] = commitments;
    await pledgeAgainst(supplier.id, delivered.id, {
      status: "DELIVERED",
      quantity: 15,
      deliveredQuantity: 5,
    });
    const need = await openRequest(14);

    const data = await matching(cookie);
    const match = data.matches.find((m) => m.request.id === need.id);
    expect(match?.reasons[0]).toContain(`“${delivered.measureName}”`);
    expect(match?.reasons[0]).not.toContain(`“${other.measureName}”`);
    expect(match?.reasons).toContain("Your commitment has enough target left to cover all of it");
  });
});
