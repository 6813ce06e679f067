// The district filter on /requests finds requests placed by postcode area alone: such a request is filed under
// the district of its council that lists the area (when saved, when the council changes its districts, and by
// the backfill migration for requests saved before). A link naming a district the filter does not offer (deleted
// since it was shared, or another council's) is not filtered by it.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { addDistrict, toggleDistrict, updateDistrict } from "~/domain/marketplace/council-lists.server.ts";
import { action as editAction } from "~/routes/requests.$id.edit.tsx";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import { action as newRequestAction } from "~/routes/requests.new/route.tsx";
import {
  createCategory,
  createCouncil,
  createDistrict,
  createRequest,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { requestForm } from "../helpers/request-form.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

async function listedUnder(districtId: string) {
  const response = await callLoader(listLoader, { path: `/requests?district=${districtId}` });
  expect(response.status).toBe(200);
  return (await jsonOf<{ requests: { id: string }[] }>(response)).requests.map((r) => r.id);
}

const form = (overrides: Record<string, string>) => requestForm(world, overrides);

// a request of council A placed by postcode area only, as a migrated or older row would be
async function placedByArea(
  postcodeArea: string,
  councilId = world.councilA.id,
  categoryId = world.category.id,
) {
  const request = await createRequest({
    councilId,
    organisationId: world.vcse.id,
    categoryId,
    title: unique("By area"),
  });
  return db.request.update({ where: { id: request.id }, data: { postcodeArea }, select: { id: true } });
}

const districtOf = async (id: string) => (await db.request.findUniqueOrThrow({ where: { id } })).districtId;

describe("a request placed by postcode area only", () => {
  it("is found under the district that lists its area, from the day it is published", async () => {
    const riverside = await createDistrict(world.councilA.id, unique("Riverside"), ["KT7", "KT8"]);
    const created = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie,
      form: form({ postcodeArea: "kt8" }),
    });
    expect(created.status).toBe(302);
    const id = created.headers.get("location")!.split("/")[2];
    expect(await districtOf(id)).toBe(riverside.id);
    await db.request.update({ where: { id }, data: { status: "OPEN", publishedAt: new Date() } });
    expect(await listedUnder(riverside.id)).toContain(id);
  });

  it("keeps a district the requestor chose, and is filed when edited to give only an area", async () => {
    const hills = await createDistrict(world.councilA.id, unique("Hills"), ["KT20"]);
    const chosen = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie,
      form: form({ districtId: world.district.id, postcodeArea: "KT20" }),
    });
    const chosenId = chosen.headers.get("location")!.split("/")[2];
    expect(await districtOf(chosenId)).toBe(world.district.id);

    const unplaced = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie,
      form: form({ isRemote: "on" }),
    });
    const id = unplaced.headers.get("location")!.split("/")[2];
    expect(await districtOf(id)).toBeNull();
    const edited = await callAction(editAction, {
      path: `/requests/${id}/edit`,
      params: { id },
      cookie,
      form: form({ postcodeArea: "KT20" }),
    });
    expect(edited.status).toBe(302);
    expect(await districtOf(id)).toBe(hills.id);
  });

  it("is filed when its council adds the area to a district, or restores the district listing it", async () => {
    const actor = { userId: world.users.councilAdmin.id };
    const early = await placedByArea("KT30");
    const other = await placedByArea("KT31");
    await db.request.update({ where: { id: early.id }, data: { status: "OPEN" } });
    expect(await districtOf(early.id)).toBeNull();

    expect(await addDistrict(world.councilA.id, unique("Meadows"), ["KT30"], actor)).toEqual({ ok: true });
    const meadows = await db.district.findFirstOrThrow({ where: { postcodeAreas: { has: "KT30" } } });
    expect(await districtOf(early.id)).toBe(meadows.id);
    expect(await listedUnder(meadows.id)).toContain(early.id);

    expect(
      await updateDistrict(
        world.councilA.id,
        meadows.id,
        { name: meadows.name, postcodeAreas: ["KT30", "KT31"] },
        actor,
      ),
    ).toEqual({ ok: true });
    expect(await districtOf(other.id)).toBe(meadows.id);

    // a retired district files nothing; restored, it does
    const late = await placedByArea("KT32");
    const retired = await createDistrict(world.councilA.id, unique("Old town"), ["KT32"]);
    await db.district.update({ where: { id: retired.id }, data: { active: false } });
    await updateDistrict(
      world.councilA.id,
      meadows.id,
      { name: meadows.name, postcodeAreas: ["KT30", "KT31"] },
      actor,
    );
    expect(await districtOf(late.id)).toBeNull();
    await toggleDistrict(world.councilA.id, retired.id, actor);
    expect(await districtOf(late.id)).toBe(retired.id);
  });
});

