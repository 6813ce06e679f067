// "Retire" (or "Restore") on the council's categories and districts says which state it wants. Before, the button
// only switched the entry over: clicked twice (a double click without JavaScript), or clicked on a page another
// officer had already acted on, it turned a category just retired back into one in use, offered to requestors.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as categoriesAction } from "~/routes/council.categories.tsx";
import { action as districtsAction } from "~/routes/council.districts.tsx";
import { createCategory, createDistrict, createWorld, sessionCookieFor } from "../helpers/factories.ts";
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
