// A search written in a script that takes several bytes a letter (Bengali, Chinese, Arabic: community languages
// of many councils' areas) is saved like any other. The list's "Save this search" form sends the list's filters
// URL-encoded, where each such letter is six or nine characters: a search of 120 Bengali letters came to more
// than the 1,000 characters the save took, and was refused with a message about a field the person cannot see.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as requestsLoader } from "~/routes/requests._index.tsx";
import { action as savedSearchesAction } from "~/routes/saved-searches.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.supplierOwner.id);
});

// what the list page puts in its save form for this search
async function saveFormQuery(search: string) {
  const params = new URLSearchParams({ q: search, council: world.councilA.id, helpType: "VOLUNTEERING" });
  const page = await callLoader(requestsLoader, { path: `/requests?${params}`, cookie });
  return (await jsonOf<{ query: string }>(page)).query;
}

describe("saving a search written in another script", () => {
  it("saves it from the list's form, with the words searched for", async () => {
    // "help for the local food bank" in Bengali, as typed or pasted into the search box
    const search = "স্থানীয় খাদ্য ব্যাংকের জন্য স্বেচ্ছাসেবক সাহায্য প্রয়োজন ".repeat(3).trim();
    const query = await saveFormQuery(search);
    expect(query.length).toBeGreaterThan(1000);
    const saved = await callAction(savedSearchesAction, {
      path: "/saved-searches",
      cookie,
      form: {
        intent: "create",
        name: "Food bank (Bengali)",
        query,
        emailDigest: "on",
        submissionKey: "bengali-0001",
      },
    });
    expect(saved.status).toBe(302);
    const stored = await db.savedSearch.findFirstOrThrow({
      where: { userId: world.users.supplierOwner.id, name: "Food bank (Bengali)" },
    });
    expect(stored.filters).toEqual({ q: search, council: world.councilA.id, helpType: "VOLUNTEERING" });
  });
});
