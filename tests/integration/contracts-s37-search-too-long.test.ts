// A search of the contract list longer than any title (200 characters) said nothing: the page listed no contracts
// and the box showed the search cut at 201 characters. It now says the search is too long, for the box to show
// beside it, and keeps all of it in the box.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/contracts._index.tsx";
import { createContract, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let cookie: string;

beforeAll(async () => {
  const world = await createWorld();
  await createContract({ councilId: world.councilA.id, supplierOrganisationId: world.supplier.id });
  cookie = await sessionCookieFor(world.users.officerA.id);
});

type List = { total: number; filters: { q?: string }; searchProblem: string | null };
const search = async (q: string) =>
  jsonOf<List>(await callLoader(listLoader, { path: `/contracts?${new URLSearchParams({ q })}`, cookie }));

describe("a search of the contract list that is too long", () => {
  it("is said to be too long, and kept whole for the box", async () => {
    const q = `${"highways ".repeat(40)}end`;
    expect(q.length).toBeGreaterThan(300);
    const found = await search(q);
    expect(found.searchProblem).toBe("Reference or title must be 200 characters or fewer");
    expect(found.filters.q).toBe(q);
    expect(found.total).toBe(0);
  });

  it("a whole title's length is not too long", async () => {
    const found = await search("x".repeat(200));
    expect(found.searchProblem).toBeNull();
  });
});