describe("the backfill migration", () => {
  it("files existing requests under their area's district of the same council, leaving chosen ones alone", async () => {
    const councilC = await createCouncil();
    const categoryC = await createCategory(councilC.id);
    const inArea = await placedByArea("SE9");
    const otherCouncil = await placedByArea("SE9", councilC.id, categoryC.id);
    const chosen = await placedByArea("SE9");
    await db.request.update({ where: { id: chosen.id }, data: { districtId: world.district.id } });
    const unknownArea = await placedByArea("SE99");
    // created directly, as before the fix: nothing filed yet
    const eltham = await createDistrict(world.councilA.id, unique("Eltham"), ["SE9"]);
    const retired = await createDistrict(world.councilA.id, unique("Aaa retired"), ["SE9"]);
    await db.district.update({ where: { id: retired.id }, data: { active: false } });
    const before = await db.request.findUniqueOrThrow({ where: { id: inArea.id } });
    expect(before.districtId).toBeNull();

    // The migration's one statement, run on this test's requests only: run as it is, it would also file the
    // requests the other tests in this file left (each test file has its own database, tests/helpers/setup-db.ts).
    // Its conditions are ANDed, so one more keeps them as they are.
    const migration = fs
      .readFileSync(
        path.resolve("prisma/migrations/20261201090000_requests_filed_under_postcode_district/migration.sql"),
        "utf8",
      )
      .replace(/--.*$/gm, "")
      .trim();
    expect(migration).toMatch(
      /^UPDATE "Request" r\nSET "districtId" = \(SELECT [^;]+\)\nWHERE r\."districtId" IS NULL AND r\."postcodeArea" IS NOT NULL\n {2}AND EXISTS \([^;]+\);$/,
    );
    await db.$executeRawUnsafe(`${migration.slice(0, -1)}\n  AND r.id = ANY($1::text[]);`, [
      inArea.id,
      otherCouncil.id,
      chosen.id,
      unknownArea.id,
    ]);

    const after = await db.request.findUniqueOrThrow({ where: { id: inArea.id } });
    expect(after.districtId).toBe(eltham.id);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await districtOf(otherCouncil.id)).toBeNull();
    expect(await districtOf(chosen.id)).toBe(world.district.id);
    expect(await districtOf(unknownArea.id)).toBeNull();
    expect(await listedUnder(eltham.id)).toContain(inArea.id);
  });
});

