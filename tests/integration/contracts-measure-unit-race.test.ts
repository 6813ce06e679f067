// An admin changes the unit of a measure no commitment uses yet while an officer adds its first commitment. Each
// used to check the other's old state: the change of unit counted no commitments, the commitment was checked
// against the old unit, both saved, and the commitment's target and plan were left in a unit they were never
// meant in (a plan of hours became a percentage over 100). Now whichever comes second waits for the first and
// is refused with the first's change in view. The first is played here by a transaction held open by hand.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { addCommitment } from "~/domain/contracts/commitments.server.ts";
import { applyImport } from "~/domain/contracts/import.server.ts";
import { updateMeasure } from "~/domain/contracts/measures.server.ts";
import { createMeasure, createWorld } from "../helpers/factories.ts";
import { secondWaitsForFirst } from "../helpers/while-open.ts";
import { createYearContract } from "./contracts-world.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let actor: { councilId: string; actorUserId: string; ipAddress: string | null };

beforeAll(async () => {
  world = await createWorld();
  actor = { councilId: world.councilA.id, actorUserId: world.users.councilAdmin.id, ipAddress: null };
});

async function setup() {
  const contract = await createYearContract(world);
  const measure = await createMeasure({ councilId: world.councilA.id, unit: "HOURS" });
  return { contract, measure };
}

describe("a measure's unit changed while its first commitment is added", () => {
  it("the change of unit waits for the commitment, then is refused", async () => {
    const { contract, measure } = await setup();
    const result = await secondWaitsForFirst(
      // an officer's commitment of 200 hours, written and not yet committed
      (tx) =>
        tx.commitment.create({
          data: {
            contractId: contract.id,
            measureId: measure.id,
            targetQuantity: 200,
            plan: { create: [{ financialYear: 2026, quarter: 1, targetQuantity: 200 }] },
          },
        }),
      () =>
        updateMeasure(actor, measure.id, {
          code: measure.code,
          name: "Real Living Wage",
          theme: "SOCIAL",
          unit: "PERCENT",
          contributingHelpTypes: [],
          version: measure.updatedAt.toISOString(),
        }),
    );
    expect(result).toEqual({ ok: false, fieldErrors: { unit: [expect.stringMatching(/cannot change/)] } });
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).unit).toBe("HOURS");
  });

  it("the commitment waits for the change of unit, then is checked against the new unit", async () => {
    const { contract, measure } = await setup();
    const result = await secondWaitsForFirst(
      // the admin's change to a percentage, written and not yet committed
      (tx) =>
        tx.$executeRaw`UPDATE "Measure" SET unit = 'PERCENT', "contributingHelpTypes" = '{}', "updatedAt" = now() WHERE id = ${measure.id}`,
      () =>
        addCommitment(actor, contract.id, {
          measureId: measure.id,
          targetQuantity: "200.00",
          plan: [{ quarter: "2026-1", quantity: "200.00" }],
        }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        targetQuantity: ["A percentage cannot be more than 100"],
        plan: [expect.stringMatching(/^A percentage is a level to keep/)],
      },
    });
    expect(await db.commitment.count({ where: { measureId: measure.id } })).toBe(0);
  });

  it("an import of a commitment waits for the change of unit, then is checked against the new unit", async () => {
    const { measure } = await setup();
    await db.organisation.update({ where: { id: world.supplier.id }, data: { companyNumber: "UNIT0001" } });
    const file = [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,measure_code,target_quantity,delivery_plan",
      `UNIT-1,Parks,UNIT0001,Environment,250000,2026-04-01,2027-03-31,${measure.code},200,Q1 2026/27=200`,
    ].join("\n");
    const result = await secondWaitsForFirst(
      (tx) =>
        tx.$executeRaw`UPDATE "Measure" SET unit = 'PERCENT', "contributingHelpTypes" = '{}', "updatedAt" = now() WHERE id = ${measure.id}`,
      () => applyImport(actor, file),
    );
    expect(result.ok).toBe(false);
    expect(result.plan.errors.map((e) => e.column).sort()).toEqual(["delivery_plan", "target_quantity"]);
    expect(await db.commitment.count({ where: { measureId: measure.id } })).toBe(0);
  });
});
