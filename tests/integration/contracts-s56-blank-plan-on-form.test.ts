// A commitment form with a target and every quarter of its delivery plan left blank was told "The quarterly plan
// adds up to 0 hours but the target is 100 hours: they must be equal": true, but it did not say the plan was
// missing. It is now asked for the plan; a plan typed as zeros is still told what it adds up to, and a blank
// quarter beside filled ones is still read as nothing planned that quarter.
import { beforeAll, describe, expect, it } from "vitest";
import { createContract, createMeasure, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { planBoxes2026 as plan } from "../helpers/contract-forms.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

const addPage = await import("~/routes/contracts.$id.commitments.new/route.tsx");

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;
let contractId: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
  contractId = (
    await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      startDate: new Date("2026-04-01"),
      endDate: new Date("2027-03-31"),
    })
  ).id;
});

/** Adds a commitment for a new measure counted in hours (a contract has one commitment per measure). */
async function add(form: Record<string, string>) {
  const measure = await createMeasure({ councilId: world.councilA.id, unit: "HOURS" });
  return callAction(addPage.action, {
    path: `/contracts/${contractId}/commitments/new`,
    params: { id: contractId },
    cookie,
    form: { measureId: measure.id, ...form },
  });
}

async function planProblems(reply: Response) {
  expect(reply.status).toBe(400);
  return ((await jsonOf(reply)) as { error: Record<string, string[] | null> }).error.plan;
}

describe("a commitment's delivery plan on the form", () => {
  it("asks for the plan when every quarter is blank", async () => {
    expect(await planProblems(await add({ targetQuantity: "100", ...plan() }))).toEqual([
      "Enter the delivery plan: how much of the target of 100 hours is planned for each quarter",
    ]);
  });

  it("tells a plan typed as zeros what it adds up to", async () => {
    expect(await planProblems(await add({ targetQuantity: "100", ...plan("0", "0", "0", "0") }))).toEqual([
      "The quarterly plan adds up to 0 hours but the target is 100 hours: they must be equal",
    ]);
  });

  it("reads a blank quarter beside filled ones as nothing planned that quarter", async () => {
    const reply = await add({ targetQuantity: "100", ...plan("50", "", "50", "") });
    expect(reply.status).toBe(302);
  });

  it("takes a target of 0 with no plan", async () => {
    const reply = await add({ targetQuantity: "0", ...plan() });
    expect(reply.status).toBe(302);
  });
});
