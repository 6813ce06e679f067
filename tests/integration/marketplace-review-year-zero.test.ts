// A date of year 0000 in the public list's link (typed by hand, or a bot's guess) is a real calendar date to
// JavaScript but not to Postgres, which has no year 0: the list answered 500, and a search saved with it failed
// every daily digest run for ever. Such a date is now dropped like any other that is not a real date.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { saveSearch } from "~/domain/marketplace/council-lists.server.ts";
import { sendSavedSearchDigests, DIGEST_SETTLE_MS } from "~/domain/marketplace/jobs.server.ts";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import { createRequest, createSavedSearch, createWorld } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let open: { id: string };

beforeAll(async () => {
  world = await createWorld();
  open = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title: "Quokka garden volunteers",
  });
});

async function list(search: string) {
  const response = await callLoader(listLoader, { path: `/requests?${search}` });
  expect(response.status).toBe(200);
  return jsonOf<{
    requests: { id: string }[];
    unread: { name: string; sent: string }[];
    filters: object;
  }>(response);
}

describe("a year 0000 date in the list's link", () => {
  it("as the closing date is said not to be a real date, and every open request is listed", async () => {
    const page = await list("closingBefore=0000-01-01");
    expect(page.unread).toEqual([{ name: "closingBefore", sent: "0000-01-01" }]);
    expect(page.requests.map((r) => r.id)).toContain(open.id);
  });

  it("as the published-since moment is left out", async () => {
    const page = await list(`since=${encodeURIComponent("0000-01-01T00:00:00Z")}`);
    expect(page.filters).not.toHaveProperty("since");
    expect(page.unread).toEqual([{ name: "since", sent: "0000-01-01T00:00:00Z" }]);
    expect(page.requests.map((r) => r.id)).toContain(open.id);
  });

  it("in a saved search neither stops its digest nor is kept", async () => {
    const saved = await saveSearch({
      userId: world.users.supplierOwner.id,
      organisationId: world.supplier.id,
      name: "Quokka",
      query: "q=quokka&closingBefore=0000-01-01",
      emailDigest: true,
    });
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: saved.id } })).filters).toEqual({
      q: "quokka",
    });
    // one stored before this fix
    const older = await createSavedSearch({
      userId: world.users.supplierMember.id,
      organisationId: world.supplier.id,
      filters: { q: "quokka", closingBefore: "0000-01-01" },
    });
    await db.savedSearch.update({
      where: { id: older.id },
      data: { emailDigest: true, createdAt: new Date(Date.now() - 86_400_000) },
    });
    await sendSavedSearchDigests(new Date(Date.now() + DIGEST_SETTLE_MS + 60_000));
    const digests = await db.emailOutbox.findMany({
      where: { template: "marketplace.digest", text: { contains: `/requests/${open.id}` } },
    });
    expect(digests.map((d) => d.to)).toContain(world.users.supplierMember.email);
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: older.id } })).lastDigestAt).not.toBeNull();
  });
});
