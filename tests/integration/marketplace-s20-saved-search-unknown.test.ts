// "Delete" on a saved search that is not there (an unknown id, or one deleted already) answered "Saved search
// deleted", as if this click had deleted something. It says the search was not found, perhaps deleted already,
// without an error page; deleting a search that is there still says it was deleted.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as savedAction } from "~/routes/saved-searches.tsx";
import { createSavedSearch, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { flashOf } from "../helpers/flash.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.supplierOwner.id);
});

const remove = (id: string) =>
  callAction(savedAction, { path: "/saved-searches", cookie, form: { intent: "delete", id } });

const NOT_FOUND = {
  kind: "info",
  message: "That saved search was not found: it may have been deleted already",
};

describe("deleting a saved search that is not there", () => {
  it("an unknown id is answered as not found, not as deleted", async () => {
    for (const id of ["no-such-search", "x".repeat(300), "c1\u0000"]) {
      const answer = await remove(id);
      expect([answer.status, answer.headers.get("location")]).toEqual([302, "/saved-searches"]);
      expect(await flashOf(answer)).toEqual(NOT_FOUND);
    }
  });

  it("the first delete says deleted, the second not found", async () => {
    const search = await createSavedSearch({
      userId: world.users.supplierOwner.id,
      organisationId: world.supplier.id,
    });
    expect(await flashOf(await remove(search.id))).toEqual({
      kind: "success",
      message: "Saved search deleted",
    });
    expect(await db.savedSearch.count({ where: { id: search.id } })).toBe(0);
    expect(await flashOf(await remove(search.id))).toEqual(NOT_FOUND);
  });
});
