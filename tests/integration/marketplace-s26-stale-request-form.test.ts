// A request's form sent after the request had moved on, when it also had a mistake, was answered with that mistake
// and a link to a form the page no longer showed: an officer asking for changes with no comment on a request a
// colleague had just approved was told "Say what needs to change", and a requestor withdrawing with a long reason
// after accepting a pledge was told the reason was too long. Each is now told why the change cannot be made, as
// the same form without a mistake always was.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { postPage, readableText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  cookies.vcse = await sessionCookieFor(world.users.vcseOwner.id);
  cookies.officer = await sessionCookieFor(world.users.officerA.id);
});

type Status = "SUBMITTED" | "OPEN" | "PARTIALLY_PLEDGED" | "EXPIRED";
const aRequest = (status: Status, extra: { pledgedQuantity?: number } = {}) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status,
    ...extra,
  });

async function send(path: string, cookie: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const answer = await postPage(path, form, cookie);
  const html = await answer.text();
  return { status: answer.status, html, text: readableText(html) };
}

describe("asking for changes with no comment", () => {
  it("after a colleague approved the request says it is open", async () => {
    const need = await aRequest("OPEN");
    const answer = await send(`/council/moderation/${need.id}`, cookies.officer, {
      intent: "requestChanges",
      comment: "",
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("This cannot be done while the request is open.");
    expect(answer.text).not.toContain("Say what needs to change");
    expect(answer.html).not.toContain('href="#comment"');
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });

  it("while the request waits for approval still asks for the comment", async () => {
    const need = await aRequest("SUBMITTED");
    const answer = await send(`/council/moderation/${need.id}`, cookies.officer, {
      intent: "requestChanges",
      comment: "",
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("Say what needs to change");
  });
});

describe("the requestor's stale forms with a mistake", () => {
  it("withdrawing with a long reason once a pledge is accepted says why it cannot be withdrawn", async () => {
    const need = await aRequest("PARTIALLY_PLEDGED", { pledgedQuantity: 5 });
    await createPledge({ requestId: need.id, supplierOrganisationId: world.supplier.id, status: "ACCEPTED" });
    const answer = await send(`/requests/${need.id}/manage`, cookies.vcse, {
      intent: "withdraw",
      reason: "We no longer need it. ".repeat(60),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(
      "You cannot withdraw this request while a pledge to it is accepted, delivered or disputed.",
    );
    expect(answer.text).not.toContain("Reason must be 1,000 characters or fewer");
    expect(answer.html).not.toContain('href="#reason"');
  });

  it("extending to a past date once the request has expired says it is expired", async () => {
    const need = await aRequest("EXPIRED");
    const answer = await send(`/requests/${need.id}/manage`, cookies.vcse, {
      intent: "extend",
      neededBy: yesterday(),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("This cannot be done while the request is expired.");
    expect(answer.html).not.toContain('href="#neededBy"');
  });

  it("extending to a past date a second time says it can be extended only once", async () => {
    const need = await aRequest("OPEN");
    await db.request.update({ where: { id: need.id }, data: { extendedAt: new Date() } });
    const answer = await send(`/requests/${need.id}/manage`, cookies.vcse, {
      intent: "extend",
      neededBy: yesterday(),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("A request can be extended only once.");
  });

  it("extending an open request to a past date is still told the date is wrong", async () => {
    const need = await aRequest("OPEN");
    const answer = await send(`/requests/${need.id}/manage`, cookies.vcse, {
      intent: "extend",
      neededBy: yesterday(),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("The new date must be today or in the future");
  });
});
