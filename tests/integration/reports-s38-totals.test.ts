// The quarterly departmental report listed each contract's commitments and no totals: a departmental management
// team had to add up every contract's hours by hand. The page, its print view (the same page) and its CSV now end
// with each measure's totals over the contracts listed, one measure (so one unit) at a time: hours are never added
// to pounds, and levels (percentages) and commitments in words are not added up at all.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as csvLoader } from "~/routes/council.reports.departmental[.]csv.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createReturn,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callLoader } from "../helpers/routes.ts";

const DEPARTMENT = unique("Parks");
let cookie: string;
let councilId: string;

const plan = (each: number) =>
  [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: each }));

beforeAll(async () => {
  const world = await createWorld();
  councilId = world.councilA.id;
  cookie = await sessionCookieFor(world.users.officerA.id);
  const hours = await createMeasure({ councilId, code: "TOT-H", name: "Volunteering hours", unit: "HOURS" });
  const pounds = await createMeasure({ councilId, code: "TOT-G", name: "Local spend", unit: "GBP" });
  const level = await createMeasure({ councilId, code: "TOT-P", name: "Local workforce", unit: "PERCENT" });
  const words = await createMeasure({
    councilId,
    code: "TOT-Q",
    name: "Community work",
    unit: "QUALITATIVE",
  });
  const contracts = [];
  for (const reference of ["TOT-1", "TOT-2"])
    contracts.push(
      await createContract({
        councilId,
        supplierOrganisationId: world.supplier.id,
        department: DEPARTMENT,
        reference,
      }),
    );
  const [one, two] = contracts as [(typeof contracts)[0], (typeof contracts)[0]];
  const hoursOne = await createCommitment({
    contractId: one.id,
    measureId: hours.id,
    targetQuantity: 40,
    plan: plan(10),
  });
  const hoursTwo = await createCommitment({
    contractId: two.id,
    measureId: hours.id,
    targetQuantity: 80,
    plan: plan(20),
  });
  const poundsOne = await createCommitment({
    contractId: one.id,
    measureId: pounds.id,
    targetQuantity: 1000,
    plan: plan(250),
  });
  const levelTwo = await createCommitment({
    contractId: two.id,
    measureId: level.id,
    targetQuantity: 50,
    plan: plan(50),
  });
  await createCommitment({ contractId: one.id, measureId: words.id, qualitativeText: "Run a careers fair" });
  // Q1 accepted: 7 + 15 hours, £300, a level of 40%
  for (const [contract, lines] of [
    [
      one,
      [
        { commitmentId: hoursOne.id, quantity: "7" },
        { commitmentId: poundsOne.id, quantity: "300" },
      ],
    ],
    [
      two,
      [
        { commitmentId: hoursTwo.id, quantity: "15" },
        { commitmentId: levelTwo.id, quantity: "40" },
      ],
    ],
  ] as const) {
    const accepted = await createReturn({
      contractId: contract.id,
      financialYear: 2026,
      quarter: 1,
      status: "ACCEPTED",
    });
    for (const line of lines) await db.kpiReturnLine.create({ data: { returnId: accepted.id, ...line } });
  }
});

describe("the departmental report's totals", () => {
  it("adds up each measure's amounts over the contracts, on the page", async () => {
    const page = await renderPage(
      `/council/reports?quarter=2026-Q1&department=${encodeURIComponent(DEPARTMENT)}&council=${councilId}`,
      cookie,
    );
    expect(page.status).toBe(200);
    const text = readableMainText(await page.text());
    expect(text).toContain("Totals by measure");
    const totals = text.slice(text.indexOf("Totals by measure"));
    // target, plan in quarter, delivered in quarter, plan to date, delivered to date (and %), RAG
    expect(totals).toContain(
      "Volunteering hours 2 commitments on 2 contracts 120 hours 30 hours 22 hours 30 hours 22 hours 73.3% Amber",
    );
    expect(totals).toContain(
      "Local spend 1 commitment on 1 contract £1,000.00 £250.00 £300.00 £250.00 £300.00 120% Green",
    );
    // never hours and pounds together, nor a level or words
    expect(totals).not.toContain("Local workforce");
    expect(totals).not.toContain("Community work");
  });

  it("ends the CSV with one Total row a measure, marked so it is not added in twice", async () => {
    const response = await callLoader(csvLoader, {
      path: `/council/reports/departmental.csv?quarter=2026-Q1&department=${encodeURIComponent(DEPARTMENT)}&council=${councilId}`,
      cookie,
    });
    expect(response.status).toBe(200);
    const [header, ...rows] = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(","));
    const cell = (row: string[], name: string) => {
      expect(header).toContain(name);
      return row[header!.indexOf(name)];
    };
    expect(header!.at(-1)).toBe("Row");
    const totals = rows.filter((r) => cell(r, "Row") === "Total");
    expect(totals.map((r) => cell(r, "Measure code"))).toEqual(["TOT-G", "TOT-H"]);
    const hours = totals.find((r) => cell(r, "Measure code") === "TOT-H")!;
    expect(
      [
        "Unit",
        "Target over the contract (or to its termination)",
        "Plan in quarter",
        "Delivered in quarter",
        "Plan to date (quarters ended)",
        "Delivered to date",
        "Delivered as % of plan",
        "RAG",
        "Contract reference",
      ].map((name) => cell(hours, name)),
    ).toEqual(["Hours", "120.00", "30.00", "22.00", "30.00", "22.00", "73.3", "Amber: Slightly behind", ""]);
    // every other row says what it is
    expect(new Set(rows.filter((r) => cell(r, "Row") !== "Total").map((r) => cell(r, "Row")))).toEqual(
      new Set(["Commitment"]),
    );
    // the totals come after the contracts
    expect(cell(rows.at(-1)!, "Row")).toBe("Total");
  });
});
