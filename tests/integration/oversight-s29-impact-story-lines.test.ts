// A case study on the public impact page keeps the lines its requestor wrote, as the request's own page does: a
// description written as a list ("We needed:" then one thing a line) ran together into one line. A long address in
// it breaks onto the next line rather than widening the page past a phone's screen (WCAG 1.4.10).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { createRequest, createWorld, unique } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const description = "We needed:\n5 laptops for the homework club\n2 printers";
let title: string;

beforeAll(async () => {
  const world = await createWorld();
  title = unique("Laptops for the homework club");
  await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title,
    description,
    helpType: "GOODS",
    quantity: 7,
    status: "FULFILLED",
    showcaseConsent: true,
  });
});

describe("a case study on the impact page", () => {
  it("shows its description line by line", async () => {
    const response = await renderPage("/impact");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(title);
    const shown = html.match(
      /<p class="([^"]*)">We needed:\n5 laptops for the homework club\n2 printers<\/p>/,
    );
    expect(shown).not.toBeNull();
    expect(shown?.[1].split(" ")).toContain("whitespace-pre-line");
  });

  it("breaks a long word rather than widen the page", async () => {
    const html = await (await renderPage("/impact")).text();
    const story = html.match(/<li class="([^"]*)"><h3[^>]*>([^<]*)<\/h3>/g)?.find((li) => li.includes(title));
    expect(story).toBeDefined();
    expect(story!.match(/<li class="([^"]*)"/)![1].split(" ")).toContain("wrap-break-word");
  });
});
