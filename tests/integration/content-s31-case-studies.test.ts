// The spec's guidance for suppliers and requestors names case studies beside "how it works" and "what good looks
// like", but no council had a case studies page: a new council got three pages, none of them case studies, and the
// fulfilled requests groups agreed to share were only the latest dozen, every council's together, on the impact
// page. Every council now has a case studies page, listed with its guidance and linked from the impact page: its
// own fulfilled requests shared by their groups, page by page, under the council's own introduction where it has
// published one (the guidance page "case-studies", which new councils start with).
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { DEFAULT_GUIDANCE } from "~/domain/content/default-guidance.ts";
import { CASE_STUDIES_PAGE_SIZE } from "~/domain/content/case-studies.server.ts";
import {
  createCouncil,
  createCategory,
  createGuidancePage,
  createOrganisation,
  createRequest,
} from "../helpers/factories.ts";
import { readableMainText, readableText, renderPage } from "../helpers/render-page.ts";

const tag = crypto.randomUUID().slice(0, 8);
let council: Awaited<ReturnType<typeof createCouncil>>;
let other: Awaited<ReturnType<typeof createCouncil>>;
let withIntro: Awaited<ReturnType<typeof createCouncil>>;
let vcse: Awaited<ReturnType<typeof createOrganisation>>;

async function need(councilId: string, title: string, fields: Partial<Parameters<typeof createRequest>[0]>) {
  const requestor = councilId === council.id ? vcse : await createOrganisation({ kind: "VCSE", councilId });
  return createRequest({
    councilId,
    organisationId: requestor.id,
    categoryId: (await createCategory(councilId)).id,
    title,
    ...fields,
  });
}

beforeAll(async () => {
  // named to come first on the public guidance list, whatever other tests add
  council = await createCouncil({ name: `000 S31 Case Study Council ${tag}` });
  other = await createCouncil({ name: `000 S31 Other Council ${tag}` });
  withIntro = await createCouncil({ name: `000 S31 Intro Council ${tag}` });
  vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
  const shared = await need(council.id, `Shared coats ${tag}`, {
    status: "FULFILLED",
    showcaseConsent: true,
    description: "Forty warm coats\nfor the night shelter.",
    helpType: "GOODS",
    quantity: 40,
  });
  await db.request.update({ where: { id: shared.id }, data: { unitLabel: "coats" } });
  await need(council.id, `Private coats ${tag}`, { status: "FULFILLED", showcaseConsent: false });
  await need(council.id, `Open coats ${tag}`, { status: "OPEN", showcaseConsent: true });
  await need(other.id, `Other council coats ${tag}`, { status: "FULFILLED", showcaseConsent: true });
  await need(withIntro.id, `Intro council garden ${tag}`, { status: "FULFILLED", showcaseConsent: true });
  // a council page of the ordinary kind, so the council is on the public guidance list
  await createGuidancePage({ councilId: council.id, slug: "how-it-works", title: `How it works ${tag}` });
  await createGuidancePage({ councilId: withIntro.id, slug: "how-it-works", title: `How it works ${tag}` });
  await createGuidancePage({
    councilId: withIntro.id,
    slug: "case-studies",
    title: `Stories from our borough ${tag}`,
    bodyMarkdown: "Groups in **our borough** tell what the help meant.\n\n<script>alert(1)</script>",
  });
});

