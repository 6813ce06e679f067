// A commitment a pledge can count towards, as the tests of what a pledge's page shows of one start from: the
// supplier's contract with council A, running for a year yet, committing it to volunteering hours (a measure that
// volunteering pledges count towards).
import { createCommitment, createContract, createMeasure } from "./factories.ts";

/** Gives the world's supplier a running contract `reference` with council A and a commitment on it to a
 * volunteering-hours measure; the commitment, for a pledge to count towards. */
export async function createVolunteeringCommitment(
  world: { councilA: { id: string }; supplier: { id: string } },
  reference: string,
) {
  const measure = await createMeasure({
    councilId: world.councilA.id,
    name: "Volunteering hours",
    contributingHelpTypes: ["VOLUNTEERING"],
  });
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    reference,
    endDate: new Date(Date.now() + 365 * 86_400_000),
  });
  return createCommitment({ contractId: contract.id, measureId: measure.id });
}
