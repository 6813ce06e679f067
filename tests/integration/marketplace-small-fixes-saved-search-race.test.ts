// The saved-search limit holds when two saves arrive at the same moment: with one place left, two different
// searches sent at once save one and refuse the other (before, both could read 49 and save, making 51). The
// same form sent twice at once still gets the one search it saved, both times.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { SAVED_SEARCH_LIMIT } from "~/domain/marketplace/council-lists.server.ts";
import { action as savedSearchesAction } from "~/routes/saved-searches.tsx";
import { createMember, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;

beforeAll(async () => {
  world = await createWorld();
});

// A race may not be lost in one try, so each is run a few times.
const ROUNDS = 5;

const save = (cookie: string, name: string, submissionKey: string) =>
  callAction(savedSearchesAction, {
    path: "/saved-searches",
    cookie,
    form: { intent: "create", name, query: "q=laptops", emailDigest: "on", submissionKey },
  });

async function oneLeftFor() {
  const user = await createMember(world.supplier.id, "MEMBER");
  await db.savedSearch.createMany({
    data: Array.from({ length: SAVED_SEARCH_LIMIT - 1 }, (_, i) => ({
      userId: user.id,
      organisationId: world.supplier.id,
      name: `Search ${i}`,
      filters: { q: `word${i}` },
    })),
  });
  return { user, cookie: await sessionCookieFor(user.id) };
}

describe("two saves at once with one place left", () => {
  it("saves exactly one of two different searches", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { user, cookie } = await oneLeftFor();
      const responses = await Promise.all([
        save(cookie, "Laptops in Guildford", unique("key")),
        save(cookie, "Laptops in Woking", unique("key")),
      ]);
      expect(responses.map((r) => r.status).sort()).toEqual([302, 400]);
      expect(await db.savedSearch.count({ where: { userId: user.id } })).toBe(SAVED_SEARCH_LIMIT);
    }
  });

  it("answers the same form sent twice as saved both times", async () => {
    const { user, cookie } = await oneLeftFor();
    const key = unique("key");
    const responses = await Promise.all([save(cookie, "Goods", key), save(cookie, "Goods", key)]);
    expect(responses.map((r) => r.status)).toEqual([302, 302]);
    expect(await db.savedSearch.count({ where: { userId: user.id } })).toBe(SAVED_SEARCH_LIMIT);
  });
});
