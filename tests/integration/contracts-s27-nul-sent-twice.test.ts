// A contract's change sent twice (a double click) is taken once and the repeat answered as the first was. With a
// NUL in a field (pasted, or sent by hand) the repeat was refused as a colleague's change: the saved title had lost
// the NUL, which the database drops, so it no longer matched the answers. NUL now goes before the answers are
// checked and compared, as it does on the marketplace and survey forms.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createContract } from "../helpers/factories.ts";
import { createContractsWorld, formOf, type ContractsWorld } from "./contracts-world.ts";
import { postPage } from "../helpers/render-page.ts";
import { contractEditForm } from "../helpers/contract-forms.ts";

let w: ContractsWorld;

beforeAll(async () => {
  w = await createContractsWorld();
});

it("takes a change with a NUL in it sent twice as one change", async () => {
  const contract = await createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    title: "Street lighting",
  });
  const change = () =>
    postPage(
      `/contracts/${contract.id}/edit`,
      formOf(contractEditForm(contract, { title: "Street lighting\0 and signs" })),
      w.officer,
    );
  expect((await change()).status).toBe(302);
  expect((await change()).status).toBe(302);
  const saved = await db.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { title: true } });
  expect(saved.title).toBe("Street lighting and signs");
  expect(await db.auditLog.count({ where: { action: "contract.update", entityId: contract.id } })).toBe(1);
});
