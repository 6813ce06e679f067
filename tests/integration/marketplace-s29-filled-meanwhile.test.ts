// A supplier who opened the pledge form while a request still needed help, and sent it after another supplier had
// pledged all of it, was told only "This request is closed to new pledges", with no word that its pledge was not
// sent: the form was gone and the page read as if the request had ended. The request is not closed (a pledge
// withdrawn or declined reopens it). The page now says the pledge was not sent and that nothing more is needed
// for now, and so does the form's page whenever a running request is fully pledged.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  cookies.supplier = await sessionCookieFor(world.users.supplierOwner.id);
  cookies.other = await sessionCookieFor(world.users.otherSupplierOwner.id);
});

const pledge = (requestId: string, cookie: string, key: string, quantity: string) =>
  postPage(
    `/requests/${requestId}/pledge`,
    formOf({ submissionKey: key, quantity, expectedDeliveryDate: inDays(10) }),
    cookie,
  );

describe("a pledge sent after other suppliers pledged all the request needs", () => {
  it("is not sent, and the page says so and that nothing more is needed, not that the request closed", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 20,
    });
    // the supplier opens the form while all 20 hours are needed (the figure is in bold: its tag reads as a space)
    expect(
      readableMainText(await (await renderPage(`/requests/${need.id}/pledge`, cookies.supplier)).text()),
    ).toMatch(/Still needed: 20 hours ?, none pledged yet/);
    // another supplier pledges all of it first
    expect((await pledge(need.id, cookies.other, `first-${need.id}`, "20")).status).toBe(302);

    const answer = await pledge(need.id, cookies.supplier, `late-${need.id}`, "10");
    expect(answer.status).toBe(400);
    const text = readableMainText(await answer.text());
    expect(text).toContain("There is a problem Your pledge was not sent.");
    expect(text).toContain("Nothing more is needed: suppliers have pledged all of it.");
    expect(text).toContain("If a pledge is withdrawn or declined, the amount is needed again");
    expect(text).not.toContain("closed to new pledges");
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(1);

    // the form's page, opened afresh, says the same without an error
    const page = readableMainText(
      await (await renderPage(`/requests/${need.id}/pledge`, cookies.supplier)).text(),
    );
    expect(page).toMatch(/Fully pledged: 20 hours ?, none still needed/);
    expect(page).toContain("Nothing more is needed: suppliers have pledged all of it.");
    expect(page).not.toContain("There is a problem");
    expect(page).not.toContain("Send pledge");
  });

  it("is still told a request past its needed-by date is closed, though its status has not caught up", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      quantity: 5,
      pledgedQuantity: 5,
      status: "FULLY_PLEDGED",
      neededBy: new Date(Date.now() - 3 * 86_400_000),
    });
    const text = readableMainText(
      await (await pledge(need.id, cookies.supplier, `past-${need.id}`, "1")).text(),
    );
    expect(text).toContain("Your pledge was not sent.");
    expect(text).toContain("This request is closed to new pledges.");
    expect(text).not.toContain("Nothing more is needed");
  });
});
