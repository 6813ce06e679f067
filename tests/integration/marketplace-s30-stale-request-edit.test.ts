// Two members of a group editing the same draft: the one who saved second overwrote the first's changes unseen, as
// the edit form carried no version of the request (contracts, measures and the council's lists do). The second
// save is now refused, with the answers kept in the form and a way to save them once checked; the same form sent
// twice (a double click) still saves once, quietly.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as editLoader } from "~/routes/requests.$id.edit.tsx";
import { STALE_REQUEST_EDIT } from "~/domain/marketplace/requests.server.ts";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let owner: string;
let member: string;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  owner = await sessionCookieFor(world.users.vcseOwner.id);
  member = await sessionCookieFor(world.users.vcseMember.id);
});

async function formRead(id: string, cookie: string) {
  const response = await callLoader(editLoader, { path: `/requests/${id}/edit`, params: { id }, cookie });
  return (await jsonOf<{ version: string }>(response)).version;
}

const answers = (version: string, changes: Record<string, string>) => ({
  intent: "draft",
  title: "Coats for the night shelter",
  description: "Warm coats in adult sizes for the guests of our winter night shelter.",
  councilId: world.councilA.id,
  categoryId: world.category.id,
  helpType: "GOODS",
  quantity: "20",
  unitLabel: "coats",
  districtId: world.district.id,
  neededBy: inDays(40),
  version,
  ...changes,
});

describe("a draft edited by two members of the group at once", () => {
  it("refuses the second save, keeping its answers, and takes it once sent again", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "DRAFT",
    });
    const ownersForm = await formRead(need.id, owner);
    const membersForm = await formRead(need.id, member);

    const first = await postPage(
      `/requests/${need.id}/edit`,
      formOf(answers(ownersForm, { title: "Winter coats for the night shelter" })),
      owner,
    );
    expect(first.status).toBe(302);

    const second = await postPage(
      `/requests/${need.id}/edit`,
      formOf(answers(membersForm, { quantity: "35" })),
      member,
    );
    expect(second.status).toBe(400);
    const html = await second.text();
    expect(readableMainText(html)).toContain(STALE_REQUEST_EDIT);
    expect(html).toMatch(/name="quantity"[^>]*value="35"|value="35"[^>]*name="quantity"/);
    const saved = await db.request.findUniqueOrThrow({ where: { id: need.id } });
    expect(saved).toMatchObject({ title: "Winter coats for the night shelter", quantity: 20 });

    // sent again from the page that told them: the form now carries the version saved by the owner
    const carried = html.match(/name="version" value="([^"]+)"/)?.[1];
    expect(carried).toBe(saved.updatedAt.toISOString());
    const again = await postPage(
      `/requests/${need.id}/edit`,
      formOf(answers(carried!, { title: "Winter coats for the night shelter", quantity: "35" })),
      member,
    );
    expect(again.status).toBe(302);
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      title: "Winter coats for the night shelter",
      quantity: 35,
    });
  });

  it("saves the same form sent twice once, without calling the second stale", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "DRAFT",
    });
    const version = await formRead(need.id, owner);
    const form = answers(version, { title: "Blankets for the night shelter" });
    expect((await postPage(`/requests/${need.id}/edit`, formOf(form), owner)).status).toBe(302);
    expect((await postPage(`/requests/${need.id}/edit`, formOf(form), owner)).status).toBe(302);
    expect(await db.auditLog.count({ where: { entityId: need.id, action: "request.edit" } })).toBe(1);
  });
});
