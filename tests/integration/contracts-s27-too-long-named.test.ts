// A contract's or measure's answer that was too long was told "Must be 200 characters or fewer": the error
// summary lists each problem apart from its field, so an officer with two such answers could not tell which was
// which. Each message now names its answer, on the page and in the summary.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { unique } from "../helpers/factories.ts";
import { createContractsWorld, formOf, type ContractsWorld } from "./contracts-world.ts";
import { postPage, readableText } from "../helpers/render-page.ts";
import { newContractForm } from "../helpers/contract-forms.ts";

let w: ContractsWorld;

beforeAll(async () => {
  w = await createContractsWorld();
});

it("names the contract's answer that is too long", async () => {
  const reference = unique("S27");
  const response = await postPage(
    "/contracts/new",
    formOf(
      newContractForm(w.supplier.id, {
        reference,
        title: "t".repeat(201),
        department: "d".repeat(121),
        planReference: "p".repeat(61),
      }),
    ),
    w.officer,
  );
  expect(response.status).toBe(400);
  const text = readableText(await response.text());
  expect(text).not.toContain("Must be");
  expect(text).toContain("There is a problem The contract title must be 200 characters or fewer");
  expect(text).toContain("The department or service must be 120 characters or fewer");
  expect(text).toContain("The procurement plan reference must be 60 characters or fewer");
  expect(await db.contract.count({ where: { reference } })).toBe(0);
});

it("names the measure's answer that is too long, with a thousands comma", async () => {
  const code = unique("LONG")
    .toUpperCase()
    .replace(/[^A-Z0-9-]/g, "")
    .slice(0, 20);
  const response = await postPage(
    "/council/measures/new",
    formOf({
      code,
      name: "Local jobs",
      theme: "JOBS",
      unit: "PEOPLE",
      helpText: "h".repeat(1001),
      frameworkMapping: "f".repeat(201),
    }),
    w.admin,
  );
  expect(response.status).toBe(400);
  const text = readableText(await response.text());
  expect(text).not.toContain("Must be");
  expect(text).toContain("The help text must be 1,000 characters or fewer");
  expect(text).toContain("The framework theme must be 200 characters or fewer");
  expect(await db.measure.count({ where: { councilId: w.councilA.id, code } })).toBe(0);
});
