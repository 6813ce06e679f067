// A supplier the council had not verified saw, on its empty pledges list, "You have not pledged yet. Find a
// request to support.", as if it could: the form would refuse it. It is now told it can pledge once verified.
import { expect, test } from "vitest";
import { createMember, createOrganisation, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

test("an unverified supplier's empty pledges list says why it has none", async () => {
  const world = await createWorld();
  const pending = await createOrganisation({
    kind: "SUPPLIER",
    councilId: world.councilA.id,
    status: "PENDING",
  });
  const cookie = await sessionCookieFor((await createMember(pending.id, "OWNER")).id);
  const text = readableMainText(await (await renderPage("/pledges", cookie)).text());
  expect(text).toContain(`You can pledge once the council has verified ${pending.name}.`);
  expect(text).not.toContain("You have not pledged yet");

  const verified = readableMainText(
    await (await renderPage("/pledges", await sessionCookieFor(world.users.otherSupplierOwner.id))).text(),
  );
  expect(verified).toContain("You have not pledged yet. Find a request to support");
});
