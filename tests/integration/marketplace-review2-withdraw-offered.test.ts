// While a pledge's work is under way (accepted, delivered or disputed) a request cannot be withdrawn: the domain
// refuses it. Its page no longer offers the withdrawal form (a reason typed, then refused every time): it says
// what to do first. Offers alone still leave it open to withdrawal.
import { beforeAll, describe, expect, it } from "vitest";
import type { PledgeStatus } from "~/generated/prisma/enums.ts";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

async function managePage(pledge: PledgeStatus) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 10,
    pledgedQuantity: 5,
    status: "PARTIALLY_PLEDGED",
  });
  await createPledge({
    requestId: need.id,
    supplierOrganisationId: world.supplier.id,
    quantity: 5,
    status: pledge,
  });
  const response = await renderPage(`/requests/${need.id}/manage`, cookie);
  expect(response.status).toBe(200);
  return response.text();
}

describe("withdrawing a request with work under way", () => {
  it("is not offered, and the page says what to do first", { timeout: 120_000 }, async () => {
    for (const status of ["ACCEPTED", "DELIVERED", "DISPUTED"] as const) {
      const page = await managePage(status);
      expect({ status, form: page.includes("Withdraw request") }).toEqual({ status, form: false });
      expect(page).toContain("You cannot withdraw this request while a pledge to it is accepted");
    }
  });

  it("is still offered while its pledges are only offers", { timeout: 60_000 }, async () => {
    const page = await managePage("OFFERED");
    expect(page).toContain("Withdraw request");
    expect(page).not.toContain("You cannot withdraw this request");
  });
});
