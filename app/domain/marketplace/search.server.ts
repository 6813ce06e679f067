// The public marketplace list: Postgres full-text search (websearch_to_tsquery + ts_rank over the generated,
// GIN-indexed "searchVector") for the ids, then their display fields. Public fields only.
import { londonDay } from "~/domain/calendar.ts";
import { db, Prisma, readRows } from "~/db.server.ts";
import { pageCountOf, pageWindow } from "~/domain/page-number.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";
import { NAMED_COUNCIL } from "~/domain/named-councils.ts";
import { alsoForIdsColumn, leadThenOthers, requestIsForSql, requestsForCouncilApart } from "./also-for.ts";
import type { NamedFilter } from "./named-filters.ts";
// the list page's loader reads its filters through this server module (searchPage), so the page's browser code
// never imports the form schemas (and zod)
import { parseSearch, type SearchFilters } from "./schemas.ts";
import { filterProblems, type NamedProblem } from "./search-problems.ts";
import { unreadFilters } from "./search-unread.ts";

export const PAGE_SIZE = 20;
// Counting stops here: "more than 1,000 requests" is as useful as an exact figure and costs far less. The list
// stops there too (decision 014): a page past it asks for narrower filters instead of skipping 1,000+ rows.
export const COUNT_CAP = 1000;
// The text search configuration requests' search words are stored with (the "searchVector" column, see its
// migration): English, accents taken off, so "cafe" finds a "Café". A literal, as the column's own is.
export const SEARCH_CONFIGURATION = Prisma.raw(`'english_unaccent'`);

export function lastListedPage(pageSize = PAGE_SIZE) {
  return pageCountOf(COUNT_CAP, pageSize);
}

const listColumns = Prisma.sql`
  r.id, r.title, r."helpType"::text AS "helpType", r.quantity, r."pledgedQuantity", r."unitLabel", r."neededBy",
  r."isRemote", r."postcodeArea", r."publishedAt", r."categoryId", r."districtId", r."councilId",
  ${alsoForIdsColumn("r")}`;

type ListRow = {
  id: string;
  title: string;
  helpType: HelpType;
  quantity: number;
  pledgedQuantity: number;
  unitLabel: string | null;
  neededBy: Date;
  isRemote: boolean;
  postcodeArea: string | null;
  publishedAt: Date | null;
  categoryId: string;
  districtId: string | null;
  councilId: string;
  // the other councils it is for besides the lead one (decision 050)
  alsoForIds: string[];
};

