// A measure's help text (what counts, how to measure it) was entered in the measure library and shown nowhere:
// not to the officer recording a commitment on the measure or reviewing a return against it, and not to the
// supplier filling the return in (its page loaded the text and left it out). It now shows, as visible text after
// the measure's name, on the contract's commitments, the commitment forms, the return and its review.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMeasure } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";

let w: Awaited<ReturnType<typeof createReturnsWorld>>;
const HOURS_HELP = "Count only hours given in the council area, during working time.";
const OTHER_HELP = "Tonnes diverted from landfill, as the waste carrier notes record.";
let otherMeasureId: string;

beforeAll(async () => {
  w = await createReturnsWorld();
  await db.measure.update({ where: { id: w.hours.id }, data: { helpText: HOURS_HELP } });
  const other = await createMeasure({ councilId: w.councilA.id, name: "Waste diverted", unit: "TONNES" });
  await db.measure.update({ where: { id: other.id }, data: { helpText: OTHER_HELP } });
  otherMeasureId = other.id;
});

async function textOf(path: string, cookie: string) {
  const response = await renderPage(path, cookie);
  expect(response.status, path).toBe(200);
  return readableMainText(await response.text());
}

describe("an officer sees a measure's help text", () => {
  it("on the contract's commitments", async () => {
    const text = await textOf(`/contracts/${w.contract.id}`, w.cookies.officerA);
    expect(text).toContain(`Volunteering hours How to measure: ${HOURS_HELP}`);
  });

  it("changing a commitment on the measure", async () => {
    const text = await textOf(
      `/contracts/${w.contract.id}/commitments/${w.hoursCommitment.id}`,
      w.cookies.officerA,
    );
    expect(text).toContain(`How to measure: ${HOURS_HELP}`);
  });

  it("adding a commitment: every measure's, and the chosen measure's beside the choice once sent", async () => {
    const path = `/contracts/${w.contract.id}/commitments/new`;
    const text = await textOf(path, w.cookies.officerA);
    expect(text).toContain("What each measure counts");
    expect(text).toContain(OTHER_HELP);
    // sent with the measure chosen and the target missing: the form comes back with its guidance by the choice
    const response = await postPage(
      path,
      formOf({ measureId: otherMeasureId, targetQuantity: "" }),
      w.cookies.officerA,
    );
    expect(response.status).toBe(400);
    expect(readableMainText(await response.text())).toContain(`How to measure: ${OTHER_HELP}`);
  });

  it("looking at a return and reviewing it", async () => {
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "SUBMITTED" } });
    const page = await textOf(`/returns/${w.kpiReturn.id}`, w.cookies.officerA);
    expect(page).toContain(`How to measure: ${HOURS_HELP}`);
    const review = await textOf(`/returns/${w.kpiReturn.id}/review`, w.cookies.officerA);
    expect(review).toContain(`How to measure: ${HOURS_HELP}`);
    await db.kpiReturn.update({ where: { id: w.kpiReturn.id }, data: { status: "NOT_STARTED" } });
  });
});

describe("the supplier sees it too", () => {
  it("filling in the return, and on its contract", async () => {
    const form = await textOf(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(form).toContain(`Volunteering hours`);
    expect(form).toContain(`How to measure: ${HOURS_HELP}`);
    const contract = await textOf(`/contracts/${w.contract.id}`, w.cookies.supplierOwner);
    expect(contract).toContain(`How to measure: ${HOURS_HELP}`);
  });
});
