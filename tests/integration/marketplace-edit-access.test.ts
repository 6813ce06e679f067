// "Edit request" lets in the same people as the manage page: members of the organisation that posted the request,
// whichever of their organisations they are acting for; nobody else.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import { action as editAction, loader as editLoader } from "~/routes/requests.$id.edit.tsx";
import { loader as manageLoader } from "~/routes/requests.$id.manage.tsx";
import {
  addMember,
  createMember,
  createOrganisation,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
});

const draftOf = (organisationId: string) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId,
    categoryId: world.category.id,
    status: "DRAFT",
  });

function form(intent: "draft" | "submit", title: string) {
  return {
    intent,
    title,
    description: "Volunteers to help run the Saturday breakfast club at the community hall.",
    councilId: world.councilA.id,
    categoryId: world.category.id,
    helpType: "VOLUNTEERING",
    quantity: "8",
    districtId: world.district.id,
    neededBy: inDays(30),
  };
}

// a member of two VCSEs, acting for the other one (the organisation switcher's cookie)
async function actingForOther(ownerOf: string, actingFor: string) {
  const user = await createMember(ownerOf, "MEMBER");
  await addMember(actingFor, user.id, "OWNER");
  return `${await sessionCookieFor(user.id)}; ${ORGANISATION_COOKIE}=${actingFor}`;
}

describe("editing a request", () => {
  it("is open to a member of the posting organisation who is acting for another of their organisations", async () => {
    const draft = await draftOf(world.vcse.id);
    const cookie = await actingForOther(world.vcse.id, world.otherVcse.id);
    const params = { id: draft.id };
    expect((await callLoader(manageLoader, { path: "/", params, cookie })).status).toBe(200);
    expect((await callLoader(editLoader, { path: "/", params, cookie })).status).toBe(200);
    const saved = await callAction(editAction, {
      path: "/",
      params,
      cookie,
      form: form("submit", "Breakfast club helpers"),
    });
    expect(saved.status).toBe(302);
    expect(await db.request.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      title: "Breakfast club helpers",
      status: "SUBMITTED",
      organisationId: world.vcse.id,
    });
  });

  it("answers the posting organisation's verification, not the acting one's", async () => {
    const pending = await createOrganisation({
      kind: "VCSE",
      councilId: world.councilA.id,
      status: "PENDING",
    });
    const draft = await draftOf(pending.id);
    const cookie = await actingForOther(pending.id, world.vcse.id);
    const refused = await callAction(editAction, {
      path: "/",
      params: { id: draft.id },
      cookie,
      form: form("submit", "Submitted while pending"),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("not been verified");
    expect((await db.request.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("stays closed to everyone outside the posting organisation", async () => {
    const draft = await draftOf(world.vcse.id);
    const params = { id: draft.id };
    for (const user of ["otherVcseOwner", "supplierOwner", "officerA", "officerB"] as const) {
      const cookie = await sessionCookieFor(world.users[user].id);
      expect({ user, status: (await callLoader(editLoader, { path: "/", params, cookie })).status }).toEqual({
        user,
        status: 404,
      });
      const posted = await callAction(editAction, {
        path: "/",
        params,
        cookie,
        form: form("draft", "Taken over"),
      });
      expect({ user, status: posted.status }).toEqual({ user, status: 404 });
    }
    expect((await db.request.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe(draft.title);
  });
});
