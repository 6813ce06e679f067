// Dashboard and report tests of an officer of several councils start from a contract in each of a world's two
// councils, each with figures of its own to tell them apart.
import { createCommitment, createContract, createMeasure, type createWorld } from "./factories.ts";

/** A contract of the world's supplier in council A (reference `references[0]`) and in council B (`references[1]`),
 * each committed to 10 of a measure of its council worth £10 a unit in Q1 2026/27; `contract` adds to both. */
export async function contractInEachCouncil(
  world: Awaited<ReturnType<typeof createWorld>>,
  references: [string, string],
  contract: Partial<Parameters<typeof createContract>[0]> = {},
) {
  for (const [council, reference] of [
    [world.councilA, references[0]],
    [world.councilB, references[1]],
  ] as const) {
    const { id } = await createContract({
      councilId: council.id,
      supplierOrganisationId: world.supplier.id,
      reference,
      ...contract,
    });
    const measure = await createMeasure({ councilId: council.id, proxyValueGbp: 10 });
    await createCommitment({
      contractId: id,
      measureId: measure.id,
      plan: [{ financialYear: 2026, quarter: 1, targetQuantity: 10 }],
    });
  }
}
