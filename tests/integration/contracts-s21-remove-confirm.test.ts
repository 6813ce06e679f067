// Removing a commitment was one click on its edit form ("Remove this commitment" posted the form), so a slip lost
// the commitment and its quarterly plan. The edit form now links to a page that asks first: it names the
// commitment, shows its target and plan, says what removing does (the blank lines of unsent returns go with it,
// a commitment with pledges or answered return lines cannot be removed), and removes only when its "Yes, remove"
// button is pressed, without JavaScript, checked against the version it showed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createPledge,
  createRequest,
  createReturn,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { createContractsWorld, formOf, type ContractsWorld } from "./contracts-world.ts";
import { postPage, readableText, renderPage } from "../helpers/render-page.ts";

let w: ContractsWorld;
let officer: string;

const removePath = (contractId: string, commitmentId: string) =>
  `/contracts/${contractId}/commitments/${commitmentId}/remove`;

async function mistake() {
  const contract = await createContract({ councilId: w.councilA.id, supplierOrganisationId: w.supplier.id });
  const measure = await createMeasure({
    councilId: w.councilA.id,
    code: unique("HRS").slice(0, 20),
    name: "Volunteering hours",
    unit: "HOURS",
  });
  const commitment = await createCommitment({
    contractId: contract.id,
    measureId: measure.id,
    targetQuantity: 120,
    plan: [
      { financialYear: 2025, quarter: 1, targetQuantity: 60 },
      { financialYear: 2025, quarter: 2, targetQuantity: 60 },
    ],
  });
  return { contract, measure, commitment, name: `${measure.code} Volunteering hours` };
}

const versionIn = (html: string) => /name="version" value="([^"]+)"/.exec(html)?.[1];

beforeAll(async () => {
  w = await createContractsWorld();
  ({ officer } = w);
});

describe("the commitment's edit form", () => {
  it("no longer removes in one click: it links to the page that asks first", async () => {
    const { contract, commitment } = await mistake();
    const html = await (
      await renderPage(`/contracts/${contract.id}/commitments/${commitment.id}`, officer)
    ).text();
    expect(html).not.toMatch(/name="intent" value="remove"/);
    expect(html).toContain(`href="${removePath(contract.id, commitment.id)}"`);
    // following the link leaves the form: the link says so, as the guidance page's delete link does
    expect(html).toMatch(/aria-describedby="remove-hint"/);
    expect(readableText(html)).toContain(
      "You will be asked to confirm. Changes you have made on this form and not saved will be lost.",
    );
  });

  it("removes nothing when a removal is posted to it, saying where removing is done, and saves nothing either", async () => {
    const { contract, commitment } = await mistake();
    const state = async () => ({
      row: await db.commitment.findUnique({ where: { id: commitment.id }, include: { plan: true } }),
      history: await db.auditLog.count({ where: { entityId: contract.id } }),
    });
    const before = await state();
    const version = commitment.updatedAt.toISOString();
    const answers = {
      measureId: commitment.measureId,
      targetQuantity: "120",
      "plan[0].quarter": "2025-1",
      "plan[0].quantity": "60",
      "plan[1].quarter": "2025-2",
      "plan[1].quantity": "60",
      narrative: "Typed before pressing remove",
      version,
    };
    // as the edit form's old "Remove this commitment" button sent it, a bare one, and one with an unknown intent
    for (const sent of [
      { ...answers, intent: "remove" },
      { measureId: commitment.measureId, version, intent: "remove" },
      { ...answers, intent: "delete-everything" },
    ]) {
      const response = await postPage(
        `/contracts/${contract.id}/commitments/${commitment.id}`,
        formOf(sent),
        officer,
      );
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(readableText(html)).toContain(
        "Nothing was changed. This form only saves a commitment: to remove it, use the “Remove this commitment” link below, which asks you first.",
      );
      expect(await state()).toEqual(before);
      // the answers are kept in the form
      if ("narrative" in sent) expect(html).toContain("Typed before pressing remove");
    }
  });
});

