// "Save this search" on the requests list with no filters (every open request) and no name was refused with "Enter
// a name for the search", but the form to type one was not shown again: the page looked for the search's filters to
// know a save had been refused, and an empty one does not come back. The error summary's link led nowhere and the
// search could not be saved from there. The refused save is now known by its intent.
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.supplierOwner.id);
});

it("asks again for the name of a search of every request, with the form to type it", async () => {
  const answer = await postPage(
    "/saved-searches",
    formOf({ intent: "create", query: "", name: "", emailDigest: "on", submissionKey: "k".repeat(20) }),
    cookie,
  );
  expect(answer.status).toBe(400);
  const html = await answer.text();
  expect(readableMainText(html)).toContain("There is a problem Enter a name for the search");
  expect(html).toContain('href="#name"');
  expect(html).toMatch(/<input[^>]*name="name"[^>]*id="name"|<input[^>]*id="name"[^>]*name="name"/);
  expect(html).toMatch(/name="query" value=""/);
  expect(html).toMatch(/name="submissionKey" value="k{20}"/);
  expect(await db.savedSearch.count({ where: { userId: world.users.supplierOwner.id } })).toBe(0);

  const saved = await postPage(
    "/saved-searches",
    formOf({
      intent: "create",
      query: "",
      name: "Everything",
      emailDigest: "on",
      submissionKey: "k".repeat(20),
    }),
    cookie,
  );
  expect(saved.status).toBe(302);
  expect(
    await db.savedSearch.findMany({
      where: { userId: world.users.supplierOwner.id },
      select: { name: true },
    }),
  ).toEqual([{ name: "Everything" }]);
});
