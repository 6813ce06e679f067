// The public guidance list (/guidance) left off a council whose only published page was its case studies
// introduction (the page "case-studies"): its case studies, though published, could not be found from the list. A
// council is now listed when it has any published guidance, case studies included, and its case studies are named
// once: under its introduction's title, among its pages, not also under the title a council without one gets.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCouncil, createGuidancePage } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

const tag = crypto.randomUUID().slice(0, 8);
let onlyCaseStudies: Awaited<ReturnType<typeof createCouncil>>;
let both: Awaited<ReturnType<typeof createCouncil>>;
let draftOnly: Awaited<ReturnType<typeof createCouncil>>;

beforeAll(async () => {
  // named to come first on the public guidance list, whatever other tests add
  onlyCaseStudies = await createCouncil({ name: `000 S32 Case Studies Only ${tag}` });
  both = await createCouncil({ name: `000 S32 Both Kinds ${tag}` });
  draftOnly = await createCouncil({ name: `000 S32 Draft Only ${tag}` });
  await createGuidancePage({
    councilId: onlyCaseStudies.id,
    slug: "case-studies",
    title: `What groups did ${tag}`,
  });
  await createGuidancePage({ councilId: both.id, slug: "case-studies", title: `Our stories ${tag}` });
  await createGuidancePage({ councilId: both.id, slug: "how-it-works", title: `How it works ${tag}` });
  const draft = await createGuidancePage({ councilId: draftOnly.id, slug: "case-studies" });
  await db.guidancePage.update({ where: { id: draft.id }, data: { published: false } });
});

const guidanceList = async () => {
  const response = await renderPage("/guidance");
  expect(response.status).toBe(200);
  return response.text();
};

// the links on the list to a council's pages, by address and words
const linksTo = (html: string, councilId: string) =>
  [...html.matchAll(new RegExp(`href="/guidance/${councilId}/([^"]+)"[^>]*>([^<]+)<`, "g"))].map(
    ([, slug, words]) => `${slug}: ${words}`,
  );

describe("the public guidance list", () => {
  it("lists a council whose only published page is its case studies introduction, with its case studies once", async () => {
    const html = await guidanceList();
    expect(readableMainText(html)).toContain(onlyCaseStudies.name);
    expect(linksTo(html, onlyCaseStudies.id)).toEqual([`case-studies: What groups did ${tag}`]);
  });

  it("names a council's case studies once among its other pages, under its introduction's title", async () => {
    const html = await guidanceList();
    expect(linksTo(html, both.id)).toEqual([
      `how-it-works: How it works ${tag}`,
      `case-studies: Our stories ${tag}`,
    ]);
  });

  it("does not list a council whose only page is a draft", async () => {
    const html = await guidanceList();
    expect(readableMainText(html)).not.toContain(draftOnly.name);
    expect(linksTo(html, draftOnly.id)).toEqual([]);
  });

  it("says the case studies page is for everyone, whoever its introduction was written for", async () => {
    const council = await createCouncil({ name: `000 S32 Intro For Suppliers ${tag}` });
    const intro = await createGuidancePage({
      councilId: council.id,
      slug: "case-studies",
      title: `Supplier stories ${tag}`,
    });
    await db.guidancePage.update({ where: { id: intro.id }, data: { audience: "SUPPLIER" } });
    const text = readableMainText(await guidanceList());
    const from = text.indexOf(council.name);
    expect(from).toBeGreaterThan(-1);
    expect(text.slice(from, from + 200)).toContain(`Supplier stories ${tag} for everyone`);
  });
});
