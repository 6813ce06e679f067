// The public impact page and its open data: confirmed social value only (confirmed pledges), no personal
// data, and case studies only where the requestor agreed to be showcased.
import { db, Prisma, readRows } from "~/db.server.ts";
import { HELP_TYPES, helpTypeOrder } from "~/domain/marketplace/help-types.ts";
import { NAMED_COUNCIL } from "~/domain/named-councils.ts";
import { cached } from "./dashboard-cache.server.ts";
import type { HelpType } from "~/generated/prisma/enums.ts";
import type { ImpactRow } from "./impact-fields.ts";

export { OPEN_DATA_FIELDS, OPEN_DATA_HEADERS, type ImpactRow } from "./impact-fields.ts";

export const NO_DISTRICT = "Remote or not given";

const unitOf = (helpType: HelpType) => HELP_TYPES.find((h) => h.value === helpType)?.unit ?? "";

// One grouped query: a few hundred rows at most, however many pledges there are.
export async function confirmedImpact(councilId?: string): Promise<ImpactRow[]> {
  const rows = await readRows<
    {
      councilId: string;
      council: string;
      category: string;
      district: string | null;
      helpType: HelpType;
      pledges: bigint;
      quantity: bigint;
    }[]
  >(Prisma.sql`
    select r."councilId", c.name as council, cat.name as category, d.name as district, r."helpType",
           count(*) as pledges, sum(coalesce(p."deliveredQuantity", p.quantity)) as quantity
    from "Pledge" p
    join "Request" r on r.id = p."requestId"
    join "Organisation" c on c.id = r."councilId"
    join "Category" cat on cat.id = r."categoryId"
    left join "District" d on d.id = r."districtId"
    where p.status = 'CONFIRMED' and (${councilId ?? null}::text is null or r."councilId" = ${councilId ?? null})
    group by r."councilId", c.name, cat.name, d.name, r."helpType"
    order by c.name, cat.name, d.name nulls last, r."helpType"`);
  return rows.map((r) => ({
    councilId: r.councilId,
    council: r.council,
    category: r.category,
    district: r.district ?? NO_DISTRICT,
    helpType: r.helpType,
    unit: unitOf(r.helpType),
    confirmedPledges: Number(r.pledges),
    quantity: Number(r.quantity),
  }));
}

// The public figures with the moment they were worked out (the open data's generatedAt), shared as dashboards
// are (never more than two cache lifetimes old).
export function recentFigures<T>(
  key: string,
  compute: () => Promise<T>,
): Promise<{ value: T; computedAt: Date }> {
  return cached(key, async () => ({ value: await compute(), computedAt: new Date() }));
}

export const impactOpenData = () => recentFigures("impact-open-data", confirmedImpact);

// Every council the marketplace lists (as the public list's council filter does), so that one with no help
// confirmed yet is named as such on the page rather than left out as if it were not taking part.
export const impactCouncils = () =>
  recentFigures("impact-councils", () =>
    db.organisation.findMany({
      where: NAMED_COUNCIL,
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  );

type Total = { label: string; helpType: HelpType; quantity: number; pledges: number };

// In the order of their labels (the rows come in category order, which left the districts jumbled), each
// label's help types in the order they are listed everywhere, and `last` (no district) at the end.
function totalsBy(rows: ImpactRow[], key: (row: ImpactRow) => string, last?: string): Total[] {
  const map = new Map<string, Total>();
  for (const row of rows) {
    const label = key(row);
    const id = `${label}|${row.helpType}`;
    const total = map.get(id) ?? { label, helpType: row.helpType, quantity: 0, pledges: 0 };
    total.quantity += row.quantity;
    total.pledges += row.confirmedPledges;
    map.set(id, total);
  }
  return Array.from(map.values()).sort(
    (a, b) =>
      Number(a.label === last) - Number(b.label === last) ||
      a.label.localeCompare(b.label, "en-GB") ||
      helpTypeOrder(a.helpType) - helpTypeOrder(b.helpType),
  );
}

export function summariseImpact(rows: ImpactRow[]) {
  const councils = new Map<string, { id: string; name: string; rows: ImpactRow[] }>();
  for (const row of rows) {
    const council = councils.get(row.councilId) ?? { id: row.councilId, name: row.council, rows: [] };
    council.rows.push(row);
    councils.set(row.councilId, council);
  }
  return Array.from(councils.values()).map((council) => ({
    id: council.id,
    name: council.name,
    byHelpType: HELP_TYPES.map((h) => ({
      helpType: h.value,
      label: h.label,
      unit: h.unit,
      quantity: council.rows.filter((r) => r.helpType === h.value).reduce((s, r) => s + r.quantity, 0),
      pledges: council.rows.filter((r) => r.helpType === h.value).reduce((s, r) => s + r.confirmedPledges, 0),
    })).filter((h) => h.pledges > 0),
    byCategory: totalsBy(council.rows, (r) => r.category),
    byDistrict: totalsBy(council.rows, (r) => r.district, NO_DISTRICT),
  }));
}

// Of the case studies shown, those whose requestor still agrees: the page's figures are shared for a minute
// (and served stale while they are worked out again), but consent withdrawn must hold from the next view.
export async function stillShowcased(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await readRows<{ id: string }[]>(Prisma.sql`
    select id from "Request"
    where id = any(${ids}::text[]) and status = 'FULFILLED' and "showcaseConsent"`);
  return new Set(rows.map((r) => r.id));
}
