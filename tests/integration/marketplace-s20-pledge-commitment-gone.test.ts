// A supplier chose one of its commitments on the pledge form, and before it sent the pledge that commitment stopped
// counting (its contract terminated). The refusal was shown only in the error summary, whose link led nowhere:
// with no commitment left to list, the page left the field out. The field now stays, with its error, to choose
// "None" from.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { postPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestId: string;
let commitmentId: string;

beforeAll(async () => {
  world = await createWorld();
  const measure = await createMeasure({
    councilId: world.councilA.id,
    name: "Volunteering hours",
    unit: "HOURS",
    contributingHelpTypes: ["VOLUNTEERING"],
  });
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    endDate: new Date(Date.now() + 365 * 86_400_000),
  });
  commitmentId = (await createCommitment({ contractId: contract.id, measureId: measure.id })).id;
  requestId = (
    await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "OPEN",
      quantity: 20,
    })
  ).id;
  // the page was shown with the commitment; then the contract was terminated
  await db.contract.update({
    where: { id: contract.id },
    data: { status: "TERMINATED", terminatedOn: new Date() },
  });
});

describe("a pledge counted towards a commitment that stopped counting", () => {
  it("is refused with the error by the commitment field, which offers None", async () => {
    const form = new FormData();
    form.set("submissionKey", "s20-commitment-gone-key");
    form.set("quantity", "5");
    form.set("expectedDeliveryDate", new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    form.set("commitmentId", commitmentId);
    const response = await postPage(
      `/requests/${requestId}/pledge`,
      form,
      await sessionCookieFor(world.users.supplierOwner.id),
    );
    expect(response.status).toBe(400);
    const html = (await response.text()).replace(/<!-- -->/g, "");
    const select = /<select[^>]*name="commitmentId"[^>]*>[\s\S]*?<\/select>/.exec(html)?.[0];
    expect(select).toBeDefined();
    expect(select).toContain(">None<");
    expect(html).toMatch(/id="commitmentId-error"[^>]*>[\s\S]*?Select one of your commitments listed here/);
    expect(await db.pledge.count({ where: { requestId } })).toBe(0);
  });
});
