// Saving a category or district unchanged (its form sent twice, by a double click or the back button, or saved
// without editing) logged a change each time: the council's audit log said the officer renamed it twice, or
// changed a district's postcode areas that had not changed. A save that changes nothing is answered as saved and
// logs nothing; the two sent at the same moment log one change.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as categoriesAction } from "~/routes/council.categories.tsx";
import { action as districtsAction } from "~/routes/council.districts.tsx";
import {
  createCategory,
  createDistrict,
  createWorldSignedInAs,
  unique,
  type World,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

const renameCategory = (id: string, name: string) =>
  callAction(categoriesAction, {
    path: "/council/categories",
    cookie: officer,
    form: { intent: "update", id, name, description: "Jobs, training and apprenticeships" },
  });
const changeDistrict = (id: string, name: string) =>
  callAction(districtsAction, {
    path: "/council/districts",
    cookie: officer,
    form: { intent: "update", id, name, postcodeAreas: "GU9, GU10" },
  });
const updates = (entityId: string, action: string) => db.auditLog.count({ where: { entityId, action } });

describe("a category saved twice", () => {
  it("one after the other is renamed once, logged once", async () => {
    const category = await createCategory(world.councilA.id);
    const name = unique("Jobs and skills");
    expect((await renameCategory(category.id, name)).status).toBe(302);
    expect((await renameCategory(category.id, name)).status).toBe(302);
    expect((await db.category.findUniqueOrThrow({ where: { id: category.id } })).name).toBe(name);
    expect(await updates(category.id, "category.update")).toBe(1);
  });

  it("at the same moment is logged once", async () => {
    const category = await createCategory(world.councilA.id);
    const name = unique("Skills");
    const answers = await Promise.all([renameCategory(category.id, name), renameCategory(category.id, name)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await updates(category.id, "category.update")).toBe(1);
  });
});

describe("a district saved twice", () => {
  it("one after the other, or at the same moment, is logged once each time it changes", async () => {
    const district = await createDistrict(world.councilA.id, unique("Waverley"), ["GU7"]);
    const name = unique("Waverley and Farnham");
    expect((await changeDistrict(district.id, name)).status).toBe(302);
    expect((await changeDistrict(district.id, name)).status).toBe(302);
    expect(await updates(district.id, "district.update")).toBe(1);
    const again = unique("Farnham");
    const answers = await Promise.all([
      changeDistrict(district.id, again),
      changeDistrict(district.id, again),
    ]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await updates(district.id, "district.update")).toBe(2);
    expect(await db.district.findUniqueOrThrow({ where: { id: district.id } })).toMatchObject({
      name: again,
      postcodeAreas: ["GU9", "GU10"],
    });
  });
});
