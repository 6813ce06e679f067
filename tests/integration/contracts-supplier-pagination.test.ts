// A supplier's contracts list, 25 contracts a page (?page=), with each page's commitments and progress.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/contracts._index.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

type Page = {
  view: string;
  page: number;
  pageCount: number;
  total: number;
  contracts: { reference: string; commitments: { progress: unknown }[] }[];
};

let cookie: string;

beforeAll(async () => {
  const world = await createWorld();
  const measure = await createMeasure({ councilId: world.councilA.id });
  for (let n = 0; n < 60; n += 1) {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      reference: `SUP-${String(n).padStart(2, "0")}`,
    });
    await createCommitment({ contractId: contract.id, measureId: measure.id });
  }
  // another supplier's contract is on none of the pages
  await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.otherSupplier.id,
    reference: "SUP-OTHER",
  });
  cookie = await sessionCookieFor(world.users.supplierOwner.id);
});

const pageOf = async (query = "") =>
  jsonOf<Page>(await callLoader(listLoader, { path: `/contracts${query}`, cookie }));

describe("the supplier's contracts", () => {
  it("come 25 a page, every contract once, with their commitments' progress", async () => {
    const first = await pageOf();
    expect(first).toMatchObject({ view: "supplier", page: 1, pageCount: 3, total: 60 });
    expect(first.contracts).toHaveLength(25);
    expect(first.contracts[0]!.commitments[0]!.progress).toBeTruthy();
    const pages = [first, await pageOf("?page=2"), await pageOf("?page=3")];
    expect(pages.map((p) => p.contracts.length)).toEqual([25, 25, 10]);
    const references = pages.flatMap((p) => p.contracts.map((c) => c.reference));
    expect(new Set(references).size).toBe(60);
    expect(references).not.toContain("SUP-OTHER");
    expect((await pageOf("?page=4")).contracts).toEqual([]);
  });
});
