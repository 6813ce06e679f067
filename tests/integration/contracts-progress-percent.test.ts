// A percentage measure ("% of staff paid the Real Living Wage") is a level reported each quarter: the
// contract pages show the latest accepted figure, never a sum of quarters.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { progressFor } from "~/domain/contracts/progress.server.ts";
import {
  createCommitment,
  createContract,
  createCouncil,
  createMeasure,
  createOrganisation,
  createReturn,
} from "../helpers/factories.ts";

describe("progress of a percentage commitment", () => {
  it("is the latest accepted figure, not the sum of the quarters", async () => {
    const council = await createCouncil();
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const contract = await createContract({ councilId: council.id, supplierOrganisationId: supplier.id });
    const measure = await createMeasure({
      councilId: council.id,
      unit: "PERCENT",
      contributingHelpTypes: [],
    });
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId: measure.id,
      targetQuantity: 95,
    });
    for (const [quarter, quantity] of [
      [1, 92],
      [2, 97],
    ] as const) {
      const kpiReturn = await createReturn({
        contractId: contract.id,
        financialYear: 2025,
        quarter,
        status: "ACCEPTED",
      });
      await db.kpiReturnLine.create({
        data: { returnId: kpiReturn.id, commitmentId: commitment.id, quantity },
      });
    }
    const progress = (
      await progressFor([{ id: commitment.id, targetQuantity: 95, measure }], new Date("2026-01-15"))
    ).get(commitment.id);
    expect(progress).toMatchObject({ kind: "numeric", deliveredToDate: "97.00" });
  });
});