describe("the page asking to remove a commitment", () => {
  it("names it, shows its target and plan in its unit and says what removing does, removing nothing", async () => {
    const { contract, commitment, name } = await mistake();
    // a return not yet sent holds a blank line for it, saved with a draft
    const draft = await createReturn({ contractId: contract.id, status: "DRAFT" });
    await db.kpiReturnLine.create({ data: { returnId: draft.id, commitmentId: commitment.id } });
    const response = await renderPage(removePath(contract.id, commitment.id), officer);
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = readableText(html);
    expect(text).toContain(`Are you sure you want to remove the commitment ${name}?`);
    expect(text).toContain("Target 120 hours");
    expect(text).toContain("Quarterly plan Q1 2025/26: 60 hours; Q2 2025/26: 60 hours");
    expect(text).toContain(
      "The commitment, its target and its quarterly plan are deleted. This cannot be undone.",
    );
    expect(text).toContain(
      "no marketplace pledge counts towards it and no KPI return records anything for it",
    );
    expect(text).toContain("The 1 blank line for it in returns not yet sent goes with it.");
    expect(text).toContain("The contract’s history keeps a record of the removal");
    expect(text).toContain(`Yes, remove ${name}`);
    // "No, keep it" goes back to the commitment
    expect(html).toMatch(
      new RegExp(
        `<a [^>]*href="/contracts/${contract.id}/commitments/${commitment.id}"[^>]*>No, keep it</a>`,
      ),
    );
    expect(html).toContain(`value="${commitment.updatedAt.toISOString()}"`);
    // showing the page removes nothing
    expect(await db.commitment.count({ where: { id: commitment.id } })).toBe(1);

    const removed = await postPage(
      removePath(contract.id, commitment.id),
      formOf({ version: versionIn(html)! }),
      officer,
    );
    expect(removed.status).toBe(302);
    expect(removed.headers.get("location")).toBe(`/contracts/${contract.id}`);
    expect(await db.commitment.count({ where: { id: commitment.id } })).toBe(0);
    expect(await db.commitmentPlan.count({ where: { commitmentId: commitment.id } })).toBe(0);
    // the blank line went with it; the return stays
    expect(await db.kpiReturnLine.count({ where: { commitmentId: commitment.id } })).toBe(0);
    expect(await db.kpiReturn.count({ where: { id: draft.id } })).toBe(1);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entityId: contract.id, action: "commitment.remove" },
    });
    expect(entry.actorUserId).toBe(w.users.officerA.id);
  });

  it("refuses a removal sent from the page before a colleague's change, shows it, then removes when asked again", async () => {
    const { contract, commitment } = await mistake();
    const html = await (await renderPage(removePath(contract.id, commitment.id), officer)).text();
    await db.commitment.update({ where: { id: commitment.id }, data: { targetQuantity: 150 } });
    const refused = await postPage(
      removePath(contract.id, commitment.id),
      formOf({ version: versionIn(html)! }),
      officer,
    );
    expect(refused.status).toBe(409);
    const again = await refused.text();
    expect(readableText(again)).toContain(
      "Someone else changed this commitment after you opened this page, so it has not been removed",
    );
    expect(readableText(again)).toContain("Target 150 hours");
    expect(await db.commitment.count({ where: { id: commitment.id } })).toBe(1);
    const removed = await postPage(
      removePath(contract.id, commitment.id),
      formOf({ version: versionIn(again)! }),
      officer,
    );
    expect(removed.status).toBe(302);
    expect(await db.commitment.count({ where: { id: commitment.id } })).toBe(0);
  });

  it("refuses a removal that does not say which version it saw", async () => {
    const { contract, commitment } = await mistake();
    const refused = await postPage(removePath(contract.id, commitment.id), formOf({}), officer);
    expect(refused.status).toBe(400);
    expect(readableText(await refused.text())).toContain("The commitment was not removed");
    expect(await db.commitment.count({ where: { id: commitment.id } })).toBe(1);
  });

  it("says a commitment with a pledge counted towards it cannot be removed, and offers no button", async () => {
    const { contract, commitment, name } = await mistake();
    const request = await createRequest({
      councilId: w.councilA.id,
      organisationId: w.vcse.id,
      categoryId: w.category.id,
      districtId: w.district.id,
    });
    await createPledge({
      requestId: request.id,
      supplierOrganisationId: w.supplier.id,
      commitmentId: commitment.id,
    });
    const html = await (await renderPage(removePath(contract.id, commitment.id), officer)).text();
    expect(readableText(html)).toContain(
      "This commitment cannot be removed: delivery is recorded against it (1 marketplace pledge).",
    );
    expect(html).not.toContain(`Yes, remove ${name}`);
    const refused = await postPage(
      removePath(contract.id, commitment.id),
      formOf({ version: commitment.updatedAt.toISOString() }),
      officer,
    );
    expect(refused.status).toBe(400);
    expect(readableText(await refused.text())).toContain("so it cannot be removed");
    expect(await db.commitment.count({ where: { id: commitment.id } })).toBe(1);
  });

  it("is not found for another council's officer", async () => {
    const { contract, commitment } = await mistake();
    const other = await sessionCookieFor(w.users.officerB.id);
    expect((await renderPage(removePath(contract.id, commitment.id), other)).status).toBe(404);
    const posted = await postPage(
      removePath(contract.id, commitment.id),
      formOf({ version: commitment.updatedAt.toISOString() }),
      other,
    );
    expect(posted.status).toBe(404);
    expect(await db.commitment.count({ where: { id: commitment.id } })).toBe(1);
  });
});