describe("a council's case studies page", () => {
  it("without a page of its own, lists the council's fulfilled requests shared by their groups, and no others", async () => {
    const response = await renderPage(`/guidance/${council.id}/case-studies`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = readableMainText(html);
    expect(html).toMatch(/<h1[^>]*>Case studies<\/h1>/);
    expect(text).toContain(council.name);
    expect(text).toContain(`Shared coats ${tag}`);
    expect(text).toContain(vcse.name);
    expect(text).not.toContain(`Private coats ${tag}`);
    expect(text).not.toContain(`Open coats ${tag}`);
    expect(text).not.toContain(`Other council coats ${tag}`);
    // the lines as the requestor wrote them
    expect(html).toContain("Forty warm coats\nfor the night shelter.");
    // the type of help first: "40 coats of goods" read badly
    expect(text).toContain("Goods: 40 coats");
  });

  it("stops showing a request as soon as its group withdraws its agreement", async () => {
    const shared = await need(council.id, `Withdrawn coats ${tag}`, {
      status: "FULFILLED",
      showcaseConsent: true,
    });
    const before = readableMainText(await (await renderPage(`/guidance/${council.id}/case-studies`)).text());
    expect(before).toContain(`Withdrawn coats ${tag}`);
    await db.request.update({ where: { id: shared.id }, data: { showcaseConsent: false } });
    const after = readableMainText(await (await renderPage(`/guidance/${council.id}/case-studies`)).text());
    expect(after).not.toContain(`Withdrawn coats ${tag}`);
  });

  it("says so when the council has none yet", async () => {
    const empty = await createCouncil({ name: `000 S31 Empty Council ${tag}` });
    const response = await renderPage(`/guidance/${empty.id}/case-studies`);
    expect(response.status).toBe(200);
    expect(readableMainText(await response.text())).toContain(
      `There are no case studies from ${empty.name} yet.`,
    );
  });

  it("carries the council's own published introduction, rendered safely, under its title", async () => {
    const html = await (await renderPage(`/guidance/${withIntro.id}/case-studies`)).text();
    expect(html).toMatch(new RegExp(`<h1[^>]*>Stories from our borough ${tag}</h1>`));
    expect(html).toContain("<strong>our borough</strong>");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(readableMainText(html)).toContain(`Intro council garden ${tag}`);
  });

  it("keeps the default introduction while the council's own is a draft", async () => {
    const draftCouncil = await createCouncil({ name: `000 S31 Draft Council ${tag}` });
    await db.guidancePage.create({
      data: {
        councilId: draftCouncil.id,
        slug: "case-studies",
        title: `Unfinished intro ${tag}`,
        bodyMarkdown: "Not ready",
        published: false,
      },
    });
    const html = await (await renderPage(`/guidance/${draftCouncil.id}/case-studies`)).text();
    expect(html).toMatch(/<h1[^>]*>Case studies<\/h1>/);
    expect(html).not.toContain(`Unfinished intro ${tag}`);
    expect(html).not.toContain("Not ready");
  });

  it("shows the case studies a page at a time", async () => {
    const many = await createCouncil({ name: `000 S31 Busy Council ${tag}` });
    const requestor = await createOrganisation({ kind: "VCSE", councilId: many.id });
    const category = await createCategory(many.id);
    for (let i = 0; i <= CASE_STUDIES_PAGE_SIZE; i++)
      await createRequest({
        councilId: many.id,
        organisationId: requestor.id,
        categoryId: category.id,
        title: `Busy story ${String(i).padStart(2, "0")} ${tag}`,
        status: "FULFILLED",
        showcaseConsent: true,
      });
    const first = await (await renderPage(`/guidance/${many.id}/case-studies`)).text();
    const total = CASE_STUDIES_PAGE_SIZE + 1;
    expect(readableText(first)).toContain(`Case studies 1 to ${CASE_STUDIES_PAGE_SIZE} of ${total}`);
    expect(first).toMatch(
      new RegExp(`<a (?=[^>]*href="/guidance/${many.id}/case-studies\\?page=2")(?=[^>]*rel="next")[^>]*>`),
    );
    const second = readableMainText(
      await (await renderPage(`/guidance/${many.id}/case-studies?page=2`)).text(),
    );
    expect(second).toContain(`Case studies ${total} to ${total} of ${total}`);
    expect((second.match(/Busy story/g) ?? []).length).toBe(1);
  });

  it("is not found for an address that names no council taking part", async () => {
    expect((await renderPage(`/guidance/${vcse.id}/case-studies`)).status).toBe(404);
    expect((await renderPage(`/guidance/no-such-council/case-studies`)).status).toBe(404);
    const pending = await db.organisation.create({
      data: { kind: "COUNCIL", name: `000 S31 Pending Council ${tag}`, status: "PENDING" },
    });
    expect((await renderPage(`/guidance/${pending.id}/case-studies`)).status).toBe(404);
  });
});

describe("where the public finds it", () => {
  it("the guidance list names each council's case studies once, under the council's own title where it has one", async () => {
    const html = await (await renderPage("/guidance")).text();
    const links = (councilId: string) =>
      [...html.matchAll(new RegExp(`href="/guidance/${councilId}/case-studies"[^>]*>([^<]+)<`, "g"))].map(
        (m) => m[1],
      );
    expect(links(council.id)).toEqual(["Case studies"]);
    expect(links(withIntro.id)).toEqual([`Stories from our borough ${tag}`]);
  });

  it("the impact page links every council to its case studies", async () => {
    const html = await (await renderPage("/impact")).text();
    expect(html).toContain(`href="/guidance/${council.id}/case-studies"`);
    expect(readableMainText(html)).toContain(`Case studies from ${council.name}`);
  });

  it("a new council starts with an introduction to its case studies it can rewrite", () => {
    expect(DEFAULT_GUIDANCE.map((page) => page.slug)).toContain("case-studies");
  });
});
