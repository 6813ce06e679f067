// Two officers changing one category (or district) from pages read at the same time: the second "Save changes"
// silently overwrote the first one's new name, description or postcode areas. The change form now carries the
// version it was read from; a colleague's later save is shown beside the answers, which are kept, and the next
// save (made having seen it) goes through. The same form sent twice is still answered as saved (decision 024).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  createCategory,
  createDistrict,
  createWorldSignedInAs,
  unique,
  type World,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

const hiddenVersion = (html: string) =>
  html.match(/<input type="hidden" name="version" value="([^"]+)"/)?.[1];

const categoryVersion = async (id: string) =>
  (await db.category.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
const districtVersion = async (id: string) =>
  (await db.district.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();

// the version the change form shows, as an officer opening it reads it
async function versionShown(list: "categories" | "districts", id: string) {
  const page = await renderPage(`/council/${list}?edit=${id}`, officer);
  expect(page.status).toBe(200);
  return hiddenVersion(await page.text());
}

describe("changing a category a colleague changed meanwhile", () => {
  it("carries the version of the category the form was read from", async () => {
    const category = await createCategory(world.councilA.id, unique("Volunteering"));
    expect(await versionShown("categories", category.id)).toBe(await categoryVersion(category.id));
  });

  it("keeps the colleague's change, shows it, and keeps the answers in the form", async () => {
    const category = await createCategory(world.councilA.id, unique("Green spaces"));
    const read = (await versionShown("categories", category.id))!;
    const theirs = unique("Parks and green spaces");
    // what the colleague's "Save changes" does
    await db.category.update({ where: { id: category.id }, data: { name: theirs, description: "Parks" } });
    const mine = unique("Green and open spaces");
    const response = await postPage(
      `/council/categories?edit=${category.id}`,
      formOf({ intent: "update", id: category.id, name: mine, description: "", version: read }),
      officer,
    );
    expect(response.status).toBe(409);
    const saved = await db.category.findUniqueOrThrow({ where: { id: category.id } });
    expect(saved.name).toBe(theirs);
    expect(saved.description).toBe("Parks");
    expect(await db.auditLog.count({ where: { action: "category.update", entityId: category.id } })).toBe(0);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain("There is a problem Someone else changed this category while you were editing.");
    expect(text).toContain("Saved now, and your answers Field Saved now Your answer");
    expect(text).toContain(`Name ${theirs} ${mine}`);
    expect(text).toContain("Description Parks None");
    expect(html).toContain(`value="${mine}"`);
    // the colleague's change is now seen: saving again goes through
    const seen = hiddenVersion(html)!;
    expect(seen).toBe(await categoryVersion(category.id));
    const again = await postPage(
      `/council/categories?edit=${category.id}`,
      formOf({ intent: "update", id: category.id, name: mine, description: "", version: seen }),
      officer,
    );
    expect(again.status).toBe(302);
    expect((await db.category.findUniqueOrThrow({ where: { id: category.id } })).name).toBe(mine);
  });

  it("answers the same change sent twice as saved, logged once", async () => {
    const category = await createCategory(world.councilA.id, unique("Twice"));
    const read = (await versionShown("categories", category.id))!;
    const values = { intent: "update", id: category.id, name: unique("Sent twice"), version: read };
    const first = await postPage("/council/categories", formOf(values), officer);
    const second = await postPage("/council/categories", formOf(values), officer);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(await db.auditLog.count({ where: { action: "category.update", entityId: category.id } })).toBe(1);
  });

  it("keeps the version the answers were made to after another refusal", async () => {
    const category = await createCategory(world.councilA.id, unique("Refused"));
    const read = (await versionShown("categories", category.id))!;
    await db.category.update({ where: { id: category.id }, data: { name: unique("Renamed") } });
    const response = await postPage(
      `/council/categories?edit=${category.id}`,
      formOf({ intent: "update", id: category.id, name: "", version: read }),
      officer,
    );
    expect(response.status).toBe(400);
    expect(hiddenVersion(await response.text())).toBe(read);
  });
});

describe("changing a district a colleague changed meanwhile", () => {
  it("keeps the colleague's postcode areas, shows them, and keeps the answers in the form", async () => {
    const name = unique("Woking");
    const district = await createDistrict(world.councilA.id, name, ["GU21"]);
    const read = (await versionShown("districts", district.id))!;
    expect(read).toBe(await districtVersion(district.id));
    await db.district.update({ where: { id: district.id }, data: { postcodeAreas: ["GU21", "GU22"] } });
    const response = await postPage(
      `/council/districts?edit=${district.id}`,
      formOf({ intent: "update", id: district.id, name, postcodeAreas: "GU21, GU24", version: read }),
      officer,
    );
    expect(response.status).toBe(409);
    expect((await db.district.findUniqueOrThrow({ where: { id: district.id } })).postcodeAreas).toEqual([
      "GU21",
      "GU22",
    ]);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain("Someone else changed this district while you were editing");
    expect(text).toContain("Postcode areas GU21, GU22 GU21, GU24");
    expect(html).toContain('value="GU21, GU24"');
    const again = await postPage(
      `/council/districts?edit=${district.id}`,
      formOf({
        intent: "update",
        id: district.id,
        name,
        postcodeAreas: "GU21, GU24",
        version: hiddenVersion(html)!,
      }),
      officer,
    );
    expect(again.status).toBe(302);
    expect((await db.district.findUniqueOrThrow({ where: { id: district.id } })).postcodeAreas).toEqual([
      "GU21",
      "GU24",
    ]);
  });

  it("answers the same change sent twice as saved", async () => {
    const name = unique("Epsom");
    const district = await createDistrict(world.councilA.id, name, ["KT17"]);
    const read = (await versionShown("districts", district.id))!;
    const values = { intent: "update", id: district.id, name, postcodeAreas: "KT17, KT18", version: read };
    const first = await postPage("/council/districts", formOf(values), officer);
    const second = await postPage("/council/districts", formOf(values), officer);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(await db.auditLog.count({ where: { action: "district.update", entityId: district.id } })).toBe(1);
  });
});
