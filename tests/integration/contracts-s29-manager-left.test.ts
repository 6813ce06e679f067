// A contract whose manager has left the council keeps them until an officer chooses another (its page says so).
// Its edit form left them off the list of managers, so it showed "Not set", and saving any other change (the value,
// say) took them off the contract unasked, and a form sent with them was refused as not of the council.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createContract, createMember } from "../helpers/factories.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";
import { contractEditForm } from "../helpers/contract-forms.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let leaver: { id: string; name: string };
let otherLeaver: { id: string };

async function leave(userId: string) {
  await db.membership.deleteMany({ where: { userId } });
}

beforeAll(async () => {
  w = await createContractsWorld();
  leaver = await createMember(w.councilA.id, "OFFICER");
  otherLeaver = await createMember(w.councilA.id, "OFFICER");
  await leave(leaver.id);
  await leave(otherLeaver.id);
});

const managerOf = async (id: string) =>
  (await db.contract.findUniqueOrThrow({ where: { id }, select: { contractManagerId: true } }))
    .contractManagerId;

describe("changing a contract whose manager has left the council", () => {
  it("shows the manager chosen in the form, said to have left", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
      contractManagerId: leaver.id,
    });
    const html = await (await renderPage(`/contracts/${contract.id}/edit`, w.officer)).text();
    const option = new RegExp(`<option value="${leaver.id}"[^>]*selected[^>]*>([^<]*)</option>`);
    expect(option.exec(html)?.[1]).toBe(`${leaver.name} (no longer works for the council)`);
  });

  it("keeps the manager when another detail is saved", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
      contractManagerId: leaver.id,
    });
    const response = await postPage(
      `/contracts/${contract.id}/edit`,
      formOf(contractEditForm(contract, { valueGbp: "2000000" })),
      w.officer,
    );
    expect(response.status).toBe(302);
    expect(await managerOf(contract.id)).toBe(leaver.id);
  });

  it("still refuses someone who has left as the manager of a contract they did not manage", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
      contractManagerId: leaver.id,
    });
    const response = await postPage(
      `/contracts/${contract.id}/edit`,
      formOf(contractEditForm(contract, { contractManagerId: otherLeaver.id })),
      w.officer,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Choose a contract manager from your council");
    expect(await managerOf(contract.id)).toBe(leaver.id);
  });
});
