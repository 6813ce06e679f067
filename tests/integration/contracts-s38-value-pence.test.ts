// A contract value with a fraction of a penny ("12.345") was told "Enter the value in pounds, for example 250000",
// as if it were not a value in pounds at all: the officer could not tell what was wrong with it. It is now told
// that a value can have up to 2 decimal places, on the form and in the CSV import's preview.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { contractValueProblem } from "~/domain/contracts/schemas.ts";
import { unique } from "../helpers/factories.ts";
import { newContractForm } from "../helpers/contract-forms.ts";
import { formOf, postPage } from "../helpers/render-page.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
const PENCE = "The contract value can have up to 2 decimal places (pence), for example 250000.50";

beforeAll(async () => {
  w = await createContractsWorld();
});

const errorOf = (html: string, field: string) =>
  new RegExp(`<p id="${field}-error"[^>]*><span[^>]*>Error:\\s*</span>([^<]*)</p>`).exec(html)?.[1];

it("tells a contract value with parts of a penny that it can have 2 decimal places, keeping what was typed", async () => {
  for (const typed of ["12.345", "£1,250.505", "250000.1234"]) {
    const form = newContractForm(w.supplier.id, { reference: unique("PENCE"), valueGbp: typed });
    const response = await postPage("/contracts/new", formOf(form), w.officer);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(errorOf(html, "valueGbp"), typed).toBe(PENCE);
    expect(html).toMatch(new RegExp(`name="valueGbp"[^>]*value="${typed}"`));
  }
  expect(await db.contract.count({ where: { reference: { startsWith: "PENCE" } } })).toBe(0);
});

it("still tells words to enter a value in pounds, and a decimal comma how to write one (s41)", () => {
  expect(contractValueProblem("lots")).toBe("Enter the value in pounds, for example 250000");
  expect(contractValueProblem("12,5")).toBe(
    "Enter the contract value with commas or spaces only between thousands, like 1,250 or 1 250, and a full stop before any decimals",
  );
  expect(contractValueProblem("1.2.3")).toBe("Enter the value in pounds, for example 250000");
});
