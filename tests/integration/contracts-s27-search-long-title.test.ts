// A contract's title may be 200 characters, but a search longer than 100 was dropped: searching for a contract by
// its whole title (pasted from a letter) listed every contract, with the search box empty.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/contracts._index.tsx";
import { createContract, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

const LONG_TITLE =
  "Provision of highways maintenance, street lighting and winter gritting services for the north and west areas of the county, 2026 to 2031";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  const base = { councilId: world.councilA.id, supplierOrganisationId: world.supplier.id };
  await createContract({ ...base, reference: "LONG-1", title: LONG_TITLE });
  await createContract({ ...base, reference: "LONG-2", title: "School catering" });
  cookie = await sessionCookieFor(world.users.officerA.id);
});

type List = { total: number; filters: { q?: string }; contracts: { reference: string }[] };
const search = async (q: string) =>
  jsonOf<List>(await callLoader(listLoader, { path: `/contracts?${new URLSearchParams({ q })}`, cookie }));

describe("searching contracts by a long title", () => {
  it("finds the contract with that whole title, and keeps the search in the box", async () => {
    expect(LONG_TITLE.length).toBeGreaterThan(100);
    const found = await search(LONG_TITLE);
    expect(found.contracts.map((c) => c.reference)).toEqual(["LONG-1"]);
    expect(found.filters.q).toBe(LONG_TITLE);
  });

  it("a search longer than any title finds nothing, rather than everything", async () => {
    const found = await search("x".repeat(300));
    expect(found.total).toBe(0);
  });
});
