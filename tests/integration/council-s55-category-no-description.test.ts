// The categories table said the word "None" in the Description column of a category with none, which reads as if
// it were the description. Such a cell now shows an en dash, and says "No description" to a screen reader.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCategory, createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

describe("/council/categories", () => {
  it("shows a dash read as 'No description' for a category without one, and a description as given", async () => {
    const bare = await createCategory(world.councilA.id);
    const described = await createCategory(world.councilA.id);
    await db.category.update({ where: { id: described.id }, data: { description: "Homework clubs" } });
    const response = await renderPage("/council/categories", officer);
    expect(response.status).toBe(200);
    const html = await response.text();
    const rowOf = (name: string) =>
      html.match(new RegExp(`<tr[^>]*>(?:(?!</tr>).)*${name}(?:(?!</tr>).)*</tr>`, "s"))?.[0];
    expect(rowOf(bare.name)).toContain(
      '<span aria-hidden="true">–</span><span class="sr-only">No description</span>',
    );
    expect(rowOf(bare.name)).not.toContain(">None<");
    expect(rowOf(described.name)).toContain("Homework clubs");
    expect(rowOf(described.name)).not.toContain("No description");
  });
});
