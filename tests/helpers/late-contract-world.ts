// The tests of a late contract's returns kept in step with its term (a term change, the daily run, openings at
// registration) start from the same records: council A ready for imports, its officer acting, and its SOC-01 measure
// to commit to; and from contracts registered late with a commitment planned in their first quarter.
import { db } from "~/db.server.ts";
import { quarterPeriod, type FinancialQuarter } from "~/domain/contracts/quarters.ts";
import { contractEditSchema } from "~/domain/contracts/schemas.ts";
import { createImportWorld } from "../integration/contracts-world.ts";
import { commitLate, farEnd, iso, quarterKey, registerLate, threeAgo } from "./late-contract.ts";
import { holdOpen } from "./while-open.ts";

type Actor = { councilId: string; actorUserId: string; ipAddress: string | null };

/** createImportWorld with council A's officer as the actor and the id of council A's SOC-01 measure. */
export async function lateContractWorld() {
  const world = await createImportWorld();
  const actor: Actor = {
    councilId: world.councilA.id,
    actorUserId: world.users.officerA.id,
    ipAddress: null,
  };
  const measure = await db.measure.findFirstOrThrow({
    where: { councilId: world.councilA.id, code: "SOC-01" },
  });
  return { world, actor, measureId: measure.id };
}

export type LateContractWorld = Awaited<ReturnType<typeof lateContractWorld>>;

/** Registers an active contract of the world's supplier running from the start of `from` to farEnd (its reference
 * `reference` made unique), planned in `from` alone, so any later end date is a term its plan fits; gives its id
 * and the fields its edit form sends. */
export async function registerPlannedFrom(
  { world, actor, measureId }: LateContractWorld,
  reference: string,
  from: FinancialQuarter,
) {
  const contract = await registerLate(actor, {
    reference: `${reference}-${Date.now() % 1_000_000}`,
    supplierOrganisationId: world.supplier.id,
    startDate: iso(quarterPeriod(from.financialYear, from.quarter).start),
    endDate: farEnd,
  });
  await commitLate(actor, contract.id, measureId, [from]);
  return { id: contract.id, fields: { ...contract.fields, status: "ACTIVE" } };
}

/** The contract's details with a new end date, as the edit form sends them, for the version saved now. */
export async function endingOn(contract: { id: string; fields: Record<string, string> }, endDate: string) {
  const { updatedAt } = await db.contract.findUniqueOrThrow({ where: { id: contract.id } });
  return contractEditSchema.parse({ ...contract.fields, endDate, version: updatedAt.toISOString() });
}

/** A quarter's return as returnsOf shows one opened and never sent. */
export const unsent = (q: FinancialQuarter) => `${quarterKey(q)} NOT_STARTED`;

/** A contract running from three quarters ago, planned in its first, whose returns the daily run has still to open
 * (as after a scheduler outage, or an opening at registration that failed). */
export async function contractAwaitingTheRun(setup: LateContractWorld, reference: string) {
  const contract = await registerPlannedFrom(setup, reference, threeAgo);
  await db.kpiReturn.deleteMany({ where: { contractId: contract.id } });
  return contract;
}

/** A contract awaiting the run (contractAwaitingTheRun) whose row another connection's transaction holds, as an
 * update of something else on it does (it opens no returns): held once this resolves, until `letGo`, which resolves
 * once that transaction has committed. */
export async function contractHeldByAnUnrelatedUpdate(setup: LateContractWorld, reference: string) {
  const contract = await contractAwaitingTheRun(setup, reference);
  const holder = holdOpen(async (tx) => {
    await tx.$executeRaw`UPDATE "Contract" SET "updatedAt" = now() WHERE id = ${contract.id}`;
  });
  // a hold that failed to begin fails here rather than leaving the test waiting
  await Promise.race([holder.ready, holder.done]);
  return {
    contract,
    letGo: async () => {
      holder.release();
      await holder.done;
    },
  };
}
