// "Submit for approval" on a draft's page checks its category and district as the edit form's "Save and submit"
// does: once the council has retired either, the draft is not sent for approval (and so not published) under
// it. Before, the edit form refused it but the draft's page sent it straight to the moderation queue.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as manageAction } from "~/routes/requests.$id.manage.tsx";
import {
  createCategory,
  createDistrict,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

const submit = (id: string) =>
  callAction(manageAction, { path: "/", params: { id }, cookie, form: { intent: "submit" } });

async function draft(categoryId: string, districtId: string | null = null) {
  return createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId,
    districtId,
    status: "DRAFT",
  });
}

describe("submitting a draft from its page", () => {
  it("is refused once the council has retired its category, saying so", async () => {
    const category = await createCategory(world.councilA.id, "Digital inclusion (old)");
    const need = await draft(category.id);
    await db.category.update({ where: { id: category.id }, data: { active: false } });
    const refused = await submit(need.id);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      "The council no longer uses the category “Digital inclusion (old)”. Edit the request to choose another.",
    );
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "DRAFT",
      submittedAt: null,
    });
    expect(await db.requestEvent.count({ where: { requestId: need.id, toStatus: "SUBMITTED" } })).toBe(0);
  });

  it("is refused once the council has retired its district, saying so", async () => {
    const district = await createDistrict(world.councilA.id, "Old Town", ["GU9"]);
    const need = await draft(world.category.id, district.id);
    await db.district.update({ where: { id: district.id }, data: { active: false } });
    const refused = await submit(need.id);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("The council no longer lists the district “Old Town”.");
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("DRAFT");
  });

  it("goes ahead while both are in use", async () => {
    const need = await draft(world.category.id, world.district.id);
    expect((await submit(need.id)).status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("SUBMITTED");
  });
});
