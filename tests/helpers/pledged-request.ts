// A request under way with one pledge on it, as the tests of what becomes of a pledge (called off, withdrawn,
// accepted while the request is withdrawn) start from: the world's VCSE asks council A for 10, and the world's
// supplier has pledged 4 of it.
import { createPledge, createRequest, type createWorld } from "./factories.ts";

type World = Awaited<ReturnType<typeof createWorld>>;

export async function createPartlyPledgedRequest(
  world: World,
  overrides: {
    request?: Partial<Parameters<typeof createRequest>[0]>;
    pledge?: Omit<Partial<Parameters<typeof createPledge>[0]>, "requestId">;
  } = {},
) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 10,
    pledgedQuantity: 4,
    status: "PARTIALLY_PLEDGED",
    ...overrides.request,
  });
  const pledge = await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.supplier.id,
    quantity: 4,
    ...overrides.pledge,
  });
  return { need, pledge };
}
