// A supplier with returns on several contracts could not narrow the list to one of them. The list now has a
// contract filter (a GET form, so it works without JavaScript) offering only the supplier's own contracts; another
// organisation's contract id matches nothing and tells nothing about that contract.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as returnsLoader } from "~/routes/returns._index.tsx";
import { createContract, createReturn, unique } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";
import { createReturnsWorld } from "./returns-world.ts";

type SupplierList = {
  contracts: { id: string; reference: string; title: string }[];
  contract: { id: string } | null;
  toDo: { total: number; items: { id: string }[] };
  done: { total: number; items: { id: string }[] };
};

let w: Awaited<ReturnType<typeof createReturnsWorld>>;
const ids = { parks: "", parksReturn: "", theirs: "", theirsReturn: "" };
const secret = { reference: unique("SECRET"), title: "Another supplier's confidential contract" };

beforeAll(async () => {
  await renderPage("/");
  w = await createReturnsWorld();
  const parks = await createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    reference: unique("PARKS"),
    title: "Parks maintenance",
  });
  const theirs = await createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.otherSupplier.id,
    ...secret,
  });
  Object.assign(ids, {
    parks: parks.id,
    parksReturn: (await createReturn({ contractId: parks.id })).id,
    theirs: theirs.id,
    theirsReturn: (await createReturn({ contractId: theirs.id })).id,
  });
});

async function list(path: string, cookie = w.cookies.supplierOwner) {
  const response = await callLoader(returnsLoader, { path, cookie });
  expect(response.status).toBe(200);
  return jsonOf<SupplierList>(response);
}

const returnIds = (data: SupplierList) => [...data.toDo.items, ...data.done.items].map((r) => r.id).sort();

describe("a supplier's returns, narrowed to one contract", () => {
  it("offers only the supplier's own contracts", async () => {
    const data = await list("/returns");
    expect(data.contracts.map((c) => c.id).sort()).toEqual([w.contract.id, ids.parks].sort());
    expect(returnIds(data)).toEqual([w.kpiReturn.id, ids.parksReturn].sort());
    // "All contracts" sends the filter empty
    expect(returnIds(await list("/returns?contract="))).toEqual(returnIds(data));
  });

  it("lists only the chosen contract's returns", async () => {
    const data = await list(`/returns?contract=${ids.parks}`);
    expect(data.contract?.id).toBe(ids.parks);
    expect(returnIds(data)).toEqual([ids.parksReturn]);
  });

  it("is a form that works without JavaScript, naming the chosen contract", async () => {
    const html = await (await renderPage(`/returns?contract=${ids.parks}`, w.cookies.supplierOwner)).text();
    expect(html).toMatch(/<form method="get" action="\/returns"/);
    expect(html).toMatch(new RegExp(`<option value="${ids.parks}" selected="">Parks maintenance \\(`));
    const page = readableText(html);
    expect(page).toContain("Returns to complete for PARKS");
    expect(page).toContain("Show returns for every contract");
  });

  it("matches nothing for another organisation's contract and says nothing of it", async () => {
    const data = await list(`/returns?contract=${ids.theirs}`);
    expect(data.contract).toBeNull();
    expect(data.contracts.map((c) => c.id)).not.toContain(ids.theirs);
    expect(returnIds(data)).toEqual([]);
    const html = await (await renderPage(`/returns?contract=${ids.theirs}`, w.cookies.supplierOwner)).text();
    expect(html).not.toContain(secret.reference);
    expect(html).not.toContain(secret.title);
    expect(html).not.toContain(ids.theirsReturn);
    expect(readableText(html)).toContain("You have no returns to complete for the contract chosen.");
  });

  it("is the other supplier's own to see", async () => {
    const data = await list(`/returns?contract=${ids.theirs}`, w.cookies.otherSupplierOwner);
    expect(returnIds(data)).toEqual([ids.theirsReturn]);
  });
});
