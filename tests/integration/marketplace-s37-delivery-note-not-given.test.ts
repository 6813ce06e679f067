// A pledge delivered without a note showed the requestor a "Delivery note" row with nothing in it. It now reads
// "Not given", as the app's other empty optional answers do (the contact row on the same page, the request page);
// so does a pledge sent without a message, which read "None".
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createWorld } from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { pageHtmlAs, readableText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

async function deliveredWith(deliveryNote: string | null) {
  const { pledge } = await createPartlyPledgedRequest(world, { pledge: { status: "DELIVERED" } });
  return db.pledge.update({ where: { id: pledge.id }, data: { deliveryNote } });
}

describe("a pledge delivered without a note, as the requestor sees it", () => {
  it.each([null, ""])("with the note %j says it was not given", async (deliveryNote) => {
    const pledge = await deliveredWith(deliveryNote);
    const html = await pageHtmlAs(`/pledges/${pledge.id}`, world.users.vcseOwner.id);
    expect(readableText(html)).toContain("Delivery note Not given");
    expect(html).not.toMatch(/Delivery note<\/dt>\s*<dd[^>]*>\s*<\/dd>/);
  });

  it("a pledge sent without a message says it was not given", async () => {
    const pledge = await deliveredWith("Left the boxes at the hall");
    await db.pledge.update({ where: { id: pledge.id }, data: { message: "" } });
    const text = readableText(await pageHtmlAs(`/pledges/${pledge.id}`, world.users.vcseOwner.id));
    expect(text).toContain("Message Not given");
  });

  it("with a note shows it", async () => {
    const pledge = await deliveredWith("Left the boxes at the hall");
    const text = readableText(await pageHtmlAs(`/pledges/${pledge.id}`, world.users.vcseOwner.id));
    expect(text).toContain("Delivery note Left the boxes at the hall");
  });
});
