// A searched list is read three ways since session 42 (decision 046): by relevance, each match ranked as it is
// read and counted in the same pass; by date, its first pages read in date order and counted apart up to the
// cap; by date past those pages, every match sorted. Whichever way, a page must list the requests, and the count
// say the number, that the plain statement of the order gives: rank, then newest, then id; or the date, then
// id. The requests here share ranks, publication moments and closing dates, so every tie-break is exercised, and
// more of them match than the list counts.
import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "~/db.server.ts";
import {
  COUNT_CAP,
  PAGE_SIZE,
  SEARCH_CONFIGURATION,
  searchRequests,
} from "~/domain/marketplace/search.server.ts";
import { createCategory, createCouncil, createOrganisation, unique } from "../helpers/factories.ts";

const MATCHING = 1030;
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);
let council: { id: string };
let matched: string[];

beforeAll(async () => {
  council = await createCouncil({ name: unique("Otter council") });
  const category = await createCategory(council.id);
  const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
  const base = {
    councilId: council.id,
    organisationId: vcse.id,
    categoryId: category.id,
    helpType: "VOLUNTEERING" as const,
    quantity: 5,
  };
  const start = Date.now();
  // the word in the title, the description, both (twice) or only who benefits: four ranks. Three requests share
  // each publication moment and 17 closing dates go round, so ties are broken by id. One in 23 says "heron" too.
  const words = [
    (i: number) => ({ title: `Otter survey ${i}`, description: "Count the riverbank.", beneficiaries: null }),
    (i: number) => ({
      title: `River help ${i}`,
      description: "Otter holts need clearing.",
      beneficiaries: null,
    }),
    (i: number) => ({
      title: `Otter otter watch ${i}`,
      description: "An otter family lives here.",
      beneficiaries: null,
    }),
    (i: number) => ({
      title: `Bank repairs ${i}`,
      description: "Mend the bank.",
      beneficiaries: "Otter club",
    }),
  ];
  await db.request.createMany({
    data: Array.from({ length: MATCHING }, (_, i) => {
      const text = words[i % 4](i);
      return {
        ...base,
        ...text,
        description: i % 23 === 0 ? `${text.description} A heron nests nearby.` : text.description,
        status: i % 10 === 9 ? ("PARTIALLY_PLEDGED" as const) : ("OPEN" as const),
        pledgedQuantity: i % 10 === 9 ? 1 : 0,
        neededBy: daysFromNow(2 + (i % 17)),
        publishedAt: new Date(start - Math.floor(i / 3) * 60_000),
      };
    }),
  });
  // matching words, but not listed: closed, or past the date they were needed by
  await db.request.createMany({
    data: Array.from({ length: 6 }, (_, i) => ({
      ...base,
      title: `Otter heron ${i} not listed`,
      description: "Otter and heron.",
      status: i < 3 ? ("FULFILLED" as const) : ("OPEN" as const),
      neededBy: daysFromNow(i < 3 ? 10 : -10),
      publishedAt: new Date(start),
    })),
  });
  matched = (
    await db.request.findMany({
      where: {
        councilId: council.id,
        status: { in: ["OPEN", "PARTIALLY_PLEDGED"] },
        neededBy: { gt: new Date() },
      },
      select: { id: true },
    })
  ).map((r) => r.id);
});

const ORDERS = {
  relevance: Prisma.sql`ts_rank(r."searchVector", websearch_to_tsquery(${SEARCH_CONFIGURATION}, q.words)) DESC,
    r."publishedAt" DESC, r.id DESC`,
  newest: Prisma.sql`r."publishedAt" DESC, r.id DESC`,
  closing: Prisma.sql`r."neededBy" ASC, r.id ASC`,
};
type Sort = keyof typeof ORDERS;

// every listed match in the order the page promises, in one plain statement
async function inOrder(words: string, sort: Sort) {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM "Request" r, (SELECT ${words}::text AS words) q
    WHERE r.id = ANY(${matched}::text[]) AND r."searchVector" @@ websearch_to_tsquery(${SEARCH_CONFIGURATION}, q.words)
    ORDER BY ${ORDERS[sort]}`;
  return rows.map((r) => r.id);
}

describe("a searched list, by relevance, newest or closing date", () => {
  const searches: [string, number][] = [
    ["otter", MATCHING],
    ["heron", 45],
    ["otter heron", 45],
    ["heron or survey", 45 + 258 - 12],
  ];
  const sorts: Sort[] = ["relevance", "newest", "closing"];
  const cases = searches.flatMap(([words, count]) => sorts.map((sort) => [words, sort, count] as const));

  it.each(cases)("“%s” by %s lists each page as the whole order does", async (words, sort, count) => {
    const all = await inOrder(words, sort);
    expect(all).toHaveLength(count);
    const shown = Math.min(count, COUNT_CAP);
    const pageCount = Math.ceil(shown / PAGE_SIZE);
    // the first pages, the deeper pages sorted whole, the last page and the page past it
    for (const page of [1, 2, 5, 6, 7, pageCount, pageCount + 1]) {
      const result = await searchRequests({ q: words, council: council.id, sort, page });
      const from = (page - 1) * PAGE_SIZE;
      expect(result.requests.map((r) => r.id)).toEqual(
        page > pageCount ? [] : all.slice(from, from + PAGE_SIZE),
      );
      expect(result).toMatchObject({ total: shown, capped: count > COUNT_CAP, pageCount });
    }
  });

  it("lists first the requests with the word most often in their titles", async () => {
    const { requests } = await searchRequests({ q: "otter", council: council.id });
    expect(requests.map((r) => r.title.replace(/ \d+$/, ""))).toEqual(
      Array(PAGE_SIZE).fill("Otter otter watch"),
    );
  });
});
