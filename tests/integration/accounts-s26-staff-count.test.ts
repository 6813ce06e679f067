// A supplier's number of staff was shown as the bare figure ("Staff 12500") on its organisation page and on the
// council's verification page, where every other count on the portal has thousands separators.
import { beforeAll, expect, it } from "vitest";
import { createCouncil, createMember, createOrganisation, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let supplier: Awaited<ReturnType<typeof createOrganisation>>;

beforeAll(async () => {
  const council = await createCouncil();
  supplier = await createOrganisation({
    kind: "SUPPLIER",
    councilId: council.id,
    status: "PENDING",
    staffHeadcount: 12500,
    businessSize: "LARGE",
  });
});

it("shows it with thousands separators on the organisation's page", async () => {
  const owner = await createMember(supplier.id, "OWNER");
  const response = await renderPage(`/organisations/${supplier.id}`, await sessionCookieFor(owner.id));
  expect(response.status).toBe(200);
  expect(readableMainText(await response.text())).toContain("Staff 12,500");
});

it("and on the council's verification page", async () => {
  const officer = await createMember(supplier.councilId!, "OFFICER");
  const response = await renderPage(
    `/council/verification/${supplier.id}`,
    await sessionCookieFor(officer.id),
  );
  expect(response.status).toBe(200);
  expect(readableMainText(await response.text())).toContain("Staff 12,500");
});
