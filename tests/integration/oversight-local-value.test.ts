// The council dashboard's local £ by financial year links each figure to the commitments behind it, and the
// list they open adds up to the figure, to the penny.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import { sharedCouncilFigures } from "~/ui/charts/council-figures.server.tsx";
import { loader as localValueLoader } from "~/routes/council.reports.local-value.tsx";
import { links } from "~/ui/charts/record-links.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createPledge,
  createRequest,
  createReturn,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

type YearList = {
  financialYear: number;
  view: string;
  total: string;
  commitments: number;
  contracts: number;
  rows: {
    contract: { id: string; reference: string };
    measure: { code: string };
    quantity: string;
    proxyValueGbp: string;
    localValue: string;
  }[];
};

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

async function acceptedReturn(
  contractId: string,
  financialYear: number,
  quarter: number,
  lines: [string, string][],
) {
  const kpiReturn = await createReturn({ contractId, financialYear, quarter, status: "ACCEPTED" });
  for (const [commitmentId, quantity] of lines)
    await db.kpiReturnLine.create({ data: { returnId: kpiReturn.id, commitmentId, quantity } });
}

beforeAll(async () => {
  world = await createWorld();
  const { councilA, councilB, supplier } = world;
  cookie = await sessionCookieFor(world.users.officerA.id);
  await db.councilSettings.upsert({
    where: { organisationId: councilA.id },
    create: { organisationId: councilA.id, proxyValueSource: "Council proxy values 2026" },
    update: { proxyValueSource: "Council proxy values 2026" },
  });
  const hours = await createMeasure({ councilId: councilA.id, code: "SOC-V", proxyValueGbp: 15.5 });
  const unpriced = await createMeasure({ councilId: councilA.id, code: "SOC-U" });
  const level = await createMeasure({
    councilId: councilA.id,
    code: "ENV-P",
    unit: "PERCENT",
    proxyValueGbp: 10,
  });
  const contract = (reference: string, councilId = councilA.id) =>
    createContract({ councilId, supplierOrganisationId: supplier.id, reference });
  const k1 = await contract("K1");
  const k2 = await contract("K2");
  const plan = (...rows: [number, number, number][]) =>
    rows.map(([financialYear, quarter, targetQuantity]) => ({ financialYear, quarter, targetQuantity }));
  const k1Hours = await createCommitment({
    contractId: k1.id,
    measureId: hours.id,
    plan: plan([2025, 4, 10], [2026, 1, 20], [2026, 2, 20]),
  });
  // valued in neither year: no proxy value, or a level
  const k1Unpriced = await createCommitment({
    contractId: k1.id,
    measureId: unpriced.id,
    plan: plan([2026, 1, 5]),
  });
  await createCommitment({ contractId: k1.id, measureId: level.id, plan: plan([2026, 1, 90]) });
  const k2Hours = await createCommitment({
    contractId: k2.id,
    measureId: hours.id,
    plan: plan([2026, 1, 5]),
  });
  await acceptedReturn(k1.id, 2025, 3, [[k1Hours.id, "8"]]);
  await acceptedReturn(k1.id, 2026, 1, [
    [k1Hours.id, "12.5"],
    [k1Unpriced.id, "4"],
  ]);
  // a confirmed marketplace pledge on K2's commitment, delivered in May 2026
  const request = await createRequest({
    councilId: councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "FULFILLED",
  });
  const pledge = await createPledge({
    requestId: request.id,
    supplierOrganisationId: supplier.id,
    commitmentId: k2Hours.id,
    quantity: 3,
    status: "CONFIRMED",
  });
  await db.pledge.update({
    where: { id: pledge.id },
    data: { deliveredOn: new Date("2026-05-10"), confirmedAt: new Date("2026-05-11") },
  });
  // another council's commitment valued in its own local £ is never in council A's figures
  const elsewhere = await createMeasure({ councilId: councilB.id, code: "B-V", proxyValueGbp: 20 });
  const kb = await contract("KB", councilB.id);
  await createCommitment({ contractId: kb.id, measureId: elsewhere.id, plan: plan([2026, 1, 100]) });
});

async function yearList(path: string, as = cookie) {
  const response = await callLoader(localValueLoader, { path, cookie: as });
  expect(response.status).toBe(200);
  return jsonOf<YearList>(response);
}

describe("local £ by financial year on the council dashboard", () => {
  it("leads from each year's planned and delivered figure to commitments adding up to it", async () => {
    // the figures as the dashboard draws them (its page receives them drawn: council-figures.server.tsx)
    const dashboard = sharedCouncilFigures(await councilDashboard(world.councilA.id, { top: 75 }));
    const years = dashboard.dashboard.localValueByYear;
    expect(years).toEqual([
      { financialYear: 2025, label: "2025/26", planned: "155.00", delivered: "124.00" },
      { financialYear: 2026, label: "2026/27", planned: "697.50", delivered: "240.25" },
    ]);
    for (const year of years)
      for (const view of ["planned", "delivered"] as const) {
        const list = await yearList(links.localValueYear(year.financialYear, view));
        expect(list.total, `${year.financialYear} ${view}`).toBe(year[view]);
        expect(list.rows.length, `${year.financialYear} ${view}`).toBe(list.commitments);
      }
  });

  it("lists each commitment with its quantity, proxy value and local £, by contract", async () => {
    const planned = await yearList(links.localValueYear(2026, "planned"));
    expect(planned).toMatchObject({ financialYear: 2026, view: "planned", commitments: 2, contracts: 2 });
    expect(
      planned.rows.map((r) => [
        r.contract.reference,
        r.measure.code,
        r.quantity,
        r.proxyValueGbp,
        r.localValue,
      ]),
    ).toEqual([
      ["K1", "SOC-V", "40.00", "15.5", "620.00"],
      ["K2", "SOC-V", "5.00", "15.5", "77.50"],
    ]);
    // delivered: K1's accepted return (12.5 h) and K2's confirmed pledge (3 h)
    const delivered = await yearList(links.localValueYear(2026, "delivered"));
    expect(delivered.rows.map((r) => [r.contract.reference, r.quantity, r.localValue])).toEqual([
      ["K1", "12.50", "193.75"],
      ["K2", "3.00", "46.50"],
    ]);
    // a year with nothing valued lists nothing, rather than failing
    expect(await yearList(links.localValueYear(2019, "planned"))).toMatchObject({ total: "0.00", rows: [] });
  });

  it("shows another council's officer only their own council's commitments", async () => {
    const other = await yearList(
      links.localValueYear(2026, "planned"),
      await sessionCookieFor(world.users.officerB.id),
    );
    expect(other.rows.map((r) => r.contract.reference)).toEqual(["KB"]);
    expect(other.total).toBe("2000.00");
  });

  it("is for council officers only", async () => {
    const supplier = await callLoader(localValueLoader, {
      path: links.localValueYear(2026, "planned"),
      cookie: await sessionCookieFor(world.users.supplierOwner.id),
    });
    expect([403, 404]).toContain(supplier.status);
    const anonymous = await callLoader(localValueLoader, { path: links.localValueYear(2026, "planned") });
    expect(anonymous.status).toBe(302);
  });
});
