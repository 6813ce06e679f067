// Changing a commitment, whose measure cannot change, asked for every kind of answer: the target "in the measure's
// unit" without naming it, four plan boxes to leave blank for a qualitative measure, and a box "for qualitative
// measures only" under an hours target. The page now names the unit and asks only what the measure takes.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCommitment, createMeasure, unique } from "../helpers/factories.ts";
import { postPage, readableMainText, readableText, renderPage } from "../helpers/render-page.ts";
import { createContractsWorld, createYearContract, formOf, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let contractId: string;

beforeAll(async () => {
  w = await createContractsWorld();
  contractId = (await createYearContract(w)).id;
});

async function formText(commitmentId: string) {
  return readableMainText(
    await (await renderPage(`/contracts/${contractId}/commitments/${commitmentId}`, w.officer)).text(),
  );
}

// 40 hours over the term, all planned in its first quarter
async function hoursCommitment() {
  const hours = await createMeasure({ councilId: w.councilA.id, unit: "HOURS", code: unique("HRS") });
  const commitment = await createCommitment({
    contractId,
    measureId: hours.id,
    targetQuantity: 40,
    plan: [{ financialYear: 2026, quarter: 1, targetQuantity: 40 }],
  });
  return { hours, commitment };
}

describe("the form changing a commitment", () => {
  it("names an hours measure's unit and asks for no words", async () => {
    const { commitment } = await hoursCommitment();
    const page = await formText(commitment.id);
    expect(page).toContain("Target over the contract term (hours)");
    expect(page).toContain("Q1 2026/27");
    expect(page).not.toContain("qualitative measures only");
    expect(page).not.toContain("Leave blank for a qualitative measure");
  });

  it("asks a qualitative measure for its words, with no target or plan", async () => {
    const words = await createMeasure({ councilId: w.councilA.id, unit: "QUALITATIVE", code: unique("TXT") });
    const commitment = await createCommitment({
      contractId,
      measureId: words.id,
      qualitativeText: "Two school visits a term",
    });
    const page = await formText(commitment.id);
    expect(page).toContain("What the supplier has committed to Two school visits a term");
    expect(page).not.toContain("Target over the contract term");
    expect(page).not.toContain("Delivery plan by financial quarter");

    // saved without the questions it no longer asks
    const version = (await db.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).updatedAt;
    const saved = await postPage(
      `/contracts/${contractId}/commitments/${commitment.id}`,
      formOf({
        intent: "save",
        measureId: words.id,
        qualitativeText: "Three school visits a term",
        version: version.toISOString(),
      }),
      w.officer,
    );
    expect(saved.status).toBe(302);
    expect(await db.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).toMatchObject({
      qualitativeText: "Three school visits a term",
      targetQuantity: null,
    });
  });

  it("asks a percentage for its level, not a plan", async () => {
    const percent = await createMeasure({ councilId: w.councilA.id, unit: "PERCENT", code: unique("PCT") });
    const commitment = await createCommitment({ contractId, measureId: percent.id, targetQuantity: 95 });
    const page = await formText(commitment.id);
    expect(page).toContain("Target over the contract term (%) The level to keep, up to 100.");
    expect(page).not.toContain("Delivery plan by financial quarter");
    expect(page).not.toContain("qualitative measures only");
  });

  it("still shows an answer sent for a question the measure does not take, with its problem", async () => {
    const { hours, commitment } = await hoursCommitment();
    const version = (await db.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).updatedAt;
    const response = await postPage(
      `/contracts/${contractId}/commitments/${commitment.id}`,
      formOf({
        intent: "save",
        measureId: hours.id,
        targetQuantity: "40",
        "plan[0].quarter": "2026-1",
        "plan[0].quantity": "40",
        qualitativeText: "Some words",
        version: version.toISOString(),
      }),
      w.officer,
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="qualitativeText"');
    expect(readableText(html)).toContain("Only qualitative measures are described in words");
  });
});
