// A request's postcode area says where the help is needed, and the public page shows it ("Where: BN1"). A
// Northshire request filed under Kingston with "BN1", which Eastvale's Brighton district lists, was accepted, and
// "ZZ99", no UK postcode area at all, was filed under no district: both now get an error by the postcode field,
// with what was typed kept.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/requests.$id.edit.tsx";
import { action as newRequestAction } from "~/routes/requests.new/route.tsx";
import {
  createCategory,
  createDistrict,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { requestForm } from "../helpers/request-form.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let cookie: string;
let categoryB: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
  await createDistrict(world.councilB.id, unique("Brighton"), ["BN1", "BN2"]);
  await createDistrict(world.councilA.id, unique("Kingston"), ["KT1"]);
  categoryB = (await createCategory(world.councilB.id, unique("Environment"))).id;
});

const form = (overrides: Record<string, string>) => requestForm(world, overrides);

async function refused(overrides: Record<string, string>) {
  const before = await db.request.count();
  const response = await callAction(newRequestAction, {
    path: "/requests/new",
    cookie,
    form: form(overrides),
  });
  expect(response.status).toBe(400);
  expect(await db.request.count()).toBe(before);
  // Conform's reply: the errors by field, and what was typed, which the form shows again
  const body = await jsonOf<{ error?: Record<string, string[]>; initialValue?: Record<string, string> }>(
    response,
  );
  expect(body.initialValue?.postcodeArea).toBe(overrides.postcodeArea);
  return body;
}

const errorsOf = (body: { error?: Record<string, string[]> }) => body.error ?? {};

describe("a request's postcode area", () => {
  it("in another council's area only is refused by the postcode field, naming that council", async () => {
    const councilB = await db.organisation.findUniqueOrThrow({ where: { id: world.councilB.id } });
    const body = await refused({ districtId: world.district.id, postcodeArea: "bn1" });
    expect(errorsOf(body).postcodeArea).toEqual([
      `BN1 is in ${councilB.name}’s area, not this council’s: correct the postcode area, or choose ${councilB.name} as the council`,
    ]);
    // the same without a district
    expect(errorsOf(await refused({ postcodeArea: "BN2" })).postcodeArea?.[0]).toContain(councilB.name);
  });

  it("that is no UK postcode area is refused", async () => {
    const body = await refused({ postcodeArea: "ZZ99" });
    expect(errorsOf(body).postcodeArea).toEqual([
      "ZZ99 is not in a UK postcode area: enter the first half of a postcode, like GU1",
    ]);
  });

  it("listed by the council's own district, or by no district, is accepted", async () => {
    for (const postcodeArea of ["KT1", "SW1A", "BN1"]) {
      const councilId = postcodeArea === "BN1" ? world.councilB.id : world.councilA.id;
      const categoryId = councilId === world.councilA.id ? world.category.id : categoryB;
      const response = await callAction(newRequestAction, {
        path: "/requests/new",
        cookie,
        form: form({ postcodeArea, councilId, categoryId }),
      });
      expect(response.status, postcodeArea).toBe(302);
    }
  });

  it("is checked when a request is edited too", async () => {
    const created = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie,
      form: form({ postcodeArea: "KT1" }),
    });
    const id = created.headers.get("location")!.split("/")[2]!;
    const edited = await callAction(editAction, {
      path: `/requests/${id}/edit`,
      params: { id },
      cookie,
      form: form({ postcodeArea: "BN1" }),
    });
    expect(edited.status).toBe(400);
    expect((await db.request.findUniqueOrThrow({ where: { id } })).postcodeArea).toBe("KT1");
  });
});
