// "Save as draft" on a request's edit form sent twice (a double click, or the back button), or the form saved
// without a change, logged an edit each time: the council's audit log showed the requestor editing the request
// twice. A save that changes nothing is answered as saved and logs nothing; the two sent at the same moment log
// one edit, and a real change is logged.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/requests.$id.edit.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

const form = (title: string) => ({
  intent: "draft",
  title,
  description: "Refurbished laptops so children can do their homework after school.",
  councilId: world.councilA.id,
  categoryId: world.category.id,
  helpType: "GOODS",
  quantity: "6",
  unitLabel: "laptops",
  districtId: world.district.id,
  neededBy: inDays(45),
});

const save = (id: string, title: string) =>
  callAction(editAction, { path: `/requests/${id}/edit`, params: { id }, cookie, form: form(title) });

const draft = () =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "DRAFT",
  });
const edits = (id: string) => db.auditLog.count({ where: { entityId: id, action: "request.edit" } });

describe("a draft saved twice", () => {
  it("one after the other logs one edit", async () => {
    const need = await draft();
    expect((await save(need.id, "Laptops for the homework club")).status).toBe(302);
    expect((await save(need.id, "Laptops for the homework club")).status).toBe(302);
    expect(await edits(need.id)).toBe(1);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).title).toBe(
      "Laptops for the homework club",
    );
  });

  it("at the same moment logs one edit; a real change after it is logged", async () => {
    const need = await draft();
    const answers = await Promise.all([
      save(need.id, "Laptops for the reading club"),
      save(need.id, "Laptops for the reading club"),
    ]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await edits(need.id)).toBe(1);
    expect((await save(need.id, "Laptops for the chess club")).status).toBe(302);
    expect(await edits(need.id)).toBe(2);
  });
});
