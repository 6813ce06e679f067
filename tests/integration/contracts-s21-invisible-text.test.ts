// A contract's title, reference or department, a measure's name and a qualitative commitment made only of
// characters that show nothing (zero-width spaces) were saved: `.trim()` keeps them, so the contract was listed
// with an empty link. Each is now refused next to its field, with the answers kept.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { checkCommitment } from "~/domain/contracts/plan.ts";
import { createContract, createMeasure, unique } from "../helpers/factories.ts";
import { createContractsWorld, formOf, type ContractsWorld } from "./contracts-world.ts";
import { postPage } from "../helpers/render-page.ts";
import { fieldError } from "../helpers/error-summary.ts";
import { contractEditForm, newContractForm } from "../helpers/contract-forms.ts";

let w: ContractsWorld;
let officer: string;
let admin: string;

const SEEN = "must contain letters, numbers or other characters you can see";

beforeAll(async () => {
  w = await createContractsWorld();
  ({ officer, admin } = w);
});

describe("a contract's required words", () => {
  it("are refused when they show nothing, next to each field, keeping the answers", async () => {
    const reference = unique("S21");
    const response = await postPage(
      "/contracts/new",
      formOf(
        newContractForm(w.supplier.id, {
          reference: "\u200B\u200B",
          title: "\u200B\u200B",
          department: "\u2060 \uFEFF",
          planReference: reference,
        }),
      ),
      officer,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "reference")).toBe(`Error: The contract reference ${SEEN}`);
    expect(fieldError(html, "title")).toBe(`Error: The contract title ${SEEN}`);
    expect(fieldError(html, "department")).toBe(`Error: The department or service ${SEEN}`);
    expect(html).toContain(`value="${reference}"`);
    expect(await db.contract.count({ where: { planReference: reference } })).toBe(0);
  });

  it("are refused on a change too, and nothing changes", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
      title: "Street lighting",
    });
    const response = await postPage(
      `/contracts/${contract.id}/edit`,
      formOf(contractEditForm(contract, { title: "\u200C" })),
      officer,
    );
    expect(response.status).toBe(400);
    expect(fieldError(await response.text(), "title")).toBe(`Error: The contract title ${SEEN}`);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).title).toBe(
      "Street lighting",
    );
  });
});

describe("a measure's name", () => {
  it("is refused when it shows nothing", async () => {
    const code = unique("S21").slice(0, 20).toUpperCase();
    const response = await postPage(
      "/council/measures/new",
      formOf({
        code,
        name: "\u200B\u200B",
        theme: "JOBS",
        unit: "PEOPLE",
        helpText: "",
        frameworkMapping: "",
      }),
      admin,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "name")).toBe(`Error: The measure name ${SEEN}`);
    expect(await db.measure.count({ where: { councilId: w.councilA.id, code } })).toBe(0);
  });
});

describe("a qualitative commitment", () => {
  const term = { startDate: new Date("2026-04-01"), endDate: new Date("2028-03-31") };

  it("is refused when its words show nothing, and a blank one in a counted measure is no error", async () => {
    const invisible = checkCommitment(
      { unit: "QUALITATIVE", qualitativeText: "\u200B\u200B", plan: [] },
      term,
    );
    expect(invisible).toEqual({ ok: false, errors: { qualitativeText: [`The commitment ${SEEN}`] } });
    const words = checkCommitment(
      { unit: "QUALITATIVE", qualitativeText: "Local\u200B food", plan: [] },
      term,
    );
    expect(words.ok).toBe(true);
    const counted = checkCommitment(
      { unit: "PERCENT", targetQuantity: "4", qualitativeText: "\u200B", plan: [] },
      term,
    );
    expect(counted).toMatchObject({ ok: true, value: { qualitativeText: null } });
  });

  it("shows the refusal on the commitment form", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
    });
    const measure = await createMeasure({
      councilId: w.councilA.id,
      unit: "QUALITATIVE",
      code: unique("QUAL"),
    });
    const response = await postPage(
      `/contracts/${contract.id}/commitments/new`,
      formOf({ intent: "save", measureId: measure.id, qualitativeText: "\u200B\u200B" }),
      officer,
    );
    expect(response.status).toBe(400);
    expect(fieldError(await response.text(), "qualitativeText")).toBe(`Error: The commitment ${SEEN}`);
    expect(await db.commitment.count({ where: { contractId: contract.id } })).toBe(0);
  });
});
