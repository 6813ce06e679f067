// Approving a request checks its category and district as submitting it does: a request sent for approval before
// the council retired either waited in the moderation queue and, approved, was published under a category or
// district the council no longer uses. The officer is told to request changes instead, which still works.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as moderationAction } from "~/routes/council.moderation.$id.tsx";
import {
  createCategory,
  createDistrict,
  createRequest,
  createWorldSignedInAs,
  type World,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

const decide = (id: string, form: Record<string, string>) =>
  callAction(moderationAction, { path: `/council/moderation/${id}`, params: { id }, cookie: officer, form });

function submitted(categoryId: string, districtId: string | null = null) {
  return createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId,
    districtId,
    status: "SUBMITTED",
  });
}

describe("approving a request", () => {
  it("is refused once the council has retired its category, saying to request changes", async () => {
    const category = await createCategory(world.councilA.id, "Digital inclusion (old)");
    const need = await submitted(category.id);
    await db.category.update({ where: { id: category.id }, data: { active: false } });
    const refused = await decide(need.id, { intent: "approve" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      "The council no longer uses the category “Digital inclusion (old)”. Request changes so the requestor can choose another.",
    );
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "SUBMITTED",
      publishedAt: null,
    });
    expect(await db.requestEvent.count({ where: { requestId: need.id, toStatus: "OPEN" } })).toBe(0);

    const changes = await decide(need.id, {
      intent: "requestChanges",
      comment: "Please choose another category.",
    });
    expect(changes.status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("CHANGES_REQUESTED");
  });

  it("is refused once the council has retired the district it was filed under", async () => {
    const district = await createDistrict(world.councilA.id, "Old Town", ["GU9"]);
    const need = await submitted(world.category.id, district.id);
    await db.district.update({ where: { id: district.id }, data: { active: false } });
    const refused = await decide(need.id, { intent: "approve" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("The council no longer lists the district “Old Town”.");
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("SUBMITTED");
  });

  it("publishes it while both are in use", async () => {
    const need = await submitted(world.category.id, world.district.id);
    expect((await decide(need.id, { intent: "approve" })).status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });
});
