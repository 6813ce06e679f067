// A council a platform admin has just added, whose first admin has not joined, was offered on the request form like
// any other, and a request for it went "for approval" to nobody: no officer saw it, nobody was emailed. Sending one
// for approval now says nobody there can approve requests yet, and keeps the form as typed (a draft is still saved);
// a draft sent from its own page is refused the same way. Once someone can approve for the council (a member of its
// own, or a partner council's partnership-wide staff), it goes as before.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  createCategory,
  createCouncil,
  createMember,
  createPartnership,
  createPartnershipMember,
  createRequest,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { postNewRequest } from "../helpers/marketplace-posts.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

// a council just added, with its default category; nobody has joined it
async function councilNobodyJoined(partnershipId?: string) {
  const council = await createCouncil({ name: unique("Southby Town Council"), partnershipId });
  const category = await createCategory(council.id);
  return { council, category };
}

// the new-request form sent for `council`, working remotely (so no district is needed), titled `title`
const postFor = (
  council: { id: string },
  category: { id: string },
  intent: "draft" | "submit",
  title: string,
) =>
  postNewRequest(world, requestor, {
    intent,
    title,
    councilId: council.id,
    categoryId: category.id,
    isRemote: "on",
  });

const NOBODY = (name: string) =>
  `Nobody at ${name} can approve requests yet: the council has only just joined the portal.`;

describe("a request for a council nobody has joined yet", () => {
  it("is not sent for approval: the council's field says why, and what was typed stays", async () => {
    const { council, category } = await councilNobodyJoined();
    const title = unique("Community fridge");
    const response = await postFor(council, category, "submit", title);
    expect(response.status).toBe(400);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain(NOBODY(council.name));
    expect(text).toContain("Save the request as a draft and submit it later, or choose another council.");
    expect(html).toContain(`value="${title}"`);
    expect(await db.request.count({ where: { title } })).toBe(0);
  });

  it("can be saved as a draft, and is refused when that draft is sent from its page", async () => {
    const { council, category } = await councilNobodyJoined();
    const title = unique("Warm space volunteers");
    const saved = await postFor(council, category, "draft", title);
    expect(saved.status).toBe(302);
    const draft = await db.request.findFirstOrThrow({ where: { title }, select: { id: true, status: true } });
    expect(draft.status).toBe("DRAFT");

    const sent = await postPage(`/requests/${draft.id}/manage`, formOf({ intent: "submit" }), requestor);
    expect(sent.status).toBe(400);
    expect(readableMainText(await sent.text())).toContain(NOBODY(council.name));
    expect((await db.request.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");

    // once its first admin has joined, the same draft goes for approval
    await createMember(council.id, "ADMIN");
    const again = await postPage(`/requests/${draft.id}/manage`, formOf({ intent: "submit" }), requestor);
    expect(again.status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("SUBMITTED");
  });

  it("goes for approval where a partner council's partnership-wide staff can approve for it", async () => {
    const partnership = await createPartnership();
    const partner = await createCouncil({ partnershipId: partnership.id });
    await createPartnershipMember(partner.id, "OFFICER");
    const { council, category } = await councilNobodyJoined(partnership.id);
    const title = unique("Food bank drivers");
    const response = await postFor(council, category, "submit", title);
    expect(response.status).toBe(302);
    expect((await db.request.findFirstOrThrow({ where: { title } })).status).toBe("SUBMITTED");
  });

  it("is still listed on the form, which a draft needs", async () => {
    const { council } = await councilNobodyJoined();
    const html = await (await renderPage("/requests/new", requestor)).text();
    expect(html).toContain(council.name);
  });

  it("leaves a council with members as it was", async () => {
    const draft = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "DRAFT",
    });
    const sent = await postPage(`/requests/${draft.id}/manage`, formOf({ intent: "submit" }), requestor);
    expect(sent.status).toBe(302);
  });
});
