// A request filed under a district by its postcode area kept that district when its area was changed on edit:
// the edit form shows the district it is filed under, and sent back unchanged it counted as chosen. Filed by area
// (the district lists the old area, decision 016's rule), the district follows the new area as on create; a
// district chosen for another area, or chosen again on the form, stays as chosen.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction, loader as editLoader } from "~/routes/requests.$id.edit.tsx";
import { action as newRequestAction } from "~/routes/requests.new/route.tsx";
import { createDistrict, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { requestForm } from "../helpers/request-form.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

async function created(place: Record<string, string>) {
  const answer = await callAction(newRequestAction, {
    path: "/requests/new",
    cookie,
    form: requestForm(world, place),
  });
  expect(answer.status).toBe(302);
  return answer.headers.get("location")!.split("/")[2];
}

// the edit form as its page fills it, with the changes the requestor makes
async function edited(id: string, changes: Record<string, string>) {
  const page = await jsonOf<{ defaults: Record<string, string | undefined> }>(
    await callLoader(editLoader, { path: `/requests/${id}/edit`, params: { id }, cookie }),
  );
  const form: Record<string, string> = { intent: "draft" };
  for (const [key, value] of Object.entries({ ...page.defaults, ...changes }))
    if (value !== undefined) form[key] = value;
  const answer = await callAction(editAction, { path: `/requests/${id}/edit`, params: { id }, cookie, form });
  expect(answer.status).toBe(302);
}

const placeOf = (id: string) =>
  db.request.findUniqueOrThrow({ where: { id }, select: { districtId: true, postcodeArea: true } });

describe("changing a request's postcode area on edit", () => {
  it("files it under the district of the new area when it was filed by the old one", async () => {
    const north = await createDistrict(world.councilA.id, unique("North"), ["RH1"]);
    const south = await createDistrict(world.councilA.id, unique("South"), ["RH9"]);
    const id = await created({ postcodeArea: "RH1" });
    expect(await placeOf(id)).toEqual({ districtId: north.id, postcodeArea: "RH1" });

    await edited(id, { postcodeArea: "RH9" });
    expect(await placeOf(id)).toEqual({ districtId: south.id, postcodeArea: "RH9" });
  });

  it("files it under no district when no district lists the new area", async () => {
    const east = await createDistrict(world.councilA.id, unique("East"), ["RH2"]);
    const id = await created({ postcodeArea: "RH2" });
    expect((await placeOf(id)).districtId).toBe(east.id);
    await edited(id, { postcodeArea: "RH77" });
    expect(await placeOf(id)).toEqual({ districtId: null, postcodeArea: "RH77" });
  });

  it("keeps a district chosen for another area, and one chosen again on the form", async () => {
    const west = await createDistrict(world.councilA.id, unique("West"), ["RH3"]);
    const centre = await createDistrict(world.councilA.id, unique("Centre"), ["RH4"]);
    const chosen = await created({ districtId: centre.id, postcodeArea: "RH3" });
    await edited(chosen, { postcodeArea: "RH5" });
    expect(await placeOf(chosen)).toEqual({ districtId: centre.id, postcodeArea: "RH5" });

    const filed = await created({ postcodeArea: "RH3" });
    expect((await placeOf(filed)).districtId).toBe(west.id);
    await edited(filed, { postcodeArea: "RH4", districtId: west.id });
    // the form sent the district it showed: nothing tells a choice from the same district left as it was
    expect((await placeOf(filed)).districtId).toBe(centre.id);
    await edited(filed, { postcodeArea: "RH4", districtId: west.id });
    // the area unchanged, the district chosen is kept
    expect((await placeOf(filed)).districtId).toBe(west.id);
  });
});
