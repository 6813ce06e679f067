// A supplier coming back to a request it had pledged to was offered only "Pledge to this request": the page
// said nothing of its pledge and had no way to it. Its pledges are now listed there, each linked.
import { expect, test } from "vitest";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

test("the request's page links the acting supplier to its own pledge, and shows no one else's", async () => {
  const world = await createWorld();
  const { need, pledge } = await createPartlyPledgedRequest(world, { pledge: { status: "ACCEPTED" } });

  const own = await renderPage(`/requests/${need.id}`, await sessionCookieFor(world.users.supplierMember.id));
  const ownHtml = await own.text();
  expect(readableMainText(ownHtml)).toContain(
    `${world.supplier.name} has pledged to this request: 4 hours, accepted`,
  );
  expect(ownHtml).toContain(`href="/pledges/${pledge.id}"`);

  const other = await renderPage(
    `/requests/${need.id}`,
    await sessionCookieFor(world.users.otherSupplierOwner.id),
  );
  const otherHtml = await other.text();
  expect(otherHtml).not.toContain(`/pledges/${pledge.id}`);
  expect(readableMainText(otherHtml)).not.toContain("has pledged to this request");

  const anonymous = await (await renderPage(`/requests/${need.id}`)).text();
  expect(anonymous).not.toContain(`/pledges/${pledge.id}`);
});
