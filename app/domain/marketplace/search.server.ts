// The public marketplace list: Postgres full-text search (websearch_to_tsquery + ts_rank over the generated,
// GIN-indexed "searchVector") for the ids, then the display fields through Prisma. Public fields only.
import { db, Prisma, readRows } from "~/db.server.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";
import type { SearchFilters } from "./schemas.ts";

export const PAGE_SIZE = 20;
// Counting stops here: "more than 1,000 requests" is as useful as an exact figure and costs far less.
export const COUNT_CAP = 1000;

const listSelect = {
  id: true,
  title: true,
  helpType: true,
  quantity: true,
  pledgedQuantity: true,
  unitLabel: true,
  neededBy: true,
  isRemote: true,
  publishedAt: true,
  categoryId: true,
  districtId: true,
  councilId: true,
} as const;

type ListRow = {
  id: string;
  title: string;
  helpType: HelpType;
  quantity: number;
  pledgedQuantity: number;
  unitLabel: string | null;
  neededBy: Date;
  isRemote: boolean;
  publishedAt: Date | null;
  categoryId: string;
  districtId: string | null;
  councilId: string;
};

function filterSql(filters: SearchFilters, since?: Date) {
  const parts = [Prisma.sql`r.status IN ('OPEN', 'PARTIALLY_PLEDGED')`];
  if (filters.category) parts.push(Prisma.sql`r."categoryId" = ${filters.category}`);
  if (filters.helpType) parts.push(Prisma.sql`r."helpType" = ${filters.helpType}::"HelpType"`);
  if (filters.district) parts.push(Prisma.sql`r."districtId" = ${filters.district}`);
  if (filters.council) parts.push(Prisma.sql`r."councilId" = ${filters.council}`);
  if (filters.remote) parts.push(Prisma.sql`r."isRemote" = true`);
  if (filters.closingBefore) parts.push(Prisma.sql`r."neededBy" <= ${filters.closingBefore}::date`);
  if (since) parts.push(Prisma.sql`r."publishedAt" > ${since}`);
  return Prisma.join(parts, " AND ");
}

export type SearchResult = Awaited<ReturnType<typeof searchRequests>>;

export async function searchRequests(
  filters: SearchFilters,
  options: { pageSize?: number; since?: Date } = {},
) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const page = filters.page ?? 1;
  const offset = (page - 1) * pageSize;
  const q = filters.q?.trim();
  if (!q) {
    // Raw SQL so the status condition is the literal the partial indexes were built on (Prisma's enum
    // parameters are casts the planner cannot match to an index predicate).
    const order =
      filters.sort === "closing"
        ? Prisma.sql`r."neededBy" ASC, r.id ASC`
        : Prisma.sql`r."publishedAt" DESC, r.id DESC`;
    const where = filterSql(filters, options.since);
    const [requests, counted] = await Promise.all([
      readRows<ListRow[]>(Prisma.sql`
        SELECT r.id, r.title, r."helpType", r.quantity, r."pledgedQuantity", r."unitLabel", r."neededBy",
               r."isRemote", r."publishedAt", r."categoryId", r."districtId", r."councilId"
        FROM "Request" r WHERE ${where} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}`),
      readRows<{ total: bigint }[]>(Prisma.sql`
        SELECT count(*) AS total FROM (SELECT 1 FROM "Request" r WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`),
    ]);
    return paged(await withNames(requests), Number(counted[0].total), page, pageSize);
  }
  const order =
    filters.sort === "closing"
      ? Prisma.sql`r."neededBy" ASC, r.id ASC`
      : filters.sort === "newest"
        ? Prisma.sql`r."publishedAt" DESC, r.id DESC`
        : Prisma.sql`ts_rank(r."searchVector", query) DESC, r."publishedAt" DESC, r.id DESC`;
  const rows = await readRows<{ id: string; total: bigint }[]>(Prisma.sql`
    SELECT r.id, count(*) OVER () AS total
    FROM "Request" r, websearch_to_tsquery('english', ${q}) query
    WHERE r."searchVector" @@ query AND ${filterSql(filters, options.since)}
    ORDER BY ${order}
    LIMIT ${pageSize} OFFSET ${offset}`);
  const total = rows.length ? Number(rows[0].total) : await countMatches(q, filters, options.since, offset);
  const found = rows.length
    ? await db.request.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: listSelect })
    : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const requests = rows.map((r) => byId.get(r.id)).filter((r) => r !== undefined);
  return paged(await withNames(requests), total, page, pageSize);
}

function paged<T>(requests: T[], total: number, page: number, pageSize: number) {
  const capped = total > COUNT_CAP;
  const shown = Math.min(total, COUNT_CAP);
  return { requests, total: shown, capped, page, pageCount: Math.max(1, Math.ceil(shown / pageSize)) };
}

// Only needed when a page past the end is asked for: the window count came back with no rows.
async function countMatches(q: string, filters: SearchFilters, since: Date | undefined, offset: number) {
  if (offset === 0) return 0;
  const [row] = await readRows<{ total: bigint }[]>(Prisma.sql`
    SELECT count(*) AS total FROM "Request" r, websearch_to_tsquery('english', ${q}) query
    WHERE r."searchVector" @@ query AND ${filterSql(filters, since)}`);
  return Number(row.total);
}

// Councils, categories and districts change rarely: each instance keeps them for half a minute, so a list
// page costs two queries (its rows and its count), and names come from here instead of three joins.
const OPTIONS_TTL_MS = 30_000;
let optionsCache: { at: number; value: Promise<Awaited<ReturnType<typeof loadOptions>>> } | undefined;

function loadOptions() {
  return db.organisation.findMany({
    where: { kind: "COUNCIL", status: "VERIFIED" },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      categories: {
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: { id: true, name: true, active: true },
      },
      districts: { orderBy: { name: "asc" }, select: { id: true, name: true, active: true } },
    },
  });
}

function cachedOptions() {
  if (!optionsCache || Date.now() - optionsCache.at > OPTIONS_TTL_MS) {
    const value = loadOptions();
    optionsCache = { at: Date.now(), value };
    value.catch(() => (optionsCache = undefined));
  }
  return optionsCache.value;
}

// Called after an officer edits the lists, so this instance shows the change at once.
export function forgetSearchOptions() {
  optionsCache = undefined;
}

// The filter choices on the list page: councils with their active categories and districts.
export async function searchOptions() {
  const councils = await cachedOptions();
  return councils.map((c) => ({
    id: c.id,
    name: c.name,
    categories: c.categories.filter((x) => x.active).map(({ id, name }) => ({ id, name })),
    districts: c.districts.filter((x) => x.active).map(({ id, name }) => ({ id, name })),
  }));
}

async function withNames<T extends { categoryId: string; districtId: string | null; councilId: string }>(
  rows: T[],
) {
  let councils = await cachedOptions();
  const known = (r: T) =>
    councils.some((c) => c.id === r.councilId && c.categories.some((x) => x.id === r.categoryId));
  if (!rows.every(known)) {
    forgetSearchOptions();
    councils = await cachedOptions();
  }
  const names = new Map<string, string>();
  for (const c of councils) {
    names.set(c.id, c.name);
    for (const x of [...c.categories, ...c.districts]) names.set(x.id, x.name);
  }
  return rows.map(({ categoryId, districtId, councilId, ...rest }) => ({
    ...rest,
    category: { name: names.get(categoryId) ?? "" },
    district: districtId ? { name: names.get(districtId) ?? "" } : null,
    council: { name: names.get(councilId) ?? "" },
  }));
}
