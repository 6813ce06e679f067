// A district's postcode areas typed with one twice ("GU1, GU2, gu1") were stored and listed twice: "GU1, GU2, GU1".
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createWorldSignedInAs, unique, type World } from "../helpers/factories.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

it("keeps each postcode area once, when a district is added or changed", async () => {
  const name = unique("Woking");
  const added = await postPage(
    "/council/districts",
    formOf({ intent: "add", name, postcodeAreas: "GU21, GU22, gu21" }),
    officer,
  );
  expect(added.status).toBe(302);
  const district = await db.district.findFirstOrThrow({ where: { councilId: world.councilA.id, name } });
  expect(district.postcodeAreas).toEqual(["GU21", "GU22"]);
  const changed = await postPage(
    "/council/districts",
    formOf({ intent: "update", id: district.id, name, postcodeAreas: "GU22 GU22, GU23" }),
    officer,
  );
  expect(changed.status).toBe(302);
  expect((await db.district.findUniqueOrThrow({ where: { id: district.id } })).postcodeAreas).toEqual([
    "GU22",
    "GU23",
  ]);
});
