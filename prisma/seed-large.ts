// `npm run seed:large`: adds 100,000 requests for load tests, with set-based SQL (one INSERT … SELECT over
// generate_series per batch), on top of the demo data. Safe to run twice: it only tops up to the target.
// Without DATABASE_URL it uses the portal's embedded PostgreSQL (stop `npm start` first).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { db, Prisma } from "~/db.server.ts";
import { seedDemoDataOnce } from "./seed.ts";

const SUBJECTS = [
  [
    "Laptops for the homework club",
    "Refurbished laptops so pupils without a computer can do homework and apply for jobs.",
  ],
  [
    "Volunteers for the community garden",
    "Clearing beds and building raised planters so older residents can garden.",
  ],
  [
    "Mock interviews for job seekers",
    "Professionals to run mock interviews and CV feedback at the employment hub.",
  ],
  ["Funding for a winter warm space", "Heating and running costs so the hall can open as a warm space."],
  ["Work placements for young carers", "Two-week placements in construction, digital or admin roles."],
  ["Food bank shelving and storage", "Sturdy shelving units and crates for the food bank warehouse."],
  ["Digital skills sessions for older people", "Help with video calls, online banking and NHS apps."],
  [
    "Tree planting on the estate green",
    "Volunteers to plant native trees with residents and the primary school.",
  ],
  ["Legal advice on our lease", "A solicitor's review of the lease for the new community hub."],
  ["Decorating the youth centre", "Painting and light repairs in the hall and kitchen."],
  ["Minibus running costs", "Fuel and insurance for day trips that reduce isolation."],
  ["Business plan for a social enterprise café", "Advice on a business plan and cash-flow forecast."],
];
const PLACES = [
  "Guildford",
  "Reigate",
  "Woking",
  "Kingston",
  "Brighton",
  "Lewes",
  "Tunbridge Wells",
  "Epsom",
];
const HELP = ["VOLUNTEERING", "GOODS", "EXPERTISE", "FUNDING", "WORK_PLACEMENT"];
const BATCH = 25_000;
// One independent, repeatable pseudo-random number per attribute of a request (0 to a million). Real
// requests' council, type of help, closing date and status do not move in step: a seed where they did (say
// every tenth request a "goods" one closing on the same day) makes some filters look far slower or faster
// than they are.
const DRAWS = Prisma.raw(
  ["combo", "subject", "place", "help", "remote", "day", "created", "published", "quantity", "status"]
    .map((name, i) => `(abs(hashint4extended(g, ${i + 1})) % 1000003)::int AS ${name}`)
    .join(", "),
);

export async function seedLargeMarketplace(target = 100_000) {
  await seedDemoDataOnce();
  const existing = await db.request.count({ where: { id: { startsWith: "bulk" } } });
  if (existing >= target) return { added: 0, total: existing };
  const councils = await db.organisation.findMany({
    where: { kind: "COUNCIL" },
    select: {
      id: true,
      categories: { select: { id: true } },
      districts: { select: { id: true } },
      organisations: { where: { kind: "VCSE" }, select: { id: true } },
    },
  });
  const usable = councils.filter((c) => c.categories.length && c.districts.length && c.organisations.length);
  if (!usable.length)
    throw new Error("seed the demo data first: no council has categories, districts and VCSEs");
  // one row per (council, category, district, VCSE) combination to pick from by number
  const combos = usable.flatMap((c) =>
    c.categories.flatMap((cat, i) => {
      const district = c.districts[i % c.districts.length].id;
      const vcse = c.organisations[i % c.organisations.length].id;
      return [[c.id, cat.id, district, vcse]];
    }),
  );
  const col = (i: number) => combos.map((row) => row[i]);
  let added = 0;
  for (let start = existing + 1; start <= target; start += BATCH) {
    const end = Math.min(target, start + BATCH - 1);
    added += await db.$executeRaw`
      INSERT INTO "Request" (id, "councilId", "organisationId", "categoryId", "districtId", title, description,
        "helpType", quantity, "pledgedQuantity", "isRemote", "neededBy", beneficiaries, status,
        "submittedAt", "publishedAt", "createdAt", "updatedAt")
      SELECT 'bulk' || lpad(g::text, 7, '0'),
        (${col(0)}::text[])[1 + h.combo % ${combos.length}],
        (${col(3)}::text[])[1 + h.combo % ${combos.length}],
        (${col(1)}::text[])[1 + h.combo % ${combos.length}],
        CASE WHEN h.remote % 5 = 4 THEN NULL ELSE (${col(2)}::text[])[1 + h.combo % ${combos.length}] END,
        (${SUBJECTS.map((s) => s[0])}::text[])[1 + h.subject % ${SUBJECTS.length}] || ' in ' ||
          (${PLACES}::text[])[1 + h.place % ${PLACES.length}] || ' (' || g || ')',
        (${SUBJECTS.map((s) => s[1])}::text[])[1 + h.subject % ${SUBJECTS.length}],
        ((${HELP}::text[])[1 + h.help % ${HELP.length}])::"HelpType",
        q.quantity,
        CASE WHEN s.status = 'PARTIALLY_PLEDGED' THEN q.quantity / 2
             WHEN s.status IN ('FULLY_PLEDGED', 'FULFILLED') THEN q.quantity ELSE 0 END,
        h.remote % 5 = 4,
        (CURRENT_DATE + ((h.day % 180) - CASE WHEN s.status = 'EXPIRED' THEN 200 ELSE -1 END))::date,
        'Local residents',
        s.status::"RequestStatus",
        now() - (h.created % 365) * interval '1 hour',
        CASE WHEN s.status = 'DRAFT' THEN NULL ELSE now() - (h.published % 8760) * interval '1 hour' END,
        now(), now()
      FROM generate_series(${start}::int, ${end}::int) g
      CROSS JOIN LATERAL (SELECT ${DRAWS}) h
      CROSS JOIN LATERAL (SELECT 2 + h.quantity % 60 AS quantity) q
      CROSS JOIN LATERAL (SELECT CASE
        WHEN h.status % 20 < 14 THEN 'OPEN' WHEN h.status % 20 < 16 THEN 'PARTIALLY_PLEDGED'
        WHEN h.status % 20 = 16 THEN 'FULLY_PLEDGED' WHEN h.status % 20 = 17 THEN 'FULFILLED'
        WHEN h.status % 20 = 18 THEN 'DRAFT' ELSE 'EXPIRED' END AS status) s`;
  }
  // VACUUM too: the list's counts are index-only scans, which need the visibility map written
  await db.$executeRawUnsafe(`VACUUM ANALYZE "Request"`);
  return { added, total: existing + added };
}

async function main() {
  let stop: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL) {
    const { startEmbeddedPostgres, ensureDatabase } = await import("~/server/embedded-postgres.ts");
    const { migrateDeploy } = await import("~/server/migrate.ts");
    const server = await startEmbeddedPostgres({
      dataDir: path.resolve(process.env.DATA_DIR ?? ".data", "postgres"),
    });
    await ensureDatabase(server.urlFor("postgres"), "social_value");
    process.env.DATABASE_URL = server.urlFor("social_value");
    await migrateDeploy(process.env.DATABASE_URL);
    stop = () => server.stop();
  }
  const started = Date.now();
  const result = await seedLargeMarketplace(Number(process.env.SEED_LARGE_COUNT ?? 100_000));
  console.log(
    `Added ${result.added} requests (${result.total} bulk requests in all) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  await db.$disconnect();
  await stop?.();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
