// /matching showed "Target left: 151 hours" on a 160-hour commitment whose dashboard row said 6 delivered: the
// 3 hours pledged but not confirmed were taken off without a word. The page now says how target left is worked out.
import { expect, test } from "vitest";
import { createPledge, createRequest } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { confirmedPledge, createReturnsWorld } from "./returns-world.ts";

test("target left is explained beside the figure", async () => {
  const w = await createReturnsWorld();
  await confirmedPledge(w, 6, new Date("2026-05-10"));
  const need = await createRequest({
    councilId: w.councilA.id,
    organisationId: w.vcse.id,
    categoryId: w.category.id,
    quantity: 10,
    pledgedQuantity: 3,
    status: "PARTIALLY_PLEDGED",
  });
  await createPledge({
    requestId: need.id,
    supplierOrganisationId: w.supplier.id,
    commitmentId: w.hoursCommitment.id,
    quantity: 3,
    status: "ACCEPTED",
  });
  const text = readableMainText(await (await renderPage("/matching", w.cookies.supplierOwner)).text());
  expect(text).toContain("151 hours");
  expect(text).toContain(
    "Target left is the commitment’s target less what you have delivered to date and what your pledges that are not yet confirmed (offered, accepted, delivered or disputed) would add.",
  );
});

// A supplier with no commitment pledges count towards was told "No open requests fit your commitments right
// now", as if some might later: it is told why nothing is suggested.
test("a supplier with no commitment to match is told why nothing is suggested", async () => {
  const w = await createReturnsWorld();
  const text = readableMainText(await (await renderPage("/matching", w.cookies.otherSupplierOwner)).text());
  expect(text).toContain(
    "Requests are suggested here only for commitments that marketplace pledges count towards, and you have none.",
  );
  expect(text).not.toContain("No open requests fit your commitments right now");
});
