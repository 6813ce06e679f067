// A category's or district's name was checked with a length limit that had no message of its own, so a name of 81
// characters was refused with the field's "Enter a name" (the admin had entered one). A blank name was told it must
// be 2 characters or more, and a name of zero-width spaces was saved: the list, its "Change" and "Retire" buttons
// and the marketplace filter then showed an entry with no words.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  await renderPage("/");
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

const PAGES = [
  {
    path: "/council/categories",
    count: () => db.category.count({ where: { councilId: world.councilA.id } }),
  },
  {
    path: "/council/districts",
    count: () => db.district.count({ where: { councilId: world.councilA.id } }),
    extra: { postcodeAreas: "GU49" },
  },
];

describe.each(PAGES)("adding to $path", ({ path, count, extra }) => {
  const add = async (name: string) => {
    const before = await count();
    const response = await postPage(path, formOf({ intent: "add", name, ...extra }), officer);
    expect(response.status).toBe(400);
    expect(await count()).toBe(before);
    const html = await response.text();
    return { text: readableMainText(html), html };
  };

  it("says a name that is too long is too long, and keeps it in the form", async () => {
    const name = `Employment and skills for young people leaving care ${"x".repeat(40)}`;
    const { text, html } = await add(name);
    expect(text).toContain("There is a problem Name must be 80 characters or fewer");
    expect(text).toContain("Error: Name must be 80 characters or fewer");
    expect(text).not.toContain("Enter a name");
    expect(html).toContain(`value="${name}"`);
  });

  it("asks for a name when it is left blank, once", async () => {
    const { text } = await add("   ");
    expect(text).toContain("There is a problem Enter a name");
    expect(text).not.toContain("2 characters or more");
  });

  it("refuses a name of characters that show nothing", async () => {
    const { text } = await add("\u200B\u200B\u200B");
    expect(text).toContain("The name must contain letters, numbers or other characters you can see");
  });

  it("still adds a name of 80 characters", async () => {
    const before = await count();
    const name = `Name ${crypto.randomUUID()}`.padEnd(80, "x");
    const response = await postPage(path, formOf({ intent: "add", name, ...extra }), officer);
    expect(response.status).toBe(302);
    expect(await count()).toBe(before + 1);
  });
});

it("says the same when a category is renamed to a name that is too long", async () => {
  const response = await postPage(
    "/council/categories",
    formOf({ intent: "update", id: world.category.id, name: "y".repeat(81) }),
    officer,
  );
  expect(response.status).toBe(400);
  expect(readableMainText(await response.text())).toContain("Error: Name must be 80 characters or fewer");
  expect((await db.category.findUniqueOrThrow({ where: { id: world.category.id } })).name).toBe(
    world.category.name,
  );
});
