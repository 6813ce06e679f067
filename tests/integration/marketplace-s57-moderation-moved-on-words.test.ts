// Two officers with one request open to approve: one decides, the other's decision comes a moment later. The second
// was told "This cannot be done while the request is open.", nothing of who had decided or that their comment had not
// gone to the group, and the comment they typed was gone. The page now names who did what and when, and shows the
// comment back. The same when the group withdrew the request meanwhile.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { formatDateTime } from "~/domain/format.ts";
import { changeRequest } from "~/domain/marketplace/requests.server.ts";
import { createMember, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { postPage, readableMainText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let alex: { id: string; cookie: string };
let sam: { id: string; cookie: string };

beforeAll(async () => {
  world = await createWorld();
  const first = await createMember(world.councilA.id, "OFFICER", { name: "Alex Quinn" });
  const second = await createMember(world.councilA.id, "OFFICER", { name: "Sam Patel" });
  alex = { id: first.id, cookie: await sessionCookieFor(first.id) };
  sam = { id: second.id, cookie: await sessionCookieFor(second.id) };
});

const waiting = () =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "SUBMITTED",
  });

function moderate(requestId: string, cookie: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return postPage(`/council/moderation/${requestId}`, form, cookie);
}

// when the decision that took it off the list was made, as the page writes it
async function decidedAt(requestId: string) {
  const event = await db.requestEvent.findFirstOrThrow({
    where: { requestId, fromStatus: "SUBMITTED" },
    orderBy: { createdAt: "desc" },
  });
  return formatDateTime(event.createdAt);
}

describe("a decision on a request someone else decided a moment before", () => {
  it("asking for changes after a colleague approved: who approved it and when, and the comment shown back", async () => {
    const need = await waiting();
    expect((await moderate(need.id, alex.cookie, { intent: "approve" })).status).toBe(302);
    const refused = await moderate(need.id, sam.cookie, {
      intent: "requestChanges",
      comment: "Please add the venue.",
    });
    expect(refused.status).toBe(400);
    const text = readableMainText(await refused.text());
    expect(text).toContain(
      `Alex Quinn approved and published this request on ${await decidedAt(need.id)}, so your request for changes was not sent.`,
    );
    expect(text).toContain("Your comment, not sent: Please add the venue.");
    expect(text).not.toContain("This cannot be done while");
    // and the group was sent nothing of it
    expect(
      await db.requestEvent.count({ where: { requestId: need.id, toStatus: "CHANGES_REQUESTED" } }),
    ).toBe(0);
  });

  it("approving after a colleague asked for changes: it was not approved, and when it comes back", async () => {
    const need = await waiting();
    const asked = await moderate(need.id, alex.cookie, {
      intent: "requestChanges",
      comment: "Say how many volunteers.",
    });
    expect(asked.status).toBe(302);
    const refused = await moderate(need.id, sam.cookie, { intent: "approve" });
    expect(refused.status).toBe(400);
    const text = readableMainText(await refused.text());
    expect(text).toContain(
      `Alex Quinn asked the group for changes to this request on ${await decidedAt(need.id)}, so it was not approved: it comes back to the list of requests to approve when the group sends it again.`,
    );
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "CHANGES_REQUESTED",
    });
  });

  it("a request the group withdrew meanwhile: who withdrew it", async () => {
    const need = await waiting();
    const withdrawn = await changeRequest({
      requestId: need.id,
      action: "withdraw",
      roles: ["REQUESTOR"],
      actor: { userId: world.users.vcseOwner.id, ipAddress: null },
    });
    expect(withdrawn.ok).toBe(true);
    const owner = await db.user.findUniqueOrThrow({ where: { id: world.users.vcseOwner.id } });
    const refused = await moderate(need.id, sam.cookie, { intent: "requestChanges", comment: "Add dates." });
    expect(refused.status).toBe(400);
    const text = readableMainText(await refused.text());
    expect(text).toContain(
      `${owner.name} withdrew this request on ${await decidedAt(need.id)}, so your request for changes was not sent.`,
    );
    expect(text).toContain("Your comment, not sent: Add dates.");
  });
});
