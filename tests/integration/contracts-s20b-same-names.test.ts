// Two officers of a council with the same name (two Sarah Joneses) were two identical "Sarah Jones" in the contract
// form's contract manager list and in the contracts list's filter, and two suppliers with the same name two
// identical entries in the filter: an officer could not tell which one to choose. Same names are now told apart,
// officers by email address, suppliers by company number; a name nobody else has is shown as it is.
import { beforeAll, describe, expect, it } from "vitest";
import { createContract, createMember, createOrganisation } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { type ContractsWorld, createContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let sarah1: { id: string; email: string };
let sarah2: { id: string; email: string };

beforeAll(async () => {
  w = await createContractsWorld();
  sarah1 = await createMember(w.councilA.id, "OFFICER", { name: "Sarah Jones", email: "sarah.jones@a.test" });
  sarah2 = await createMember(w.councilA.id, "OFFICER", { name: "Sarah Jones", email: "s.jones2@a.test" });
  const greenway1 = await createOrganisation({
    kind: "SUPPLIER",
    councilId: w.councilA.id,
    name: "Greenway Ltd",
    companyNumber: "11111111",
  });
  const greenway2 = await createOrganisation({
    kind: "SUPPLIER",
    councilId: w.councilA.id,
    name: "Greenway Ltd",
    companyNumber: "22222222",
  });
  for (const [supplier, manager] of [
    [greenway1, sarah1],
    [greenway2, sarah2],
  ] as const)
    await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: supplier.id,
      contractManagerId: manager.id,
    });
});

const options = (html: string, select: string) => {
  const list = new RegExp(`<select[^>]*name="${select}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return Array.from(list.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g), (m) => [m[1], m[2]]);
};

describe("people and suppliers with the same name", () => {
  it("are told apart by email address in the contract form's list of contract managers", async () => {
    const html = await (await renderPage("/contracts/new", w.officer)).text();
    const managers = options(html, "contractManagerId");
    expect(managers).toContainEqual([sarah1.id, "Sarah Jones (sarah.jones@a.test)"]);
    expect(managers).toContainEqual([sarah2.id, "Sarah Jones (s.jones2@a.test)"]);
  });

  it("are told apart in the contracts list's filters, a name nobody shares shown as it is", async () => {
    const html = await (await renderPage("/contracts", w.officer)).text();
    expect(options(html, "manager")).toEqual([
      ["", "Any contract manager"],
      [sarah2.id, "Sarah Jones (s.jones2@a.test)"],
      [sarah1.id, "Sarah Jones (sarah.jones@a.test)"],
    ]);
    const suppliers = options(html, "supplier").map(([, label]) => label);
    expect(suppliers).toEqual([
      "Any supplier",
      "Greenway Ltd (company number 11111111)",
      "Greenway Ltd (company number 22222222)",
    ]);
  });
});
