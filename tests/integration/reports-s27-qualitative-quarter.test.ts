// The quarterly departmental report showed a commitment described in words ("Run two careers fairs") the same in
// every quarter: "–" delivered in the quarter and "Reported" as soon as any earlier quarter had been described, so
// a quarter whose accepted return said nothing about it read as delivered. The page and the CSV now say whether
// the quarter's own return described it.
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

let cookie: string;
const department = unique("Community Services");

beforeAll(async () => {
  const world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
  const words = await createMeasure({
    councilId: world.councilA.id,
    code: "SOC-Q",
    unit: "QUALITATIVE",
    name: "Community engagement",
  });
  const hours = await createMeasure({ councilId: world.councilA.id, code: "SOC-V" });
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    department,
  });
  const described = await createCommitment({
    contractId: contract.id,
    measureId: words.id,
    qualitativeText: "Run two careers fairs",
  });
  const counted = await createCommitment({
    contractId: contract.id,
    measureId: hours.id,
    targetQuantity: 100,
    plan: [
      { financialYear: 2026, quarter: 1, targetQuantity: 10 },
      { financialYear: 2026, quarter: 2, targetQuantity: 10 },
    ],
  });
  // Q1's return describes the careers fair; Q2's, also accepted, gives hours only
  const q1 = await createReturn({
    contractId: contract.id,
    financialYear: 2026,
    quarter: 1,
    status: "ACCEPTED",
  });
  await db.kpiReturnLine.createMany({
    data: [
      { returnId: q1.id, commitmentId: described.id, narrative: "Held a careers fair at the college" },
      { returnId: q1.id, commitmentId: counted.id, quantity: 10 },
    ],
  });
  const q2 = await createReturn({
    contractId: contract.id,
    financialYear: 2026,
    quarter: 2,
    status: "ACCEPTED",
  });
  await db.kpiReturnLine.create({ data: { returnId: q2.id, commitmentId: counted.id, quantity: 7 } });
});

async function pageRow(quarter: string) {
  const page = await renderPage(
    `/council/reports?quarter=${quarter}&department=${encodeURIComponent(department)}`,
    cookie,
  );
  expect(page.status).toBe(200);
  const text = readableMainText(await page.text());
  return text.slice(text.indexOf("Community engagement"), text.indexOf("Volunteering hours"));
}

async function csvRow(quarter: string) {
  const response = await callLoader(csvLoader, {
    path: `/council/reports/departmental.csv?quarter=${quarter}&department=${encodeURIComponent(department)}`,
    cookie,
  });
  expect(response.status).toBe(200);
  const [header, ...rows] = (await response.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
  const row = rows.find((r) => r[header!.indexOf("Measure code")] === "SOC-Q")!;
  return (name: string) => row[header!.indexOf(name)];
}

describe("a commitment described in words, in the quarterly report", () => {
  it("says the quarter's return described it", async () => {
    expect(await pageRow("2026-Q1")).toBe(
      "Community engagement Run two careers fairs – – Reported – – Reported ",
    );
    const cell = await csvRow("2026-Q1");
    expect(cell("Delivered in quarter")).toBe("Reported");
    expect(cell("RAG")).toBe("Reported");
  });

  it("says a later quarter's return did not, though the commitment has been reported to date", async () => {
    expect(await pageRow("2026-Q2")).toBe(
      "Community engagement Run two careers fairs – – Not reported – – Reported ",
    );
    const cell = await csvRow("2026-Q2");
    expect(cell("Delivered in quarter")).toBe("Not reported");
    // reported to date all the same
    expect(cell("RAG")).toBe("Reported");
  });

  it("leaves an amount's delivery in the quarter as the amount", async () => {
    const response = await callLoader(csvLoader, {
      path: `/council/reports/departmental.csv?quarter=2026-Q2&department=${encodeURIComponent(department)}`,
      cookie,
    });
    const lines = (await response.text()).split(/\r?\n/);
    const header = lines[0]!.replace(/^\uFEFF/, "").split(",");
    const hours = lines.find((l) => l.includes(",SOC-V,"))!.split(",");
    expect(hours[header.indexOf("Delivered in quarter")]).toBe("7.00");
  });
});
