// Which quarter and which day "now" is, on the council dashboard, is decided in London: at 23:30 UTC on 30 June
// it is already 1 July there (British Summer Time), so Q1 has ended; at 23:30 UTC on 31 December (GMT) it is
// still 31 December. Stored dates (00:00 UTC) keep their own day.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import { loadCommitmentProgress } from "~/domain/reporting/dashboard-progress.server.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createPledge,
  createRequest,
  createWorld,
} from "../helpers/factories.ts";

const SUMMER_NIGHT = new Date("2026-06-30T23:30:00Z");
const WINTER_NIGHT = new Date("2026-12-31T23:30:00Z");

let world: Awaited<ReturnType<typeof createWorld>>;
let commitmentId = "";

beforeAll(async () => {
  world = await createWorld();
  const { councilA, supplier, category } = world;
  const measure = await createMeasure({ councilId: councilA.id });
  const contract = await createContract({
    councilId: councilA.id,
    supplierOrganisationId: supplier.id,
    startDate: new Date("2026-04-01T00:00:00Z"),
    endDate: new Date("2027-03-31T00:00:00Z"),
  });
  commitmentId = (await createCommitment({ contractId: contract.id, measureId: measure.id })).id;
  const request = await createRequest({
    councilId: councilA.id,
    organisationId: world.vcse.id,
    categoryId: category.id,
    quantity: 100,
  });
  // confirmed late at night, with no delivery day recorded: the quarter is the London day's
  for (const [confirmedAt, quantity] of [
    [SUMMER_NIGHT, 3],
    [WINTER_NIGHT, 4],
  ] as const) {
    const pledge = await createPledge({
      requestId: request.id,
      supplierOrganisationId: supplier.id,
      commitmentId,
      status: "CONFIRMED",
      quantity,
    });
    await db.pledge.update({ where: { id: pledge.id }, data: { confirmedAt, deliveredOn: null } });
  }
});

describe("the council dashboard at night", () => {
  it("in summer time, takes 23:30 UTC on 30 June as 1 July: Q1 has ended", async () => {
    const d = await councilDashboard(world.councilA.id, { top: 5, asOf: SUMMER_NIGHT });
    expect(d.currentQuarter).toBe("Q2 2026/27");
    expect(d.compliance.at(-1)?.label).toBe("Q1 2026/27");
    expect(d.awarded.since.slice(0, 10)).toBe("2025-07-01");
    expect(d.activity.since.slice(0, 10)).toBe("2025-07-01");
  });

  it("in winter (GMT), takes 23:30 UTC on 31 December as 31 December: Q3 is still under way", async () => {
    const d = await councilDashboard(world.councilA.id, { top: 5, asOf: WINTER_NIGHT });
    expect(d.currentQuarter).toBe("Q3 2026/27");
    expect(d.compliance.at(-1)?.label).toBe("Q2 2026/27");
    expect(d.awarded.since.slice(0, 10)).toBe("2025-12-31");
    expect(d.activity.since.slice(0, 10)).toBe("2025-12-31");
  });

  it("counts a pledge confirmed at those moments in the quarter of its London day", async () => {
    const { quarterly } = await loadCommitmentProgress(
      { id: commitmentId },
      new Date("2027-06-01T12:00:00Z"),
    );
    expect(
      quarterly
        .get(commitmentId)
        ?.delivered.map((q) => `${q.financialYear} Q${q.quarter}: ${q.quantity}`)
        .sort(),
    ).toEqual(["2026 Q2: 3", "2026 Q3: 4"]);
  });
});
