// A commitment form sent after a colleague shortened the contract's term (or lengthened it) comes back with the
// plan the officer typed, quarter by quarter, beside the quarters the term has now. Before, the page was drawn
// from the answers sent, one quarter label per answer by position: answers for quarters the term no longer had
// broke the page (a 500), and quarters added to the term had no box.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorldSignedInAs,
  type World,
} from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const addPage = await import("~/routes/contracts.$id.commitments.new/route.tsx");
const editPage = await import("~/routes/contracts.$id.commitments.$commitmentId.tsx");

let world: World;
let cookie: string;

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("officerA"));
});

// Q1 2026/27 to Q4 2027/28: eight quarters
const TERM = { startDate: new Date("2026-04-01"), endDate: new Date("2028-03-31") };
const SHORTER = new Date("2027-03-31"); // four quarters

type Page = typeof addPage | typeof editPage;

/** The form's quarter boxes as a browser gets them: each box's label and the value in it. */
function planBoxes(html: string) {
  const boxes: { label: string; value: string }[] = [];
  const pattern =
    /<label[^>]*for="([^"]+)"[^>]*>(Q[1-4] \d{4}\/\d{2}[^<]*)<\/label>[\s\S]*?<input[^>]*id="\1"[^>]*>/g;
  for (const match of html.matchAll(pattern)) {
    const value = /value="([^"]*)"/.exec(match[0].slice(match[0].lastIndexOf("<input")))?.[1] ?? "";
    boxes.push({ label: match[2]!, value });
  }
  return boxes;
}

/** The page rendered as it is after the action's reply (its loader read afresh, as Remix does). */
async function renderAfter(
  page: Page,
  path: string,
  params: Record<string, string>,
  form: Record<string, string>,
) {
  const reply = await callAction(page.action, { path, params, cookie, form });
  expect(reply.status).toBe(400);
  pageData.actionData = await jsonOf(reply);
  const loaded = await callLoader(page.loader, { path, params, cookie });
  expect(loaded.status).toBe(200);
  pageData.loaderData = await jsonOf(loaded);
  pageData.location = { pathname: path, search: "" };
  return renderComponent(page.default);
}

/** The plan as the form sends it: one box per quarter of the eight-quarter term, 10 in each. */
function eightQuarters() {
  const form: Record<string, string> = {};
  const keys = ["2026-1", "2026-2", "2026-3", "2026-4", "2027-1", "2027-2", "2027-3", "2027-4"];
  keys.forEach((key, i) => {
    form[`plan[${i}].quarter`] = key;
    form[`plan[${i}].quantity`] = "10";
  });
  return form;
}

describe("a commitment form sent after the contract's term changed", () => {
  it("adding: shows the quarters of the term now, and the answers for quarters it no longer has, not a 500", async () => {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      ...TERM,
    });
    const measure = await createMeasure({ councilId: world.councilA.id });
    // the officer opened the form; meanwhile a colleague ended the term a year early
    await db.contract.update({ where: { id: contract.id }, data: { endDate: SHORTER } });
    const path = `/contracts/${contract.id}/commitments/new`;
    const html = await renderAfter(
      addPage,
      path,
      { id: contract.id },
      {
        measureId: measure.id,
        targetQuantity: "80",
        ...eightQuarters(),
      },
    );
    expect(html).toContain("Q1 2027/28 is outside the contract term");
    const boxes = planBoxes(html);
    // every answer typed is still in the form, under its own quarter
    expect(boxes.map((b) => b.label.slice(0, 10))).toEqual([
      "Q1 2026/27",
      "Q2 2026/27",
      "Q3 2026/27",
      "Q4 2026/27",
      "Q1 2027/28",
      "Q2 2027/28",
      "Q3 2027/28",
      "Q4 2027/28",
    ]);
    expect(boxes.every((b) => b.value === "10")).toBe(true);
    // the ones outside the term now say so
    expect(boxes.slice(4).every((b) => b.label.includes("outside the contract term"))).toBe(true);
    expect(boxes.slice(0, 4).some((b) => b.label.includes("outside"))).toBe(false);
    expect(await db.commitment.count({ where: { contractId: contract.id } })).toBe(0);
  });

  it("changing: a term made longer since shows a box for each new quarter, the answers under their quarters", async () => {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      startDate: TERM.startDate,
      endDate: SHORTER,
    });
    const measure = await createMeasure({ councilId: world.councilA.id });
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId: measure.id,
      targetQuantity: 40,
      plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 10 })),
    });
    const params = { id: contract.id, commitmentId: commitment.id };
    const path = `/contracts/${contract.id}/commitments/${commitment.id}`;
    // the officer's form has four quarters; meanwhile a colleague lengthened the term by a year
    await db.contract.update({ where: { id: contract.id }, data: { endDate: TERM.endDate } });
    const form: Record<string, string> = {
      intent: "save",
      measureId: measure.id,
      version: commitment.updatedAt.toISOString(),
      targetQuantity: "45", // does not add up: refused, the answers kept
    };
    ["2026-1", "2026-2", "2026-3", "2026-4"].forEach((key, i) => {
      form[`plan[${i}].quarter`] = key;
      form[`plan[${i}].quantity`] = String(10 + i);
    });
    const html = await renderAfter(editPage, path, params, form);
    expect(html).toContain("The quarterly plan adds up to 46 hours but the target is 45 hours");
    expect(planBoxes(html)).toEqual([
      { label: "Q1 2026/27", value: "10" },
      { label: "Q2 2026/27", value: "11" },
      { label: "Q3 2026/27", value: "12" },
      { label: "Q4 2026/27", value: "13" },
      { label: "Q1 2027/28", value: "" },
      { label: "Q2 2027/28", value: "" },
      { label: "Q3 2027/28", value: "" },
      { label: "Q4 2027/28", value: "" },
    ]);
  });

  it("a crafted plan of quarters that are not the term's, or not quarters at all, is not a 500", async () => {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      ...TERM,
    });
    const measure = await createMeasure({ councilId: world.councilA.id });
    const path = `/contracts/${contract.id}/commitments/new`;
    const html = await renderAfter(
      addPage,
      path,
      { id: contract.id },
      {
        measureId: measure.id,
        targetQuantity: "5",
        "plan[0].quarter": "2026-1",
        "plan[0].quantity": "lots",
        "plan[40].quarter": "2099-4",
        "plan[40].quantity": "5",
        "plan[41].quarter": "<b>not a quarter</b>",
        "plan[41].quantity": "1",
      },
    );
    const boxes = planBoxes(html);
    expect(boxes[0]).toEqual({ label: "Q1 2026/27", value: "lots" });
    expect(boxes.map((b) => b.label.slice(0, 10))).toContain("Q4 2099/00");
    expect(html).not.toContain("<b>not a quarter</b>");
  });
});
