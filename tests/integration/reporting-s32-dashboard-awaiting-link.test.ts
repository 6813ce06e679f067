// The supplier dashboard said "1 of your pledges is waiting to be accepted." with no way to see which: the
// sentence now links to the pledges list filtered to offered pledges (and says nothing to follow when none wait).
import { expect, test } from "vitest";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

test("pledges waiting to be accepted are one link away from the dashboard", async () => {
  const world = await createWorld();
  await createPartlyPledgedRequest(world);
  const html = await (
    await renderPage("/dashboard", await sessionCookieFor(world.users.supplierOwner.id))
  ).text();
  expect(readableMainText(html)).toContain(
    "1 of your pledges is waiting to be accepted. See it in your pledges",
  );
  expect(html).toContain('href="/pledges?status=OFFERED"');

  const none = await (
    await renderPage("/dashboard", await sessionCookieFor(world.users.otherSupplierOwner.id))
  ).text();
  expect(readableMainText(none)).toContain("None of your pledges are waiting to be accepted.");
  expect(none).not.toContain('href="/pledges?status=OFFERED"');
});
