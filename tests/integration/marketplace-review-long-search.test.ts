// A search longer than 200 characters (a pasted description, say) was dropped whole: the list showed every open
// request under "N requests", with the search box empty, as if nothing had been searched for. The words are now
// searched for up to the first 200 characters, and the box shows what was searched.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import { createRequest, createWorld } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let wanted: { id: string };

beforeAll(async () => {
  world = await createWorld();
  const base = { councilId: world.councilA.id, organisationId: world.vcse.id, categoryId: world.category.id };
  wanted = await createRequest({
    ...base,
    title: "Platypus pond clearing volunteers",
    description: "We would like more helpers, and lots of them: words fail us.",
  });
  await createRequest({ ...base, title: "Laptops for the homework club" });
});

describe("a search of more than 200 characters", () => {
  it("searches its first 200 characters instead of listing every request", async () => {
    const q = `platypus pond ${"and lots more words about what we would like ".repeat(6)}`;
    expect(q.length).toBeGreaterThan(200);
    const response = await callLoader(listLoader, { path: `/requests?q=${encodeURIComponent(q)}` });
    expect(response.status).toBe(200);
    const page = await jsonOf<{ requests: { id: string }[]; filters: { q?: string } }>(response);
    expect(page.requests.map((r) => r.id)).toEqual([wanted.id]);
    // cut after the last whole word within the 200
    expect(page.filters.q).toBe(q.slice(0, 200).replace(/\S+$/, "").trim());
    expect(page.filters.q!.length).toBeLessThanOrEqual(200);
  });
});
