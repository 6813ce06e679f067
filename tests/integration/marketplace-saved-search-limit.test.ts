// A person keeps at most SAVED_SEARCH_LIMIT saved searches for an organisation. Before, there was no limit: the
// saved searches page (not paginated) listed every one, and each could send a daily email, so one account could
// make the page and the digest run as large as it liked. Past the limit, "Save search" says why and keeps what
// was typed; the same form sent twice still gets the search its first send saved. The limit holds when two saves
// arrive at once: with one place left, two different searches save one and refuse the other (before, both could
// read 49 and save, making 51).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { SAVED_SEARCH_LIMIT } from "~/domain/marketplace/council-lists.server.ts";
import { action as savedSearchesAction } from "~/routes/saved-searches.tsx";
import { createMember, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;

beforeAll(async () => {
  world = await createWorld();
});

const save = (cookie: string, name: string, submissionKey: string, query = "q=laptops") =>
  callAction(savedSearchesAction, {
    path: "/saved-searches",
    cookie,
    form: { intent: "create", name, query, emailDigest: "on", submissionKey },
  });

async function fillUpTo(userId: string, count: number) {
  await db.savedSearch.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      userId,
      organisationId: world.supplier.id,
      name: `Search ${i}`,
      filters: { q: `word${i}` },
    })),
  });
}

describe("saving a search", () => {
  it("past the limit is refused with a message, keeping the name typed", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    const cookie = await sessionCookieFor(user.id);
    await fillUpTo(user.id, SAVED_SEARCH_LIMIT);
    const refused = await save(cookie, "Laptops in Guildford", "limit-key-0001");
    expect(refused.status).toBe(400);
    const reply = await jsonOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      refused,
    );
    expect(reply.error[""]).toEqual([
      `You have ${SAVED_SEARCH_LIMIT} saved searches, the most you can keep. Delete one you no longer need to save this one.`,
    ]);
    expect(reply.initialValue.name).toBe("Laptops in Guildford");
    expect(await db.savedSearch.count({ where: { userId: user.id } })).toBe(SAVED_SEARCH_LIMIT);

    // one deleted, there is room again
    const oldest = await db.savedSearch.findFirstOrThrow({ where: { userId: user.id } });
    await callAction(savedSearchesAction, {
      path: "/saved-searches",
      cookie,
      form: { intent: "delete", id: oldest.id },
    });
    expect((await save(cookie, "Laptops in Guildford", "limit-key-0001")).status).toBe(302);
    expect(await db.savedSearch.count({ where: { userId: user.id } })).toBe(SAVED_SEARCH_LIMIT);
  });

  it("that reaches the limit, sent twice, is answered as saved both times", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    const cookie = await sessionCookieFor(user.id);
    await fillUpTo(user.id, SAVED_SEARCH_LIMIT - 1);
    expect((await save(cookie, "Goods in Woking", "limit-key-0002")).status).toBe(302);
    expect((await save(cookie, "Goods in Woking", "limit-key-0002")).status).toBe(302);
    expect(await db.savedSearch.count({ where: { userId: user.id } })).toBe(SAVED_SEARCH_LIMIT);
  });

  it("counts only the person's own searches", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    await fillUpTo(world.users.supplierOwner.id, SAVED_SEARCH_LIMIT);
    expect((await save(await sessionCookieFor(user.id), "Mine", "limit-key-0003")).status).toBe(302);
  });
});

// A race may not be lost in one try, so each is run a few times.
const ROUNDS = 5;

async function oneLeftFor() {
  const user = await createMember(world.supplier.id, "MEMBER");
  await fillUpTo(user.id, SAVED_SEARCH_LIMIT - 1);
  return { user, cookie: await sessionCookieFor(user.id) };
}

describe("two saves at once with one place left", () => {
  it("saves exactly one of two different searches", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { user, cookie } = await oneLeftFor();
      const responses = await Promise.all([
        save(cookie, "Laptops in Guildford", unique("key"), "q=laptops+guildford"),
        save(cookie, "Laptops in Woking", unique("key"), "q=laptops+woking"),
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
