// An officer shortens a contract's term while a colleague adds (or changes) a commitment with targets in the
// quarters the new term drops. Each used to check the other's old state: the term change saw no plan in those
// quarters, the commitment saw the old term, both saved, and the contract was left with targets outside its term
// (which every later edit of the contract then refused). Now whichever comes second waits for the first and is
// refused with the first's change in view. The first is played here by a transaction held open by hand.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { addCommitment, updateCommitment } from "~/domain/contracts/commitments.server.ts";
import { updateContract } from "~/domain/contracts/contracts.server.ts";
import { applyImport } from "~/domain/contracts/import.server.ts";
import { quartersOutsideTerm } from "~/domain/contracts/plan.ts";
import { createCommitment, createContract, createMeasure, createWorld } from "../helpers/factories.ts";
import { secondWaitsForFirst } from "../helpers/while-open.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let actor: { councilId: string; actorUserId: string; ipAddress: string | null };

beforeAll(async () => {
  world = await createWorld();
  actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
});

// two years, Q1 2026/27 to Q4 2027/28; shortened, the second year goes
const LONG = { startDate: new Date("2026-04-01"), endDate: new Date("2028-03-31") };
const SHORT_END = new Date("2027-03-31");
const YEAR_TWO_PLAN = [{ quarter: "2027-1", quantity: "10" }];

async function stranded(contractId: string) {
  const contract = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
  const plan = await db.commitmentPlan.findMany({ where: { commitment: { contractId } } });
  return quartersOutsideTerm(plan, contract);
}

async function setup() {
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    ...LONG,
  });
  const measure = await createMeasure({ councilId: world.councilA.id });
  return { contract, measure };
}

describe("a term shortened while a commitment's plan is saved", () => {
  it("a commitment added while the term change is being saved waits for it, then is refused", async () => {
    const { contract, measure } = await setup();
    const result = await secondWaitsForFirst(
      // an edit by hand has locked the row and written the shorter term, and has not committed yet
      (tx) =>
        tx.$executeRaw`UPDATE "Contract" SET "endDate" = ${SHORT_END}, "updatedAt" = now() WHERE id = ${contract.id}`,
      () =>
        addCommitment(actor, contract.id, {
          measureId: measure.id,
          targetQuantity: "10.00",
          plan: YEAR_TWO_PLAN,
        }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { plan: ["Q1 2027/28 is outside the contract term"] },
    });
    expect(await stranded(contract.id)).toEqual([]);
  });

  it("a commitment changed while the term change is being saved waits for it, then is refused", async () => {
    const { contract, measure } = await setup();
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId: measure.id,
      targetQuantity: 10,
      plan: [{ financialYear: 2026, quarter: 1, targetQuantity: 10 }],
    });
    const result = await secondWaitsForFirst(
      (tx) =>
        tx.$executeRaw`UPDATE "Contract" SET "endDate" = ${SHORT_END}, "updatedAt" = now() WHERE id = ${contract.id}`,
      () =>
        updateCommitment(actor, contract.id, commitment.id, {
          measureId: measure.id,
          targetQuantity: "10.00",
          plan: YEAR_TWO_PLAN,
          version: commitment.updatedAt.toISOString(),
        }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { plan: ["Q1 2027/28 is outside the contract term"] },
    });
    expect(await stranded(contract.id)).toEqual([]);
  });

  it("a term change saved while a commitment is being added waits for it, then is refused", async () => {
    const { contract, measure } = await setup();
    const form = {
      reference: contract.reference,
      title: contract.title,
      supplierOrganisationId: contract.supplierOrganisationId,
      department: contract.department,
      contractManagerId: "",
      valueGbp: contract.valueGbp.toFixed(2),
      awardedOn: "2025-03-01",
      startDate: "2026-04-01",
      endDate: "2027-03-31",
      planReference: contract.planReference ?? undefined,
      status: "ACTIVE" as const,
      version: contract.updatedAt.toISOString(),
    };
    const result = await secondWaitsForFirst(
      // a colleague's commitment with a target in the second year, written and not yet committed
      (tx) =>
        tx.commitment.create({
          data: {
            contractId: contract.id,
            measureId: measure.id,
            targetQuantity: 10,
            plan: { create: [{ financialYear: 2027, quarter: 1, targetQuantity: 10 }] },
          },
        }),
      () => updateContract(actor, contract.id, form),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { endDate: [expect.stringContaining("Q1 2027/28")] },
    });
    expect(await stranded(contract.id)).toEqual([]);
  });

  it("an import that shortens the term waits for a commitment being added, then is refused", async () => {
    const { contract, measure } = await setup();
    await db.organisation.update({ where: { id: world.supplier.id }, data: { companyNumber: "RACE0001" } });
    const file = [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date",
      `${contract.reference},"${contract.title}",RACE0001,"${contract.department}",${contract.valueGbp.toFixed(2)},2026-04-01,2027-03-31`,
    ].join("\n");
    const result = await secondWaitsForFirst(
      (tx) =>
        tx.commitment.create({
          data: {
            contractId: contract.id,
            measureId: measure.id,
            targetQuantity: 10,
            plan: { create: [{ financialYear: 2027, quarter: 1, targetQuantity: 10 }] },
          },
        }),
      () => applyImport(actor, file),
    );
    expect(result.ok).toBe(false);
    expect(result.plan.errors.map((e) => e.column)).toEqual(["end_date"]);
    expect(await stranded(contract.id)).toEqual([]);
  });
});
