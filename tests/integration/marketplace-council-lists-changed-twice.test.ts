// The council's categories and districts, changed the way people actually change them: a form sent twice (a
// double click without JavaScript, or sent again), two officers on the same page, two at the same moment.
//
// Adding: "Add category" or "Add district" sent twice is answered as added, with one entry and one audit entry
// (before, the second was told its own entry already existed or, the two arriving together, hit the unique index
// and got a server error); a real clash (another officer's entry, or the same name with other details) is still
// refused next to the field.
// Retiring: the Retire/Restore button says which state it wants; before, it only switched the entry over, so
// clicked twice, or on a page another officer had already acted on, it put a retired category back in use.
// Renaming: two officers renaming two entries to one name at once: the one that loses is told the name is taken,
// as a plain clash is; before, the unique index threw and the page answered with a server error.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { toggleCategory, toggleDistrict } from "~/domain/marketplace/council-lists.server.ts";
import { action as categoriesAction } from "~/routes/council.categories.tsx";
import { action as districtsAction } from "~/routes/council.districts.tsx";
import {
  createCategory,
  createDistrict,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let officer: string;
let admin: string;

// A race may not be lost in one try, so each is run a few times.
const ROUNDS = 5;

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

  it("both at once makes one category, logged once, and no server error", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const name = unique("Warm spaces");
      const answers = await Promise.all([addCategory(officer, name), addCategory(officer, name)]);
      expect(answers.map((a) => a.status)).toEqual([302, 302]);
      const made = await db.category.findMany({ where: { councilId: world.councilA.id, name } });
      expect(made).toHaveLength(1);
      expect(await db.auditLog.count({ where: { entityId: made[0].id, action: "category.create" } })).toBe(1);
    }
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
    const answers = await Promise.all([
      addDistrict(officer, other, "GU6"),
      addDistrict(officer, other, "GU6"),
    ]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    for (const n of [name, other])
      expect(await db.district.count({ where: { councilId: world.councilA.id, name: n } })).toBe(1);
  });

  it("is still refused with other postcode areas or by another officer", async () => {
    const name = unique("Mole Valley");
    expect((await addDistrict(officer, name, "RH5")).status).toBe(302);
    expect(await nameError(await addDistrict(officer, name, "RH4"))).toEqual([
      "There is already a district with that name",
    ]);
    expect(await nameError(await addDistrict(admin, name))).toEqual([
      "There is already a district with that name",
    ]);
  });
});

const audits = (entityId: string) => db.auditLog.count({ where: { entityId } });

describe("retiring a category", () => {
  it("sent twice, or by two officers from the same page, leaves it retired, logged once", async () => {
    const category = await createCategory(world.councilA.id);
    const retire = (cookie: string) =>
      callAction(categoriesAction, {
        path: "/",
        cookie,
        form: { intent: "toggle", id: category.id, active: "false" },
      });
    expect((await retire(officer)).status).toBe(302);
    expect((await retire(officer)).status).toBe(302);
    expect((await retire(admin)).status).toBe(302);
    expect((await db.category.findUniqueOrThrow({ where: { id: category.id } })).active).toBe(false);
    expect(await audits(category.id)).toBe(1);

    const restore = () =>
      callAction(categoriesAction, {
        path: "/",
        cookie: officer,
        form: { intent: "toggle", id: category.id, active: "true" },
      });
    await Promise.all([restore(), restore()]);
    expect((await db.category.findUniqueOrThrow({ where: { id: category.id } })).active).toBe(true);
    expect(await audits(category.id)).toBe(2);
  });
});

// Called in the domain directly: through the route, signing in and reading the form kept the two calls apart.
describe("retired or restored twice at the same moment", () => {
  const actor = () => ({ userId: world.users.officerA.id });
  const twiceAtOnce = (toggle: typeof toggleCategory, id: string, active: boolean) =>
    Promise.all([
      toggle(world.councilA.id, id, actor(), active),
      toggle(world.councilA.id, id, actor(), active),
    ]);

  it("a category changes once each time, logged once", async () => {
    const category = await createCategory(world.councilA.id);
    const isActive = async () => (await db.category.findUniqueOrThrow({ where: { id: category.id } })).active;
    for (let round = 0; round < ROUNDS; round++) {
      await twiceAtOnce(toggleCategory, category.id, false);
      expect(await isActive()).toBe(false);
      expect(await audits(category.id)).toBe(2 * round + 1);
      await twiceAtOnce(toggleCategory, category.id, true);
      expect(await isActive()).toBe(true);
      expect(await audits(category.id)).toBe(2 * round + 2);
    }
  });

  it("a district changes once each time, logged once", async () => {
    const district = await createDistrict(world.councilA.id, undefined, ["GU10"]);
    const isActive = async () => (await db.district.findUniqueOrThrow({ where: { id: district.id } })).active;
    for (let round = 0; round < ROUNDS; round++) {
      await twiceAtOnce(toggleDistrict, district.id, false);
      expect(await isActive()).toBe(false);
      expect(await audits(district.id)).toBe(2 * round + 1);
      await twiceAtOnce(toggleDistrict, district.id, true);
      expect(await isActive()).toBe(true);
      expect(await audits(district.id)).toBe(2 * round + 2);
    }
  });
});