// Requests taking pledges (request-lifecycle takesPledges): open, and not past their needed-by date in London,
// which the nightly expiry run closes later. `asOf` is the moment listed (a digest's, or now).
// council: "either" lists a request under its lead council or one it is also for; "apart" leaves the council to
// the two halves the capped count of a council-filtered list reads apart (decision 050, addendum).
function filterSql(
  filters: SearchFilters,
  asOf: Date,
  until?: Date,
  actionable?: ActionableBy,
  council: "either" | "apart" = "either",
) {
  const today = londonDay(asOf).toISOString().slice(0, 10);
  const parts = [
    Prisma.sql`r.status IN ('OPEN', 'PARTIALLY_PLEDGED')`,
    Prisma.sql`r."neededBy" >= ${today}::date`,
  ];
  if (filters.category) parts.push(Prisma.sql`r."categoryId" = ${filters.category}`);
  if (filters.helpType) parts.push(Prisma.sql`r."helpType" = ${filters.helpType}::"HelpType"`);
  if (filters.district) parts.push(Prisma.sql`r."districtId" = ${filters.district}`);
  if (filters.council && council === "either") parts.push(requestIsForSql("r", filters.council));
  if (filters.remote) parts.push(Prisma.sql`r."isRemote" = true`);
  if (filters.closingBefore) parts.push(Prisma.sql`r."neededBy" <= ${filters.closingBefore}::date`);
  if (filters.since) parts.push(Prisma.sql`r."publishedAt" > ${new Date(filters.since)}`);
  if (until) parts.push(Prisma.sql`r."publishedAt" <= ${until}`);
  if (actionable) {
    parts.push(Prisma.sql`r."organisationId" <> ALL(${actionable.memberOf}::text[])`);
    parts.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Pledge" p
      WHERE p."requestId" = r.id AND p."supplierOrganisationId" = ${actionable.supplierOrganisationId})`);
  }
  return Prisma.join(parts, " AND ");
}

export type SearchResult = Awaited<ReturnType<typeof searchRequests>>;

// A supplier's own view (a digest): not the requests it cannot pledge to, posted by an organisation its member
// belongs to (the supplier's own, or a VCSE they also work for), nor those it has pledged to already.
type ActionableBy = { supplierOrganisationId: string; memberOf: string[] };

// until: published at or before this moment (a digest counts exactly what it moves past)
type SearchOptions = { pageSize?: number; until?: Date; actionableBy?: ActionableBy };

// The SQL of a list page, exported so a test can check the planner can use the partial indexes with it.
// Raw SQL so the status condition is the literal the partial indexes were built on (Prisma's enum
// parameters are casts the planner cannot match to an index predicate).
export function listQueries(filters: SearchFilters, options: SearchOptions = {}) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const { skip: offset } = pageWindow(filters.page ?? 1, pageSize);
  const where = filterSql(filters, options.until ?? new Date(), options.until, options.actionableBy);
  const q = filters.q?.trim();
  if (!q) {
    const order =
      filters.sort === "closing"
        ? Prisma.sql`r."neededBy" ASC, r.id ASC`
        : Prisma.sql`r."publishedAt" DESC, r.id DESC`;
    return {
      kind: "list" as const,
      rows: Prisma.sql`
        SELECT ${listColumns} FROM "Request" r WHERE ${where} ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}`,
      count: filters.council
        ? councilCount(filters.council, filters, options)
        : Prisma.sql`
        SELECT count(*) AS total FROM (SELECT 1 FROM "Request" r WHERE ${where} LIMIT ${COUNT_CAP + 1}) capped`,
    };
  }
  const matches = Prisma.sql`FROM "Request" r, websearch_to_tsquery(${SEARCH_CONFIGURATION}, ${q}) query
    WHERE r."searchVector" @@ query AND ${where}`;
  const count = Prisma.sql`SELECT count(*) AS total FROM (SELECT 1 ${matches} LIMIT ${COUNT_CAP + 1}) capped`;
  const byDate =
    filters.sort === "closing"
      ? Prisma.sql`r."neededBy" ASC, r.id ASC`
      : filters.sort === "newest"
        ? Prisma.sql`r."publishedAt" DESC, r.id DESC`
        : undefined;
  if (!byDate) {
    // By relevance every match is read and ranked for the page, each one's rank worked out as it is read (OFFSET 0
    // keeps the planner from ranking above the subquery, from rows that carry their words). The count is apart
    // and capped, run beside it: counting every ranked match in the same pass (count(*) OVER ()) cost a third of
    // the search's time in PostgreSQL, the capped count a quarter of that (decision 046, addendum).
    return {
      kind: "ranked" as const,
      search: Prisma.sql`SELECT m.id
        FROM (SELECT r.id, r."publishedAt", ts_rank(r."searchVector", query) AS rank ${matches} OFFSET 0) m
        ORDER BY m.rank DESC, m."publishedAt" DESC, m.id DESC LIMIT ${pageSize} OFFSET ${offset}`,
      count,
    };
  }
  // count: only needed when a page past the end is asked for (the search came back with no rows)
  // By date every match is read, counted and sorted. Reading an early page in date order from a list index,
  // checking each request against the words and stopping at the page, was tried (decision 046): it saved a few
  // milliseconds for one common word but walked the whole index, 100-140 ms instead of 0.5, for two common words
  // that are never in the same request, which the planner cannot foresee.
  const search = Prisma.sql`SELECT r.id, count(*) OVER () AS total ${matches}
    ORDER BY ${byDate} LIMIT ${pageSize} OFFSET ${offset}`;
  return { kind: "search" as const, search, count };
}

// The capped count of a council-filtered list, in two halves each read from its own index: the requests led by
// the council, then those it is only also for. With the OR of the list's where-clause the count walked the whole
// open-requests index when the council came late in it (decision 050, addendum).
function councilCount(council: string, filters: SearchFilters, options: SearchOptions) {
  const where = filterSql(filters, options.until ?? new Date(), options.until, options.actionableBy, "apart");
  const { led, onlyAlsoFor } = requestsForCouncilApart("r", council);
  return Prisma.sql`SELECT count(*) AS total FROM (
    (SELECT 1 ${led} AND ${where} LIMIT ${COUNT_CAP + 1})
    UNION ALL
    (SELECT 1 ${onlyAlsoFor} AND ${where} LIMIT ${COUNT_CAP + 1})
    LIMIT ${COUNT_CAP + 1}) capped`;
}

// The best plan for a list depends on its filters' values, its page and its search words: planned each time
// rather than as a prepared statement's generic plan (decision 013).
const planEachTime = { prepare: false };

export async function searchRequests(filters: SearchFilters, options: SearchOptions = {}) {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const page = filters.page ?? 1;
  const queries = listQueries(filters, options);
  // past the last listed page only the count is needed: the page says how many match and how to narrow them
  const unlisted = page > lastListedPage(pageSize);
  if (queries.kind === "list") {
    const [requests, counted] = await Promise.all([
      unlisted ? [] : readRows<ListRow[]>(queries.rows, planEachTime),
      readRows<{ total: bigint }[]>(queries.count, planEachTime),
    ]);
    return paged(await withNames(requests), Number(counted[0].total), page, pageSize);
  }
  let rows: { id: string; total?: bigint }[];
  let total: number;
  if (queries.kind === "ranked") {
    const [ranked, counted] = await Promise.all([
      unlisted ? [] : readRows<{ id: string }[]>(queries.search, planEachTime),
      readRows<{ total: bigint }[]>(queries.count, planEachTime),
    ]);
    rows = ranked;
    total = Number(counted[0].total);
  } else {
    rows = unlisted ? [] : await readRows<{ id: string; total: bigint }[]>(queries.search, planEachTime);
    total = rows.length
      ? Number(rows[0].total)
      : page > 1
        ? Number((await readRows<{ total: bigint }[]>(queries.count, planEachTime))[0].total)
        : 0;
  }
  const found = rows.length
    ? await readRows<ListRow[]>(Prisma.sql`
        SELECT ${listColumns} FROM "Request" r WHERE r.id = ANY(${rows.map((r) => r.id)}::text[])`)
    : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const requests = rows.map((r) => byId.get(r.id)).filter((r) => r !== undefined);
  return paged(await withNames(requests), total, page, pageSize);
}

function paged<T>(requests: T[], total: number, page: number, pageSize: number) {
  const capped = total > COUNT_CAP;
  const shown = Math.min(total, COUNT_CAP);
  const pageCount = pageCountOf(shown, pageSize);
  // pastEnd: a page number beyond the last page (by hand, or from a link made before requests closed)
  return { requests, total: shown, capped, page, pageCount, pastEnd: page > pageCount };
}

// Councils, categories and districts change rarely: each instance keeps them for half a minute, so a list
// page costs two queries (its rows and its count), and names come from here instead of three joins.
const OPTIONS_TTL_MS = 30_000;
let optionsCache: { at: number; value: Promise<Awaited<ReturnType<typeof loadOptions>>> } | undefined;

// The councils listed are those a request's pages name: a card names the others a request is also for from here.
function loadOptions() {
  return db.organisation.findMany({
    where: NAMED_COUNCIL,
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

type Council = Awaited<ReturnType<typeof loadOptions>>[number];
type Entry = { id: string; name: string; active: boolean };
// Where a category or district filter's id is looked up: the lists of a council.
const LISTS: Record<Exclude<NamedFilter, "council">, (c: Council) => Entry[]> = {
  category: (c) => c.categories,
  district: (c) => c.districts,
};

// The filter choices on the list page: councils with their active categories and districts. A retired one is
// offered only while a filter (a shared link, a saved search's) names it, marked retired: the form then shows
// the filter the results are filtered by, rather than "any category" or "any district".
export async function searchOptions(selected: Pick<SearchFilters, "category" | "district"> = {}) {
  const councils = await cachedOptions();
  const offered = (entries: Entry[], id: string | undefined) =>
    entries
      .filter((x) => x.active || x.id === id)
      .map(({ id, name, active }) => ({ id, name, retired: !active }));
  return councils.map((c) => ({
    id: c.id,
    name: c.name,
    categories: offered(c.categories, selected.category),
    districts: offered(c.districts, selected.district),
  }));
}

// The named filters that name nothing on the lists: a council that is not (or no longer) listed, a category or
// district deleted since, or one of another council than the one chosen. Retired entries still exist.
function unknownFilters(councils: Council[], asked: SearchFilters): NamedFilter[] {
  const council = councils.find((c) => c.id === asked.council);
  const unknown: NamedFilter[] = asked.council && !council ? ["council"] : [];
  const shown = council ? [council] : councils;
  for (const key of ["category", "district"] as const) {
    const id = asked[key];
    if (id && !shown.some((c) => LISTS[key](c).some((x) => x.id === id))) unknown.push(key);
  }
  return unknown;
}

// The filters a list is filtered by: those naming nothing on the lists are left out, and said so (notFound);
// otherwise the list would be empty while the form shows "Any …". The lists are read again first, in case an
// entry was added since this instance kept them (reread: false when a caller has just read them, as a job does).
export async function applicableFilters(asked: SearchFilters, { reread = true } = {}) {
  let councils = await cachedOptions();
  if (reread && unknownFilters(councils, asked).length > 0) {
    forgetSearchOptions();
    councils = await cachedOptions();
  }
  const notFound = unknownFilters(councils, asked);
  const filters = { ...asked };
  for (const key of notFound) delete filters[key];
  return { filters, notFound };
}

// The names of the council, category and district a set of filters names, as the lists call them now (a retired
// entry by its name, marked retired), for saying in words what a saved search matches. One naming nothing is left
// out: applicableFilters says which.
export async function namesOfFilters(filters: Pick<SearchFilters, NamedFilter>) {
  const councils = await cachedOptions();
  const council = councils.find((c) => c.id === filters.council);
  const shown = council ? [council] : councils;
  const entry = (key: Exclude<NamedFilter, "council">) => {
    const found = shown.flatMap((c) => LISTS[key](c)).find((x) => x.id === filters[key]);
    return found ? { name: found.name, retired: !found.active } : undefined;
  };
  return {
    council: council?.name,
    category: filters.category ? entry("category") : undefined,
    district: filters.district ? entry("district") : undefined,
  };
}

// Why each named filter left out was: a category or district of another council than the one chosen is named, with
// that council, so the person knows what to change; anything else names nothing on the lists.
async function namedProblems(asked: SearchFilters, notFound: NamedFilter[]): Promise<NamedProblem[]> {
  const councils = await cachedOptions();
  const chosen = councils.find((c) => c.id === asked.council);
  return notFound.map((name) => {
    if (name === "council" || !chosen) return { name, kind: "notFound" };
    const entry = councils.flatMap((c) => LISTS[name](c)).find((x) => x.id === asked[name]);
    return entry
      ? { name, kind: "otherCouncil", entry: entry.name, council: chosen.name }
      : { name, kind: "notFound" };
  });
}

// With no council chosen, a category of one council and a district of another: a request's category and district
// are both its own council's, so none is in both and the list would be empty with nothing said. The district, the
// later of the two in the form, is left out as one of another council than the one chosen is, and said with both
// councils named.
async function districtApartFromCategory(filters: SearchFilters): Promise<NamedProblem | undefined> {
  if (filters.council || !filters.category || !filters.district) return undefined;
  const councils = await cachedOptions();
  const ownerOf = (key: Exclude<NamedFilter, "council">, id: string) => {
    for (const council of councils) {
      const entry = LISTS[key](council).find((x) => x.id === id);
      if (entry) return { council, entry };
    }
    return undefined;
  };
  const category = ownerOf("category", filters.category);
  const district = ownerOf("district", filters.district);
  if (!category || !district || category.council.id === district.council.id) return undefined;
  return {
    name: "district",
    kind: "otherCouncilThanCategory",
    id: district.entry.id,
    entry: district.entry.name,
    council: district.council.name,
    category: category.entry.name,
    categoryCouncil: category.council.name,
  };
}

// The list page from its query string: the filter choices, and the requests, by the filters that apply. Those
// left out are said: notFound (a council, category or district that names nothing, or that no request can be in
// with the others), unread (other values that are not a filter the list has, such as a type of help spelled wrongly
// or a date that is not a real date), and problems: each in words, for its field and the error summary.
export async function searchPage(sent: URLSearchParams) {
  const asked = parseSearch(sent);
  const unread = unreadFilters(sent, asked);
  const { filters: applicable, notFound } = await applicableFilters(asked);
  const apart = await districtApartFromCategory(applicable);
  const filters = { ...applicable };
  if (apart) delete filters.district;
  const named = [
    ...unread.named.map((name) => ({ name, kind: "notFound" as const })),
    ...(await namedProblems(asked, notFound)),
    ...(apart ? [apart] : []),
  ];
  // the district left out is still offered (a retired one too), as the form still shows it chosen
  const [found, councils] = await Promise.all([searchRequests(filters), searchOptions(applicable)]);
  const problems = filterProblems({ named, unread: unread.others, page: sent.get("page")?.trim() ?? "" });
  return {
    ...found,
    filters,
    councils,
    notFound: named.map((p) => p.name),
    unread: unread.others,
    // `errors` at the top, as the filter pages answer: the page's title says "Error: " (page-meta.tsx)
    ...problems,
  };
}

async function withNames<
  T extends { categoryId: string; districtId: string | null; councilId: string; alsoForIds: string[] },
>(rows: T[]) {
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
  return rows.map(({ categoryId, districtId, councilId, alsoForIds, ...rest }) => {
    const council = { name: names.get(councilId) ?? "" };
    return {
      ...rest,
      category: { name: names.get(categoryId) ?? "" },
      district: districtId ? { name: names.get(districtId) ?? "" } : null,
      council,
      // the lead council, then the others it is also for as the lists name them (one not listed is left out)
      councilNames: leadThenOthers(
        council.name,
        alsoForIds.flatMap((id) => names.get(id) ?? []),
      ),
    };
  });
}
