// A council renames a category, then adds a new one with the old name (say "Environment" became "Green spaces",
// and a new "Environment" is wanted). The rename kept the category's stored slug ("environment"), and adding
// checked names against those stored slugs, so the officer was told "There is already a category with that name"
// though no category had it, and could never use the name again. A clash is now judged on the categories' names
// as they are; the stored slug of a new category is made unique on its own.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as categoriesAction } from "~/routes/council.categories.tsx";
import { createWorldSignedInAs, unique, type World } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

const send = (form: Record<string, string>) =>
  callAction(categoriesAction, { path: "/council/categories", cookie: officer, form });

const named = (name: string) =>
  db.category.findMany({ where: { councilId: world.councilA.id, name }, select: { id: true } });

describe("a category renamed", () => {
  it("leaves its old name free for a new category", async () => {
    const old = unique("Environment");
    const renamed = unique("Green spaces");
    expect((await send({ intent: "add", name: old })).status).toBe(302);
    const [category] = await named(old);
    expect((await send({ intent: "update", id: category.id, name: renamed })).status).toBe(302);

    const added = await send({ intent: "add", name: old });
    expect(added.status).toBe(302);
    expect(await named(old)).toHaveLength(1);
    expect(await named(renamed)).toEqual([{ id: category.id }]);
  });

  it("still refuses a name another category has, in any case or punctuation", async () => {
    const name = unique("Health and wellbeing");
    expect((await send({ intent: "add", name })).status).toBe(302);
    for (const clash of [name.toUpperCase(), `${name}!`]) {
      const answer = await send({ intent: "add", name: clash });
      expect(answer.status).toBe(400);
      expect((await jsonOf<{ error: Record<string, string[]> }>(answer)).error.name).toEqual([
        "There is already a category with that name",
      ]);
    }
  });
});
