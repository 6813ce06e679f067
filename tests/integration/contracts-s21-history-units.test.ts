// A contract's history showed a commitment's changed target without its unit: "Target 100 → 110" for a measure
// counted in hours. It now says "100 hours → 110 hours", as the commitments table does, and so does the plan and
// the table shown when a colleague saved first. Entries written before the unit was recorded with them, and an
// import's entry (which labels its changes "CODE: Target"), find the unit by the measure's code.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { readableValue } from "~/domain/contracts/history.ts";
import { createContract, createMeasure, unique } from "../helpers/factories.ts";
import { createContractsWorld, formOf, type ContractsWorld } from "./contracts-world.ts";
import { postPage, readableText, renderPage } from "../helpers/render-page.ts";

let w: ContractsWorld;
let officer: string;

async function historyOf(contractId: string) {
  const page = readableText(await (await renderPage(`/contracts/${contractId}`, officer)).text());
  return page.slice(page.indexOf("History of changes"));
}

beforeAll(async () => {
  w = await createContractsWorld();
  ({ officer } = w);
});

describe("a commitment's target in the contract's history", () => {
  it("is said in its measure's unit when added, changed and removed", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
    });
    const hours = await createMeasure({ councilId: w.councilA.id, unit: "HOURS", code: unique("HRS") });
    const added = await postPage(
      `/contracts/${contract.id}/commitments/new`,
      formOf({
        intent: "save",
        measureId: hours.id,
        targetQuantity: "100",
        "plan[0].quarter": "2025-1",
        "plan[0].quantity": "100",
      }),
      officer,
    );
    expect(added.status).toBe(302);
    const commitment = await db.commitment.findFirstOrThrow({ where: { contractId: contract.id } });
    const changed = await postPage(
      `/contracts/${contract.id}/commitments/${commitment.id}`,
      formOf({
        intent: "save",
        measureId: hours.id,
        targetQuantity: "110",
        "plan[0].quarter": "2025-1",
        "plan[0].quantity": "110",
        version: commitment.updatedAt.toISOString(),
      }),
      officer,
    );
    expect(changed.status).toBe(302);

    const history = await historyOf(contract.id);
    expect(history).toContain("Target 100 hours 110 hours");
    expect(history).toContain("Quarterly plan Q1 2025/26: 100 hours Q1 2025/26: 110 hours");
    expect(history).toContain("Target Not given 100 hours");
    // what is stored stays as it was: the figure alone, the unit beside it in the entry
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entityId: contract.id, action: "commitment.update" },
    });
    expect(entry.details).toMatchObject({
      unit: "HOURS",
      changes: [
        { field: "targetQuantity", label: "Target", from: "100.00", to: "110.00" },
        { field: "plan" },
      ],
    });
  });

  it("is said in its unit for entries written before the unit was recorded, and for an import's", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
    });
    const people = await createMeasure({ councilId: w.councilA.id, unit: "PEOPLE", code: unique("PPL") });
    const tonnes = await createMeasure({ councilId: w.councilA.id, unit: "TONNES", code: unique("TNS") });
    const common = {
      organisationId: w.councilA.id,
      actorOrganisationId: w.councilA.id,
      actorUserId: w.users.officerA.id,
      entityType: "Contract",
      entityId: contract.id,
    };
    await db.auditLog.create({
      data: {
        ...common,
        action: "commitment.update",
        details: {
          measure: people.code,
          changes: [{ field: "targetQuantity", label: "Target", from: "1.00", to: "12.00" }],
        },
      },
    });
    await db.auditLog.create({
      data: {
        ...common,
        action: "contract.import_update",
        details: {
          changes: [
            { field: "title", label: "Title", from: "Old", to: "New" },
            { field: "targetQuantity", label: `${tonnes.code}: Target`, from: "2.50", to: "3.00" },
          ],
        },
      },
    });
    const history = await historyOf(contract.id);
    expect(history).toContain("Target 1 person 12 people");
    expect(history).toContain(`${tonnes.code}: Target 2.5 tonnes 3 tonnes`);
    expect(history).toContain("Title Old New");
  });

  it("is said in its unit in the table shown when a colleague saved first", async () => {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
    });
    const weeks = await createMeasure({ councilId: w.councilA.id, unit: "WEEKS", code: unique("WKS") });
    const commitment = await db.commitment.create({
      data: { contractId: contract.id, measureId: weeks.id, targetQuantity: 40 },
    });
    const readAt = commitment.updatedAt.toISOString();
    await db.commitment.update({ where: { id: commitment.id }, data: { targetQuantity: 52 } });
    const stale = await postPage(
      `/contracts/${contract.id}/commitments/${commitment.id}`,
      // a plan adding up to the target: a form breaking the commitment's rules is refused before it is compared
      formOf({
        intent: "save",
        measureId: weeks.id,
        targetQuantity: "45",
        "plan[0].quarter": "2025-1",
        "plan[0].quantity": "45",
        version: readAt,
      }),
      officer,
    );
    expect(stale.status).toBe(409);
    const text = readableText(await stale.text());
    expect(text.slice(text.indexOf("Saved now, and your answers"))).toContain("Target 52 weeks 45 weeks");
  });

  it("is a bare figure where the unit is not known, and money and percentages read as such", () => {
    expect(readableValue("targetQuantity", "1500.00")).toBe("1,500");
    expect(readableValue("targetQuantity", "1500.00", "GBP")).toBe("£1,500.00");
    expect(readableValue("targetQuantity", "12.50", "PERCENT")).toBe("12.5%");
    expect(readableValue("targetQuantity", "1.00", "HOURS")).toBe("1 hour");
    expect(readableValue("plan", "Q1 2026/27: 3.00", "TONNES_CO2E")).toBe("Q1 2026/27: 3 tonnes CO2e");
    // a field that is not a quantity is not given the unit
    expect(readableValue("narrative", "12", "HOURS")).toBe("12");
  });
});
