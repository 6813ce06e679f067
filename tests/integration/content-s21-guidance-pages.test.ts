// The public guidance list put every council's published page on one page: with many councils and pages it grew
// without bound. It is now shown 50 at a time, council by council, with links to the other pages as the other
// lists have, and a page past the last says how many there are and links to the last page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { GUIDANCE_PAGE_SIZE } from "~/domain/content/guidance.server.ts";
import { createWorld } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let total: number;

// the pages listed, by address: a council with no introduction of its own to its case studies has its case studies
// page named in its section, apart from the pages counted (one with an introduction has it among its pages, s32)
const pagesIn = (html: string) =>
  [...html.matchAll(/<a [^>]*href="(\/guidance\/([^"/]+)\/([^"]+))"[^>]*>([^<]+)<\/a>/g)]
    .filter(([, , councilId, slug]) => slug !== "case-studies" || withIntro.has(councilId!))
    .map(([, href, , , title]) => ({ href: href!, title: title! }));
let withIntro: Set<string>;

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  const data = (councilId: string, count: number, published = true) =>
    Array.from({ length: count }, (_, i) => ({
      councilId,
      // the council's id in the title: each published page is told apart by its title
      slug: `s21-${published ? "page" : "draft"}-${String(i).padStart(3, "0")}`,
      title: `S21 ${published ? "guide" : "draft"} ${String(i).padStart(3, "0")} ${councilId}`,
      bodyMarkdown: "Something useful.",
      published,
    }));
  await db.guidancePage.createMany({ data: data(world.councilA.id, 40) });
  await db.guidancePage.createMany({ data: data(world.councilB.id, 30) });
  await db.guidancePage.createMany({ data: data(world.councilA.id, 3, false) });
  total = await db.guidancePage.count({ where: { published: true } });
  const intros = await db.guidancePage.findMany({
    where: { published: true, slug: "case-studies" },
    select: { councilId: true },
  });
  withIntro = new Set(intros.map((page) => page.councilId));
});

describe("the public guidance list", () => {
  it("shows a page at a time, each published page once, drafts never", async () => {
    expect(total).toBeGreaterThan(GUIDANCE_PAGE_SIZE);
    const pageCount = Math.ceil(total / GUIDANCE_PAGE_SIZE);
    const seen: { href: string; title: string }[] = [];
    for (let page = 1; page <= pageCount; page++) {
      const response = await renderPage(page === 1 ? "/guidance" : `/guidance?page=${page}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      const titles = pagesIn(html);
      expect(titles.length).toBe(
        page < pageCount ? GUIDANCE_PAGE_SIZE : total - GUIDANCE_PAGE_SIZE * (page - 1),
      );
      seen.push(...titles);
      const first = (page - 1) * GUIDANCE_PAGE_SIZE + 1;
      expect(readableText(html)).toContain(
        `Guidance pages ${first} to ${first + titles.length - 1} of ${total}`,
      );
      expect(html).toContain('aria-label="Pagination"');
    }
    expect(new Set(seen.map((p) => p.href)).size).toBe(total);
    expect(seen.filter((p) => p.title.startsWith("S21 guide"))).toHaveLength(70);
    expect(seen.some((p) => p.title.startsWith("S21 draft"))).toBe(false);
    // the first page links to the next
    const first = await (await renderPage("/guidance")).text();
    expect(first).toMatch(/<a (?=[^>]*href="\/guidance\?page=2")(?=[^>]*rel="next")[^>]*>/);
  });

  it("says how many there are past the last page, and links to it", async () => {
    const pageCount = Math.ceil(total / GUIDANCE_PAGE_SIZE);
    const response = await renderPage("/guidance?page=9");
    expect(response.status).toBe(200);
    const html = (await response.text()).replace(/<!-- -->/g, "");
    expect(readableText(html)).toContain(
      `There is no page 9: there are ${total} pages of guidance, on ${pageCount} pages.`,
    );
    expect(readableText(html)).not.toContain("There is no guidance yet.");
    expect(html).toMatch(
      new RegExp(`href="/guidance\\?page=${pageCount}"[^>]*>Go to page ${pageCount}, the last page`),
    );
  });
});
