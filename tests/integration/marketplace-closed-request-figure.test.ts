// A closed request (withdrawn, expired or fulfilled) no longer says "Still needed": nothing more can be pledged to
// it, so its page says how much was pledged. An open one still says what is still needed.
import { beforeAll, describe, expect, it } from "vitest";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

const requestWith = (status: "EXPIRED" | "PARTIALLY_PLEDGED") =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 10,
    pledgedQuantity: 4,
    status,
  });

describe("the figure at the top of a request's page", () => {
  it("is what was pledged once the request has closed", async () => {
    const need = await requestWith("EXPIRED");
    const html = await (await renderPage(`/requests/${need.id}`, requestor)).text();
    expect(html).toMatch(/Pledged:.*4 hours.*of.*10 hours/s);
    expect(html).not.toContain("Still needed");
  });

  it("is what is still needed while it is open", async () => {
    const need = await requestWith("PARTIALLY_PLEDGED");
    const html = await (await renderPage(`/requests/${need.id}`, requestor)).text();
    expect(html).toMatch(/Still needed:.*6 hours.*of.*10 hours/s);
  });
});