describe("retiring a district", () => {
  it("sent twice leaves it retired, logged once", async () => {
    const district = await createDistrict(world.councilA.id, undefined, ["GU9"]);
    const retire = () =>
      callAction(districtsAction, {
        path: "/",
        cookie: officer,
        form: { intent: "toggle", id: district.id, active: "false" },
      });
    await retire();
    await retire();
    expect((await db.district.findUniqueOrThrow({ where: { id: district.id } })).active).toBe(false);
    expect(await audits(district.id)).toBe(1);
  });

  it("refuses a wanted state that is not true or false", async () => {
    const district = await createDistrict(world.councilA.id, undefined, ["GU8"]);
    const odd = await callAction(districtsAction, {
      path: "/",
      cookie: officer,
      form: { intent: "toggle", id: district.id, active: "maybe" },
    });
    expect(odd.status).toBe(400);
    expect((await db.district.findUniqueOrThrow({ where: { id: district.id } })).active).toBe(true);
  });
});

async function oneFailsOnName(responses: Response[]) {
  expect(responses.map((r) => r.status).sort()).toEqual([302, 400]);
  const refused = responses.find((r) => r.status === 400)!;
  expect(JSON.stringify(await refused.json())).toMatch(/There is already a \w+ with that name/);
}

describe("two categories renamed to one name at once", () => {
  it("renames one, and tells the other officer the name is taken", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const first = await createCategory(world.councilA.id);
      const second = await createCategory(world.councilA.id);
      const name = unique("Food");
      const rename = (cookie: string, id: string) =>
        callAction(categoriesAction, { path: "/", cookie, form: { intent: "update", id, name } });
      await oneFailsOnName(await Promise.all([rename(officer, first.id), rename(admin, second.id)]));
      expect(await db.category.count({ where: { councilId: world.councilA.id, name } })).toBe(1);
    }
  });
});

describe("two districts renamed to one name at once", () => {
  it("renames one, and tells the other officer the name is taken", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const first = await createDistrict(world.councilA.id, undefined, ["GU21"]);
      const second = await createDistrict(world.councilA.id, undefined, ["GU22"]);
      const name = unique("Riverside");
      const rename = (cookie: string, id: string, postcodeAreas: string) =>
        callAction(districtsAction, {
          path: "/",
          cookie,
          form: { intent: "update", id, name, postcodeAreas },
        });
      await oneFailsOnName(
        await Promise.all([rename(officer, first.id, "GU21"), rename(admin, second.id, "GU22")]),
      );
      expect(await db.district.count({ where: { councilId: world.councilA.id, name } })).toBe(1);
    }
  });
});

// Names are unique in the council whatever their case (the page's own check ignores case): the database's index
// does too, so two officers at the same moment cannot save "Food" and "FOOD" side by side.
describe("names differing only in case, at the same moment", () => {
  it("the database keeps one of each name in any case", async () => {
    const name = unique("Warm spaces");
    await createCategory(world.councilA.id, name);
    // a slug of its own, so only the name can clash
    await expect(
      db.category.create({
        data: { councilId: world.councilA.id, name: name.toUpperCase(), slug: unique("warm-spaces") },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    const district = unique("Riverside");
    await createDistrict(world.councilA.id, district, ["GU23"]);
    await expect(createDistrict(world.councilA.id, district.toLowerCase(), ["GU24"])).rejects.toMatchObject({
      code: "P2002",
    });
    // another council may use the same name
    await createDistrict(world.councilB.id, district.toLowerCase(), ["GU24"]);
  });

  it("two districts added at once: one is added, the other officer is told the name is taken", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const name = unique("Hillside");
      await oneFailsOnName(
        await Promise.all([
          // areas of their own each round: an area is in one district only
          addDistrict(officer, name, `TW${10 + round}`),
          addDistrict(admin, name.toUpperCase(), `SM${10 + round}`),
        ]),
      );
      expect(
        await db.district.count({
          where: { councilId: world.councilA.id, name: { equals: name, mode: "insensitive" } },
        }),
      ).toBe(1);
    }
  });

  it("two categories renamed at once: one is renamed, the other officer is told the name is taken", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const first = await createCategory(world.councilA.id);
      const second = await createCategory(world.councilA.id);
      const name = unique("Food");
      const rename = (cookie: string, id: string, to: string) =>
        callAction(categoriesAction, { path: "/", cookie, form: { intent: "update", id, name: to } });
      await oneFailsOnName(
        await Promise.all([rename(officer, first.id, name), rename(admin, second.id, name.toLowerCase())]),
      );
      expect(
        await db.category.count({
          where: { councilId: world.councilA.id, name: { equals: name, mode: "insensitive" } },
        }),
      ).toBe(1);
    }
  });
});
