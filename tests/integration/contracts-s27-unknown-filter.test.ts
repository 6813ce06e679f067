// A contracts list link naming a department, supplier or contract manager not among the council's contracts (a
// link kept from before, or another council's supplier) listed nothing while its form showed "Any department":
// pressing "Apply filters" then dropped the filter unseen. The list now says which was not found and shows all.
// So too for a measure (the dashboard's links filter by one) that is another council's.
import { beforeAll, expect, it } from "vitest";
import { createContract, createMeasure, unique } from "../helpers/factories.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let w: ContractsWorld;
let title: string;

beforeAll(async () => {
  w = await createContractsWorld();
  title = unique("Grounds maintenance");
  await createContract({ councilId: w.councilA.id, supplierOrganisationId: w.supplier.id, title });
});

async function listText(search: string) {
  const response = await renderPage(`/contracts?${search}`, w.officer);
  expect(response.status).toBe(200);
  return readableMainText(await response.text());
}

it("says a department not among the council's contracts was not found, and lists every contract", async () => {
  const text = await listText("department=Nowhere%20Services");
  expect(text).toContain(
    "The department in the link you followed is not among this council’s contracts, so contracts of any department are shown.",
  );
  expect(text).toContain(title);
});

it("names each filter not found, and keeps the ones that are", async () => {
  const text = await listText(`supplier=${w.otherSupplier.id}&manager=${w.users.officerB.id}&q=${title}`);
  expect(text).toContain(
    "The supplier and contract manager in the link you followed are not among this council’s contracts, so contracts of any supplier and any contract manager are shown.",
  );
  expect(text).toContain("1 contract found");
});

it("says nothing of a filter that is among them", async () => {
  const text = await listText(`supplier=${w.supplier.id}`);
  expect(text).not.toContain("in the link you followed");
  expect(text).toContain(title);
});

it("says a measure that is not the council's was not found, with the others, and lists every contract", async () => {
  const theirs = await createMeasure({ councilId: w.councilB.id });
  const text = await listText(`measure=${theirs.id}&department=Nowhere%20Services`);
  expect(text).toContain(
    "The measure and department in the link you followed are not among this council’s contracts, so contracts of any measure and any department are shown.",
  );
  expect(text).toContain(title);
});
