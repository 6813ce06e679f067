// A pledge's form sent after the other side had moved the pledge on (the requestor called it off while the
// supplier was writing up the delivery) was answered, when it also had a mistake, with that mistake ("Add a note
// about what was delivered") and a link to a form the page no longer showed, never saying the pledge had been
// called off. It is now told that the change cannot be made, as the same form without a mistake always was.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { postPage, readableText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  cookies.vcse = await sessionCookieFor(world.users.vcseOwner.id);
  cookies.supplier = await sessionCookieFor(world.users.supplierOwner.id);
});

async function pledgeNow(status: "ACCEPTED" | "DECLINED" | "DELIVERED" | "CONFIRMED") {
  return (await createPartlyPledgedRequest(world, { pledge: { status } })).pledge;
}

async function send(id: string, cookie: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const answer = await postPage(`/pledges/${id}`, form, cookie);
  const html = await answer.text();
  return { status: answer.status, html, text: readableText(html) };
}

describe("a delivery report with a mistake, sent after the pledge was called off", () => {
  it("says the pledge is declined, not what to correct in a form no longer shown", async () => {
    const pledge = await pledgeNow("DECLINED");
    const answer = await send(pledge.id, cookies.supplier, {
      intent: "reportDelivery",
      deliveredQuantity: "5",
      deliveredOn: today(),
      deliveryNote: "",
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("This cannot be done while the pledge is declined.");
    expect(answer.text).not.toContain("Add a note about what was delivered");
    expect(answer.html).not.toContain('href="#deliveryNote"');
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("DECLINED");
  });

  it("is still told what to correct while the pledge can be reported", async () => {
    const answer = await send((await pledgeNow("ACCEPTED")).id, cookies.supplier, {
      intent: "reportDelivery",
      deliveredQuantity: "5",
      deliveredOn: today(),
      deliveryNote: "",
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("Add a note about what was delivered");
    expect(answer.html).toContain('href="#deliveryNote"');
  });
});

describe("a dispute with no reason, sent after the delivery was confirmed", () => {
  it("says the pledge is confirmed", async () => {
    const pledge = await pledgeNow("CONFIRMED");
    const answer = await send(pledge.id, cookies.vcse, { intent: "dispute", reason: "" });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("This cannot be done while the pledge is confirmed.");
    expect(answer.text).not.toContain("Say what is wrong");
  });

  it("from the supplier's side is not theirs to send", async () => {
    const answer = await send((await pledgeNow("DELIVERED")).id, cookies.supplier, {
      intent: "dispute",
      reason: "",
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("You cannot do this to a pledge.");
  });
});
