// A contract in the pipeline has not been awarded (decision 033): the dashboards and reports leave it out, but its
// own page and the supplier's list of contracts showed a tender whose planned quarters had passed as "Red: Behind"
// with a 0% delivered, though nothing was owed yet. Both now show the plan and the delivery without a percentage
// or a red/amber/green status, and say why; an awarded contract beside it keeps its status.
import { beforeAll, describe, expect, it } from "vitest";
import { NOT_AWARDED_NOTE } from "~/routes/contracts.$id._index/commitment-progress.tsx";
import {
  createCommitment,
  createContract,
  createCouncil,
  createMeasure,
  createMember,
  createOrganisation,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let officerCookie: string;
let supplierCookie: string;
let awardedId: string;
let tenderId: string;

beforeAll(async () => {
  const council = await createCouncil();
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  officerCookie = await sessionCookieFor((await createMember(council.id, "OFFICER")).id);
  supplierCookie = await sessionCookieFor((await createMember(supplier.id, "OWNER")).id);
  const measure = await createMeasure({ councilId: council.id, code: "SOC-1" });
  // planned in quarters long past and never delivered: behind, were the contract awarded
  const plan = [
    { financialYear: 2024, quarter: 1, targetQuantity: 50 },
    { financialYear: 2024, quarter: 2, targetQuantity: 50 },
  ];
  const contract = async (reference: string, status: "ACTIVE" | "PIPELINE") => {
    const k = await createContract({
      councilId: council.id,
      supplierOrganisationId: supplier.id,
      reference,
      status,
      startDate: new Date("2024-04-01"),
      endDate: new Date("2099-03-31"),
    });
    await createCommitment({ contractId: k.id, measureId: measure.id, targetQuantity: 100, plan });
    return k.id;
  };
  awardedId = await contract("AWARDED-7", "ACTIVE");
  tenderId = await contract("TENDER-7", "PIPELINE");
});

async function mainText(path: string, cookie: string) {
  const page = await renderPage(path, cookie);
  expect(page.status).toBe(200);
  return readableMainText(await page.text());
}

describe("a contract in the pipeline, on its own page", () => {
  it("shows its commitments as not yet awarded, with no percentage or red status, and says why", async () => {
    for (const cookie of [officerCookie, supplierCookie]) {
      const text = await mainText(`/contracts/${tenderId}`, cookie);
      expect(text).toContain(NOT_AWARDED_NOTE);
      expect(text).toContain("Not yet awarded");
      expect(text).toContain("Not counted");
      expect(text).not.toContain("Behind");
      expect(text).not.toMatch(/\b0%/);
    }
  });

  it("leaves an awarded contract's status as it is", async () => {
    const text = await mainText(`/contracts/${awardedId}`, officerCookie);
    expect(text).not.toContain(NOT_AWARDED_NOTE);
    expect(text).toContain("Red: Behind");
    expect(text).toContain("0%");
  });
});

describe("the supplier's list of contracts", () => {
  it("shows the tender as not yet awarded and the awarded contract as behind", async () => {
    const text = await mainText("/contracts", supplierCookie);
    const [awarded, tender] = ["AWARDED-7", "TENDER-7"].map((ref) => {
      const start = text.indexOf(`${ref}:`);
      expect(start).toBeGreaterThanOrEqual(0);
      return start;
    });
    const tenderSection = text.slice(tender!, awarded! > tender! ? awarded : undefined);
    const awardedSection = text.slice(awarded!, tender! > awarded! ? tender : undefined);
    expect(tenderSection).toContain(NOT_AWARDED_NOTE);
    expect(tenderSection).toContain("Not yet awarded");
    expect(tenderSection).not.toContain("Behind");
    expect(awardedSection).toContain("Red: Behind");
    expect(awardedSection).not.toContain(NOT_AWARDED_NOTE);
  });
});
