// Adding a category compares its name with the others in any case or punctuation, by the name's slug. A name with
// no letters a to z (in Urdu or Punjabi, for a council that lists its needs in community languages too) has an
// empty slug, so the second such name was refused with "There is already a category with that name", though
// there was none.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let officer: string;
let admin: string;

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  admin = await sessionCookieFor(world.users.councilAdmin.id);
});

const add = (name: string, cookie = officer) => {
  const form = new FormData();
  form.set("intent", "add");
  form.set("name", name);
  return postPage("/council/categories", form, cookie);
};

const named = (name: string) => db.category.count({ where: { councilId: world.councilA.id, name } });

it("adds two categories named in another script", async () => {
  expect((await add("صحت اور بہبود")).status).toBe(302);
  expect((await add("ਸਿੱਖਿਆ ਅਤੇ ਹੁਨਰ")).status).toBe(302);
  expect(await named("صحت اور بہبود")).toBe(1);
  expect(await named("ਸਿੱਖਿਆ ਅਤੇ ਹੁਨਰ")).toBe(1);
});

// by another person: the same person sending the same name again moments later is a form sent twice (decision 024)
it("still refuses the same name again, in any case or punctuation", async () => {
  expect((await add("تعلیم")).status).toBe(302);
  const again = await add("تعلیم", admin);
  expect(again.status).toBe(400);
  expect(readableMainText(await again.text())).toContain("There is already a category with that name");
  expect((await add("Digital inclusion")).status).toBe(302);
  const punctuated = await add("Digital-inclusion!", admin);
  expect(punctuated.status).toBe(400);
  expect(await named("تعلیم")).toBe(1);
});
