// A commitment is a target over its contract's term (PRODUCT.md §3). A supplier could pledge help it expected to
// deliver after its contract had ended and count it towards that contract's commitment: the council would then
// count, towards a finished contract, help given after it. Such a pledge is now refused by the commitment field,
// saying when the contract ends, and the form names each contract's end date beside its commitment.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { dayToDate } from "~/domain/calendar.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;
let commitmentId: string;
let needId: string;
let endsOn: string;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const written = (iso: string) =>
  dayToDate(iso).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.supplierMember.id);
  const measure = await createMeasure({ councilId: world.councilA.id, name: "Volunteering hours" });
  endsOn = inDays(20);
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    reference: "ENDS-SOON-01",
    endDate: dayToDate(endsOn),
  });
  commitmentId = (await createCommitment({ contractId: contract.id, measureId: measure.id })).id;
  needId = (
    await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 30,
      neededBy: dayToDate(inDays(60)),
    })
  ).id;
});

const pledge = (key: string, expectedDeliveryDate: string, commitment = commitmentId) =>
  postPage(
    `/requests/${needId}/pledge`,
    formOf({ submissionKey: key, quantity: "5", expectedDeliveryDate, commitmentId: commitment }),
    cookie,
  );

describe("a pledge counted towards a commitment whose contract ends before the expected delivery", () => {
  it("is refused by the commitment field, saying when the contract ends, and nothing is pledged", async () => {
    const answer = await pledge("ends-first-0001", inDays(40));
    expect(answer.status).toBe(400);
    const text = readableMainText(await answer.text());
    expect(text).toContain(
      `Contract ENDS-SOON-01 ends on ${written(endsOn)}, before you expect to deliver: choose a delivery date on or before then, another commitment, or None`,
    );
    expect(await db.pledge.count({ where: { requestId: needId } })).toBe(0);
  });

  it("is taken when delivery is expected on the contract's last day, or with no commitment", async () => {
    expect((await pledge("ends-first-0002", endsOn)).status).toBe(302);
    expect((await pledge("ends-first-0003", inDays(40), "")).status).toBe(302);
    const pledges = await db.pledge.findMany({
      where: { requestId: needId },
      select: { commitmentId: true },
      orderBy: { createdAt: "asc" },
    });
    expect(pledges.map((p) => p.commitmentId)).toEqual([commitmentId, null]);
  });

  it("is warned of on the form, which names each contract's end date beside its commitment", async () => {
    const text = readableMainText(await (await renderPage(`/requests/${needId}/pledge`, cookie)).text());
    expect(text).toContain(`Volunteering hours (contract ends ${written(endsOn)})`);
    expect(text).toContain("only if you deliver it by the day its contract ends");
  });
});
