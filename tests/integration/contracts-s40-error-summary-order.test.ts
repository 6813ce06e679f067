// The contract and measure forms' error summaries listed errors in the order their checks found them, not the order
// of the fields on the page: a contract's award date after its end came after the plan reference below it, and a
// measure code already in use (checked once the rest is read) after every other field, with the framework theme, last
// on the page, before the help types and the proxy value. They now follow the page, as GOV.UK's summary does.
import { beforeAll, describe, expect, it } from "vitest";
import { createMeasure, unique } from "../helpers/factories.ts";
import { newContractForm } from "../helpers/contract-forms.ts";
import { formOf, postPage } from "../helpers/render-page.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";
import { errorSummaryOrder } from "../helpers/error-summary.ts";

let world: ContractsWorld;
let takenCode: string;

beforeAll(async () => {
  world = await createContractsWorld();
  takenCode = unique("TAKEN").slice(0, 20).toUpperCase();
  await createMeasure({ councilId: world.councilA.id, code: takenCode });
});

describe("the contract form's error summary", () => {
  it("lists the award date's problem before the plan reference's, as the page does", async () => {
    const response = await postPage(
      "/contracts/new",
      formOf(
        newContractForm(world.supplier.id, {
          reference: unique("ORDER"),
          awardedOn: "2029-01-01",
          planReference: "P".repeat(61),
        }),
      ),
      world.officer,
    );
    expect(response.status).toBe(400);
    const { linked, onPage } = errorSummaryOrder(await response.text());
    expect(linked).toEqual(["awardedOn", "planReference"]);
    expect(linked).toEqual(onPage);
  });
});

describe("the measure form's error summary", () => {
  it("lists a code in use first and the framework theme last, as the page does", async () => {
    const response = await postPage(
      "/council/measures/new",
      formOf({
        code: takenCode,
        name: "",
        theme: "JOBS",
        unit: "HOURS",
        helpText: "",
        frameworkMapping: "F".repeat(201),
        proxyValueGbp: "lots",
      }),
      world.admin,
    );
    expect(response.status).toBe(400);
    const { linked, onPage } = errorSummaryOrder(await response.text());
    expect(linked).toEqual(["code", "name", "proxyValueGbp", "frameworkMapping"]);
    expect(linked).toEqual(onPage);
  });
});
