// The contract list's filter choices were in the database's order of text, byte by byte: "Zeta Ltd" before
// "acme ltd", "Lot 10" before "Lot 2". They are now in the order people read them: case aside, numbers by value.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/contracts._index.tsx";
import {
  addMember,
  createContract,
  createCouncil,
  createOrganisation,
  createUser,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let cookie: string;
const tag = Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  // a council of its own, so only these contracts give the choices
  const council = await createCouncil({ name: `Ordered council ${tag}` });
  const officer = await createUser({ name: "Officer" });
  await addMember(council.id, officer.id, "OFFICER");
  cookie = await sessionCookieFor(officer.id);
  const names = ["Zeta Ltd", "acme ltd", "Lot 10 Services", "Lot 2 Services", "Bravo Ltd"];
  const departments = ["highways", "Adult care", "Zone 10", "Zone 2", "Children"];
  const managers = ["zoe Brown", "Adam Smith", "Team 10", "Team 2", "Carol Jones"];
  for (const [i, name] of names.entries()) {
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id, name });
    const manager = await createUser({ name: managers[i] });
    await createContract({
      councilId: council.id,
      supplierOrganisationId: supplier.id,
      contractManagerId: manager.id,
      department: departments[i],
    });
  }
});

type List = {
  options: { departments: string[]; suppliers: { name: string }[]; managers: { name: string }[] };
};

describe("the contract list's filter choices", () => {
  it("are in the order people read names: case aside, numbers by their value", async () => {
    const { options } = await jsonOf<List>(await callLoader(listLoader, { path: "/contracts", cookie }));
    expect(options.suppliers.map((s) => s.name)).toEqual([
      "acme ltd",
      "Bravo Ltd",
      "Lot 2 Services",
      "Lot 10 Services",
      "Zeta Ltd",
    ]);
    expect(options.departments).toEqual(["Adult care", "Children", "highways", "Zone 2", "Zone 10"]);
    expect(options.managers.map((m) => m.name)).toEqual([
      "Adam Smith",
      "Carol Jones",
      "Team 2",
      "Team 10",
      "zoe Brown",
    ]);
  });
});
