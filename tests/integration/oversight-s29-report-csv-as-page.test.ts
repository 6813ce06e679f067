// The departmental report's CSV left out what the page says: which quarter it is for (only the file's name said
// it), the return's due date, and a commitment's own words when it also had a target. For the quarter under way
// its "Plan to end of quarter" held the plan of the quarters before it, as the page explains and the file did
// not. And a department named in other letters gave the file "social-value-2026-q2--.csv".
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
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callLoader } from "../helpers/routes.ts";

const DEPARTMENT = "Adults’ Café & Care";
const OTHER_LETTERS = "Соціальні послуги";
let cookie: string;
let councilId: string;

beforeAll(async () => {
  const world = await createWorld();
  councilId = world.councilA.id;
  cookie = await sessionCookieFor(world.users.officerA.id);
  const measure = await createMeasure({ councilId, code: "MENTOR", name: "Mentoring hours" });
  for (const [department, reference] of [
    [DEPARTMENT, "CARE-1"],
    [OTHER_LETTERS, "SOC-1"],
  ]) {
    const contract = await createContract({
      councilId,
      supplierOrganisationId: world.supplier.id,
      department,
      reference,
    });
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId: measure.id,
      targetQuantity: 40,
      plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 10 })),
    });
    await db.commitment.update({
      where: { id: commitment.id },
      data: { qualitativeText: "Mentoring at the college" },
    });
    await createReturn({ contractId: contract.id, financialYear: 2026, quarter: 3 });
  }
});

async function download(quarter: string, department: string) {
  const response = await callLoader(csvLoader, {
    path: `/council/reports/departmental.csv?quarter=${quarter}&department=${encodeURIComponent(department)}&council=${councilId}`,
    cookie,
  });
  expect(response.status).toBe(200);
  const [header, ...rows] = (await response.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
  return {
    fileName: response.headers.get("content-disposition"),
    rows: rows.map((row) => (name: string) => {
      expect(header).toContain(name);
      return row[header!.indexOf(name)];
    }),
  };
}

describe("the departmental report's CSV, beside its page", () => {
  it("says the quarter, the return's due date and the commitment's words, as the page does", async () => {
    const page = readableMainText(
      await (
        await renderPage(
          `/council/reports?quarter=2026-Q3&department=${encodeURIComponent(DEPARTMENT)}`,
          cookie,
        )
      ).text(),
    );
    expect(page).toContain("Return for Q3 2026/27: Not started (due 30 January 2027)");
    expect(page).toContain("Mentoring hours Mentoring at the college 40 hours 10 hours 0 hours 20 hours");
    const { rows } = await download("2026-Q3", DEPARTMENT);
    // the commitment, then its measure's total
    expect(rows.map((row) => row("Row"))).toEqual(["Commitment", "Total"]);
    const cell = rows[0]!;
    expect(cell("Quarter")).toBe("Q3 2026/27");
    expect(cell("Return for the quarter")).toBe("Not started");
    expect(cell("Return due date")).toBe("2027-01-30");
    expect(cell("What the supplier committed to")).toBe("Mentoring at the college");
    expect(cell("Target over the contract (or to its termination)")).toBe("40.00");
    expect(cell("Plan in quarter")).toBe("10.00");
    expect(cell("Delivered in quarter")).toBe("0.00");
  });

  it("does not call the plan of the quarters before one under way the plan to the end of it", async () => {
    const [cell] = (await download("2026-Q3", DEPARTMENT)).rows;
    // Q1 and Q2: Q3 has not ended, as the page says
    expect(cell!("Plan to date (quarters ended)")).toBe("20.00");
    const [ended] = (await download("2026-Q2", DEPARTMENT)).rows;
    expect(ended!("Quarter")).toBe("Q2 2026/27");
    expect(ended!("Plan to date (quarters ended)")).toBe("20.00");
  });

  it("names the file after the department in plain letters, or as a department when it has none", async () => {
    expect((await download("2026-Q3", DEPARTMENT)).fileName).toBe(
      'attachment; filename="social-value-2026-q3-adults-cafe-care.csv"',
    );
    expect((await download("2026-Q3", OTHER_LETTERS)).fileName).toBe(
      'attachment; filename="social-value-2026-q3-department.csv"',
    );
  });
});
