// A supplier's pledges list for a state it has no pledge in (its last offered pledge withdrawn, then the
// "Offered" link followed again, or a shared link) said only "No pledges in this state.": the state's tab was gone
// and the table, with its caption, not shown, so nothing said which state that was. The tab of the state shown
// now stays, marked as the current page, and the empty list names the state.
import { expect, test } from "vitest";
import {
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

test("a supplier's pledges list for a state with no pledge says which state it shows", async () => {
  const world = await createWorld();
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
  const cookie = await sessionCookieFor((await createMember(supplier.id, "OWNER")).id);
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 100,
  });
  await createPledge({
    requestId: need.id,
    supplierOrganisationId: supplier.id,
    quantity: 5,
    status: "WITHDRAWN",
  });

  const html = await (await renderPage("/pledges?status=OFFERED", cookie)).text();
  expect(html).toMatch(
    /<a[^>]*aria-current="page"[^>]*href="\/pledges\?status=OFFERED"|<a[^>]*href="\/pledges\?status=OFFERED"[^>]*aria-current="page"/,
  );
  const text = readableMainText(html);
  expect(text).toContain("Offered (0)");
  expect(text).toContain("You have no offered pledges.");
  expect(text).not.toContain("No pledges in this state.");

  // the other states' tabs are as before: only those with pledges, and "All"
  expect(text).toContain("All (1)");
  expect(text).toContain("Withdrawn (1)");
  expect(text).not.toContain("Confirmed (0)");
});
