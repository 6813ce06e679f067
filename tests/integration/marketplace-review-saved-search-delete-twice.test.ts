// "Delete" on a saved search sent twice (a double click, or the form sent again with the back button) answered
// the second with 404 and "That saved search no longer exists.", so the person who had just deleted it was shown
// an error. A search that no longer exists at all is answered without an error (the page says it was not found,
// perhaps deleted already: marketplace-s20-saved-search-unknown); another person's search is still not
// theirs to delete (404), and nothing of it changes.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as savedAction } from "~/routes/saved-searches.tsx";
import { createSavedSearch, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let owner: string;
let stranger: string;

beforeAll(async () => {
  world = await createWorld();
  owner = await sessionCookieFor(world.users.supplierOwner.id);
  stranger = await sessionCookieFor(world.users.otherSupplierOwner.id);
});

const remove = (cookie: string, id: string) =>
  callAction(savedAction, { path: "/saved-searches", cookie, form: { intent: "delete", id } });

const searchOfOwner = () =>
  createSavedSearch({ userId: world.users.supplierOwner.id, organisationId: world.supplier.id });

describe("deleting a saved search twice", () => {
  it("one after the other answers both as deleted", async () => {
    const search = await searchOfOwner();
    for (let i = 0; i < 2; i++) {
      const answer = await remove(owner, search.id);
      expect([answer.status, answer.headers.get("location")]).toEqual([302, "/saved-searches"]);
    }
    expect(await db.savedSearch.count({ where: { id: search.id } })).toBe(0);
  });

  it("at the same moment answers both as deleted", async () => {
    const search = await searchOfOwner();
    const answers = await Promise.all([remove(owner, search.id), remove(owner, search.id)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await db.savedSearch.count({ where: { id: search.id } })).toBe(0);
  });

  it("is still 404 for someone else's search, which is kept", async () => {
    const search = await searchOfOwner();
    expect((await remove(stranger, search.id)).status).toBe(404);
    expect(await db.savedSearch.count({ where: { id: search.id } })).toBe(1);
  });
});