describe("a district that loses an area, or is retired", () => {
  const actor = () => ({ userId: world.users.councilAdmin.id });
  const optionsFor = async (query: string) => {
    const response = await callLoader(listLoader, { path: `/requests${query}` });
    const data = await jsonOf<{
      councils: { id: string; districts: { id: string; name: string; retired: boolean }[] }[];
    }>(response);
    return data.councils.find((c) => c.id === world.councilA.id)!.districts;
  };

  it("no longer holds the open requests filed by that area: they follow the area, closed ones stay", async () => {
    const brook = await createDistrict(world.councilA.id, unique("Brook"), ["KT40", "KT41"]);
    const moved = await placedByArea("KT40");
    const stays = await placedByArea("KT41");
    const closed = await placedByArea("KT40");
    await fileUnder(brook.id, [moved.id, stays.id, closed.id]);
    await db.request.update({ where: { id: closed.id }, data: { status: "EXPIRED" } });

    // the area taken out of Brook, listed by no other district: unfiled, no longer found under Brook
    expect(
      await updateDistrict(
        world.councilA.id,
        brook.id,
        { name: brook.name, postcodeAreas: ["KT41"] },
        actor(),
      ),
    ).toEqual({ ok: true });
    expect(await districtOf(moved.id)).toBeNull();
    expect(await districtOf(stays.id)).toBe(brook.id);
    expect(await districtOf(closed.id)).toBe(brook.id);
    expect(await listedUnder(brook.id)).not.toContain(moved.id);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "district.update", entityId: brook.id },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.details).toMatchObject({ postcodeAreas: ["KT41"], refiled: 1 });

    // given to another district, the area takes its requests there
    const ford = await addDistrict(world.councilA.id, unique("Ford"), ["KT40"], actor());
    expect(ford).toEqual({ ok: true });
    const fordId = (await db.district.findFirstOrThrow({ where: { postcodeAreas: { has: "KT40" } } })).id;
    expect(await districtOf(moved.id)).toBe(fordId);
    expect(await listedUnder(fordId)).toContain(moved.id);
  });

  it("keeps a request whose district was chosen for another area", async () => {
    const dale = await createDistrict(world.councilA.id, unique("Dale"), ["KT50", "KT51"]);
    const chosen = await placedByArea("KT59");
    await fileUnder(dale.id, [chosen.id]);
    await updateDistrict(world.councilA.id, dale.id, { name: dale.name, postcodeAreas: ["KT50"] }, actor());
    expect(await districtOf(chosen.id)).toBe(dale.id);
  });

  it("retired, files its area's requests elsewhere; a request that chose it without an area keeps it, and a link filtering by it says so", async () => {
    const glen = await createDistrict(world.councilA.id, unique("Glen"), ["KT60"]);
    const byArea = await placedByArea("KT60");
    const chosenOnly = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      districtId: glen.id,
    });
    await fileUnder(glen.id, [byArea.id]);

    expect(await toggleDistrict(world.councilA.id, glen.id, actor())).toEqual({ ok: true });
    expect(await districtOf(byArea.id)).toBeNull();
    expect(await districtOf(chosenOnly.id)).toBe(glen.id);

    // the filter no longer offers it; a link naming it still filters, and the form shows that filter
    expect((await optionsFor("")).map((d) => d.id)).not.toContain(glen.id);
    expect(await listedUnder(glen.id)).toEqual([chosenOnly.id]);
    expect(await optionsFor(`?district=${glen.id}`)).toContainEqual({
      id: glen.id,
      name: glen.name,
      retired: true,
    });

    // restored, it files its area's requests again
    await toggleDistrict(world.councilA.id, glen.id, actor());
    expect(await districtOf(byArea.id)).toBe(glen.id);
    expect(await optionsFor("")).toContainEqual({ id: glen.id, name: glen.name, retired: false });
  });
});

describe("a link naming a district the filter does not offer", () => {
  type ListPage = {
    requests: { id: string }[];
    total: number;
    filters: { council?: string; district?: string };
    notFound: string[];
    query: string;
  };
  const list = async (query: string) => {
    const response = await callLoader(listLoader, { path: `/requests${query}` });
    expect(response.status).toBe(200);
    return jsonOf<ListPage>(response);
  };

  it("to a district deleted since, lists requests in any district, as its form shows, and says the district was not found", async () => {
    await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      districtId: world.district.id,
    });
    const gone = await createDistrict(world.councilA.id, unique("Gone"));
    await db.district.delete({ where: { id: gone.id } });

    const everything = await list("");
    expect(everything.notFound).toEqual([]);
    const followed = await list(`?district=${gone.id}&helpType=VOLUNTEERING`);
    expect(followed).toMatchObject({
      notFound: ["district"],
      total: everything.total,
      requests: everything.requests,
      query: "helpType=VOLUNTEERING", // saved as a search, it keeps no district either
    });
    expect(followed.total).toBeGreaterThan(0);
    expect(followed.filters.district).toBeUndefined();
  });

  it("to another council's district, lists the chosen council's requests; with its own council it filters", async () => {
    const elsewhere = await createDistrict(world.councilB.id, unique("Elsewhere"));
    const inA = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
    });
    const mismatched = await list(`?council=${world.councilA.id}&district=${elsewhere.id}`);
    expect(mismatched).toMatchObject({ notFound: ["district"], filters: { council: world.councilA.id } });
    expect(mismatched.filters.district).toBeUndefined();
    expect(mismatched.requests.map((r) => r.id)).toContain(inA.id);

    const own = await list(`?council=${world.councilB.id}&district=${elsewhere.id}`);
    expect(own).toMatchObject({ notFound: [], filters: { district: elsewhere.id }, total: 0 });
  });

  it("to a district added on another instance since this one read the choices, filters by it", async () => {
    await list(""); // the choices are kept for half a minute
    const added = await createDistrict(world.councilA.id, unique("New"));
    const inAdded = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      districtId: added.id,
    });
    const followed = await list(`?district=${added.id}`);
    expect(followed).toMatchObject({ notFound: [], filters: { district: added.id } });
    expect(followed.requests.map((r) => r.id)).toEqual([inAdded.id]);
  });
});

async function fileUnder(districtId: string, ids: string[]) {
  await db.request.updateMany({ where: { id: { in: ids } }, data: { districtId } });
}
