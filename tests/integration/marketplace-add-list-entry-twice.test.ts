// "Add category" or "Add district" sent twice (a double click without JavaScript, or the form sent again) is
// answered as added, with one entry and one audit entry: before, the second post was told "There is already a
// category with that name" (the officer's own, a second earlier), or, the two arriving together, hit the unique
// index and got a server error. A real clash (another officer's entry, or the same name with other details) is
// still refused next to the field.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as categoriesAction } from "~/routes/council.categories.tsx";
import { action as districtsAction } from "~/routes/council.districts.tsx";
import { createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let officer: string;
let admin: string;

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  admin = await sessionCookieFor(world.users.councilAdmin.id);
});

const addCategory = (cookie: string, name: string, description = "Warm spaces and food banks") =>
  callAction(categoriesAction, { path: "/", cookie, form: { intent: "add", name, description } });
const addDistrict = (cookie: string, name: string, postcodeAreas = "GU4, GU5") =>
  callAction(districtsAction, { path: "/", cookie, form: { intent: "add", name, postcodeAreas } });

async function nameError(response: Response) {
  expect(response.status).toBe(400);
  return (await jsonOf<{ error: Record<string, string[]> }>(response)).error.name;
}

describe("adding a category twice", () => {
  it("one after the other makes one category, logged once", async () => {
    const name = unique("Food poverty");
    expect((await addCategory(officer, name)).status).toBe(302);
    expect((await addCategory(officer, name)).status).toBe(302);
    const made = await db.category.findMany({ where: { councilId: world.councilA.id, name } });
    expect(made).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: made[0].id, action: "category.create" } })).toBe(1);
  });

  it("both at once makes one category and no server error", async () => {
    const name = unique("Warm spaces");
    const answers = await Promise.all([addCategory(officer, name), addCategory(officer, name)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await db.category.count({ where: { councilId: world.councilA.id, name } })).toBe(1);
  });

  it("is still refused when another officer added it, or with other details", async () => {
    const name = unique("Digital inclusion");
    expect((await addCategory(officer, name)).status).toBe(302);
    expect(await nameError(await addCategory(admin, name))).toEqual([
      "There is already a category with that name",
    ]);
    expect(await nameError(await addCategory(officer, name, "Something else"))).toEqual([
      "There is already a category with that name",
    ]);
    expect(await db.category.count({ where: { councilId: world.councilA.id, name } })).toBe(1);
  });
});

describe("adding a district twice", () => {
  it("one after the other, or both at once, makes one district", async () => {
    const name = unique("Waverley");
    expect((await addDistrict(officer, name)).status).toBe(302);
    expect((await addDistrict(officer, name)).status).toBe(302);
    const other = unique("Woking");
    const answers = await Promise.all([addDistrict(officer, other), addDistrict(officer, other)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    for (const n of [name, other])
      expect(await db.district.count({ where: { councilId: world.councilA.id, name: n } })).toBe(1);
  });

  it("is still refused with other postcode areas or by another officer", async () => {
    const name = unique("Mole Valley");
    expect((await addDistrict(officer, name)).status).toBe(302);
    expect(await nameError(await addDistrict(officer, name, "RH4"))).toEqual([
      "There is already a district with that name",
    ]);
    expect(await nameError(await addDistrict(admin, name))).toEqual([
      "There is already a district with that name",
    ]);
  });
});
