// A search for "cafe" found no request about a "Café": the English text search kept accents, so the two were
// different words to it (found by a tester typing as most people do, on a keyboard with no accents). Requests'
// words are now stored, and searches read, without accents (english_unaccent, migration
// 20261217090000_search_ignores_accents): either spelling finds both, in the title, description and beneficiaries.
import { beforeAll, describe, expect, it } from "vitest";
import { createRequest, createWorld } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

// a word of this run's own, so other tests' requests do not answer the searches
const word = `qa${Date.now().toString(36).replace(/[0-9]/g, "")}`;

beforeAll(async () => {
  const world = await createWorld();
  const request = (title: string, more: { description?: string; beneficiaries?: string } = {}) =>
    createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      title: `${title} ${word}`,
      status: "OPEN",
      ...more,
    });
  await request("Coffee machine for the community café");
  await request("Tables for a cafe");
  await request("Stall for the fête", { description: "Crème brûlée and naïve art for the summer fête." });
  await request("Lunch club", { beneficiaries: "Older people at the Zoë Ellis Centre" });
});

async function found(q: string) {
  const answer = await renderPage(`/requests?q=${encodeURIComponent(`${q} ${word}`)}&sort=newest`);
  expect(answer.status).toBe(200);
  return readableText(await answer.text());
}

describe("a search, whatever the accents", () => {
  it.each(["cafe", "café", "CAFÉ"])("%s finds the café and the cafe", async (q) => {
    const text = await found(q);
    expect(text).toContain(`Coffee machine for the community café ${word}`);
    expect(text).toContain(`Tables for a cafe ${word}`);
    expect(text).not.toContain(`Stall for the fête ${word}`);
  });

  it("finds words without their accents in a description and in who benefits", async () => {
    expect(await found("creme brulee")).toContain(`Stall for the fête ${word}`);
    expect(await found("naive fete")).toContain(`Stall for the fête ${word}`);
    expect(await found("zoe")).toContain(`Lunch club ${word}`);
  });

  it("still finds a word as it is written, and nothing for a word in no request", async () => {
    expect(await found("fête")).toContain(`Stall for the fête ${word}`);
    expect(await found("teapot")).toMatch(/\b0 requests/);
  });
});
