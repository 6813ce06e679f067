// Two officers renaming two different categories (or districts) to the same name at the same moment: the one
// that loses is told the name is taken, next to the name field, as a plain clash is; before, the unique index
// threw and the page answered with a server error.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as categoriesAction } from "~/routes/council.categories.tsx";
import { action as districtsAction } from "~/routes/council.districts.tsx";
import {
  createCategory,
  createDistrict,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let officer: string;
let admin: string;

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  admin = await sessionCookieFor(world.users.councilAdmin.id);
});

// A race may not be lost in one try, so each is run a few times.
const ROUNDS = 5;

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
