// The quarterly departmental report reads the council's commitments twice, at once: for delivery to the end of the
// quarter and for delivery in it. A commitment an officer added between the two reads was in the first and not the
// second, and the report answered with a server error.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, getDb } from "~/db.server.ts";
import { previousQuarter, quarterOf } from "~/domain/contracts/quarters.ts";
import { loader as reportLoader } from "~/routes/council.reports._index.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;
let contractId: string;
let firstId: string;
let addedMeasureId: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
  const measure = await createMeasure({ councilId: world.councilA.id, code: "SOC-V" });
  const added = await createMeasure({ councilId: world.councilA.id, code: "SOC-W" });
  addedMeasureId = added.id;
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    reference: "K1",
    department: "Highways",
  });
  contractId = contract.id;
  firstId = (await createCommitment({ contractId, measureId: measure.id })).id;
});

afterEach(() => vi.restoreAllMocks());

describe("a commitment added while the departmental report is read", () => {
  it("leaves the report answering, with the commitments both reads found", async () => {
    const commitments = getDb().commitment;
    const read = commitments.findMany.bind(commitments) as (args: unknown) => Promise<{ id: string }[]>;
    let calls = 0;
    let secondRead: Promise<unknown> = Promise.resolve();
    vi.spyOn(commitments, "findMany").mockImplementation(((args: unknown) => {
      calls += 1;
      // the first read (delivery to the end of the quarter) happens after the officer's addition, the second before
      if (calls === 1)
        return (async () => {
          await new Promise((resolve) => setTimeout(resolve, 0));
          await secondRead;
          await db.commitment.create({ data: { contractId, measureId: addedMeasureId, targetQuantity: 5 } });
          return read(args);
        })();
      const result = read(args).then((rows) => rows);
      if (calls === 2) secondRead = result;
      return result;
    }) as unknown as typeof commitments.findMany);

    const { financialYear, quarter } = previousQuarter(quarterOf(new Date()));
    const response = await callLoader(reportLoader, {
      path: `/council/reports?quarter=${financialYear}-Q${quarter}&department=Highways`,
      cookie,
    });
    expect(response.status).toBe(200);
    const { report } = await jsonOf<{
      report: { contracts: { reference: string; lines: { commitmentId: string }[] }[] };
    }>(response);
    expect(report.contracts.map((k) => k.reference)).toEqual(["K1"]);
    expect(report.contracts[0]!.lines.map((l) => l.commitmentId)).toEqual([firstId]);
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
