// The procurement plan reference is the "golden thread" from a pipeline's plan to the contract it became, but the
// contracts list searched only references and titles: an officer holding a plan ID could not find its contract.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/contracts._index.tsx";
import { createContract, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;
let plan: string;

beforeAll(async () => {
  world = await createWorld();
  plan = unique("PM3");
  await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    reference: "GT-1",
    title: "Street lighting",
    planReference: plan,
  });
  await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    reference: "GT-2",
  });
  // another council's contract from the same plan is not this council's to find
  await createContract({
    councilId: world.councilB.id,
    supplierOrganisationId: world.supplier.id,
    reference: "GT-3",
    planReference: plan,
  });
  cookie = await sessionCookieFor(world.users.officerA.id);
});

type List = { total: number; contracts: { reference: string }[] };
const search = async (query: Record<string, string>) =>
  jsonOf<List>(await callLoader(listLoader, { path: `/contracts?${new URLSearchParams(query)}`, cookie }));

describe("searching contracts by procurement plan reference", () => {
  it("finds the council's contract with that plan reference, in any case", async () => {
    const found = await search({ q: plan.toLowerCase() });
    expect(found.contracts.map((c) => c.reference)).toEqual(["GT-1"]);
  });

  it("keeps the other filters", async () => {
    expect((await search({ q: plan, status: "ACTIVE" })).total).toBe(1);
    expect((await search({ q: plan, status: "ENDED" })).total).toBe(0);
  });
});
