// A contract reference the council already uses was refused with "Your council already has a contract with this
// reference", and no way to that contract. The refusal now names it, and the form links to it next to the field,
// on the page a browser without JavaScript gets back, when registering a contract and when changing one.
import { beforeAll, describe, expect, it } from "vitest";
import { createContract, type createWorld } from "../helpers/factories.ts";
import { contractEditForm, newContractForm } from "../helpers/contract-forms.ts";
import { formOf, postPage, readableText } from "../helpers/render-page.ts";
import { createContractsWorld } from "./contracts-world.ts";

let world: Awaited<ReturnType<typeof createWorld>> & { officer: string };
let holder: Awaited<ReturnType<typeof createContract>>;
const tag = Math.random().toString(36).slice(2, 8).toUpperCase();

beforeAll(async () => {
  world = await createContractsWorld();
  holder = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    reference: `LIB-${tag}`,
    title: "Library refurbishment",
  });
});

const message = `Reference LIB-${tag} is already used by ‘Library refurbishment’. Use a different reference or open that contract.`;

/** The reference field's hint and error, as the page shows them. */
function referenceField(html: string) {
  const hint = /<div id="reference-hint"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? "";
  const error = /<p id="reference-error"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
  return { hint, error: readableText(error).trim() };
}

describe("a contract reference already used in the council", () => {
  it("is refused when registering, naming the contract and linking to it next to the field", async () => {
    const response = await postPage(
      "/contracts/new",
      formOf(newContractForm(world.supplier.id, { reference: `lib-${tag}`, title: "Another library" })),
      world.officer,
    );
    expect(response.status).toBe(400);
    const { hint, error } = referenceField(await response.text());
    expect(error).toBe(`Error: ${message}`);
    expect(hint).toContain(`href="/contracts/${holder.id}"`);
    expect(readableText(hint)).toContain(`Open ‘Library refurbishment’ (LIB-${tag})`);
  });

  it("is refused when changing another contract's reference to it, linking to the contract holding it", async () => {
    const mine = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      reference: `POOL-${tag}`,
    });
    const response = await postPage(
      `/contracts/${mine.id}/edit`,
      formOf(contractEditForm(mine, { reference: `LIB-${tag}` })),
      world.officer,
    );
    expect(response.status).toBe(400);
    const { hint, error } = referenceField(await response.text());
    expect(error).toBe(`Error: ${message}`);
    expect(hint).toContain(`href="/contracts/${holder.id}"`);
  });

  it("links to no contract while the reference is not the problem", async () => {
    const response = await postPage(
      "/contracts/new",
      formOf(newContractForm(world.supplier.id, { reference: `NEW-${tag}`, title: "" })),
      world.officer,
    );
    expect(response.status).toBe(400);
    expect(referenceField(await response.text()).hint).not.toContain("<a");
  });
});
