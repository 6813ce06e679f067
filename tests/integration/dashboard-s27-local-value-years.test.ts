// The council dashboard put its local £ delivered beside the same money by financial year, and the years did not
// add up to it: half an hour delivered in each of two years at £10.01 an hour showed "£10.01 delivered" over
// years of £5.01 and £5.01 (each year valued and rounded on its own, the total valued once). The total and each
// contract's figure are now the years added up, so the page agrees with itself to the penny.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import { loader as localValueLoader } from "~/routes/council.reports.local-value.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createReturn,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { sharedCouncilFigures } from "~/ui/charts/council-figures.server.tsx";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let cookie: string;
let councilId: string;
let reference: string;

beforeAll(async () => {
  const world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
  councilId = world.councilA.id;
  const hours = await createMeasure({ councilId: world.councilA.id, code: "SOC-V", proxyValueGbp: 10.01 });
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
  });
  reference = contract.reference;
  const commitment = await createCommitment({
    contractId: contract.id,
    measureId: hours.id,
    targetQuantity: 10,
  });
  for (const [financialYear, quarter] of [
    [2025, 4],
    [2026, 1],
  ] as const) {
    const kpiReturn = await createReturn({
      contractId: contract.id,
      financialYear,
      quarter,
      status: "ACCEPTED",
    });
    await db.kpiReturnLine.create({
      data: { returnId: kpiReturn.id, commitmentId: commitment.id, quantity: 0.5 },
    });
  }
});

describe("local £ delivered, on the council dashboard", () => {
  it("is the sum of the financial years shown beside it", async () => {
    // the figures as the dashboard draws them (its page receives them drawn: council-figures.server.tsx)
    const { dashboard } = sharedCouncilFigures(await councilDashboard(councilId, { top: 75 }));
    // 0.5 × £10.01 = £5.005, £5.01 in each year
    expect(dashboard.localValueByYear.map((y) => [y.financialYear, y.delivered])).toEqual([
      [2025, "5.01"],
      [2026, "5.01"],
    ]);
    expect(dashboard.localValue.delivered).toBe("10.02");
    expect(dashboard.topContracts.find((k) => k.reference === reference)?.local.delivered).toBe("10.02");
    // what is committed is valued once: 10 hours × £10.01
    expect(dashboard.localValue.committed).toBe("100.10");
  });

  it("is what the lists behind the years add up to", async () => {
    let sum = 0;
    for (const year of [2025, 2026]) {
      const list = await jsonOf<{ total: string }>(
        await callLoader(localValueLoader, {
          path: `/council/reports/local-value?year=${year}&view=delivered`,
          cookie,
        }),
      );
      sum += Math.round(Number(list.total) * 100);
    }
    expect(sum).toBe(1002);
  });
});
