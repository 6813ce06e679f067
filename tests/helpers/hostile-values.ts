// What the hostile-input tests throw at the app, the snapshot they compare to show a refusal wrote nothing, and the
// pages they need to know more about than the permissions table says. Shared by hostile-input.test.ts (random
// forms) and hostile-valid-forms.test.ts (one field of a valid form).
import fc from "fast-check";
import { db, Prisma, readRows } from "~/db.server.ts";
import { TOPICS } from "~/domain/survey/questions.ts";
import { ROUTE_PERMISSIONS } from "../authorization/permissions-table.ts";
import type { MatrixWorld, Role } from "../authorization/world.ts";
import { createSurveyResponse, sessionCookieFor } from "./factories.ts";
import { routeManifest } from "./route-manifest.ts";

export const KNOWN_BAD = [
  "",
  " ",
  "\u0000",
  "null\u0000byte",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  '\'; DROP TABLE "Request"; --',
  "1 OR 1=1",
  "\u202Egnp.exe",
  "مرحبا بالعالم",
  "𝕳𝖊𝖑𝖑𝖔 👩🏽‍💻",
  "-1",
  "0",
  "-0.5",
  "1.5",
  "0.001",
  "1e309",
  "99999999999999999999999",
  "NaN",
  "Infinity",
  "2026-02-30",
  "31/12/2026",
  "0000-00-00",
  "not-a-date",
  "undefined",
  "[object Object]",
  "x".repeat(20_000),
];

// Values a schema may well accept, so they reach the writes and come back on the page that shows them.
export const EXTREME_BUT_VALID = [
  "Food\u0000bank",
  "\u202EFood bank\u202C",
  "Food bank ".repeat(1_000),
  "Food bank 🥫👩🏽‍💻🏳️‍🌈",
  '<b>Food</b> bank <script>alert("x")</script>',
  "1e6",
  "9999-12-31",
  "0001-01-01",
  "  Food bank  ",
];

export const hostileValue = fc.oneof(
  fc.constantFrom(...KNOWN_BAD),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc
    .date({ noInvalidDate: false })
    .map((d) => (Number.isNaN(d.getTime()) ? "Invalid Date" : d.toISOString())),
);

// Every table of the portal's data, each read whole into one fingerprint (a sum of a hash of every row, so no
// sorting): a refused submission must leave every row as it was, whether or not its table has an updatedAt, and
// whether or not the write went through Prisma (raw SQL sets no updatedAt). Counting rows and the newest
// updatedAt missed a status change in a table without one (a survey cycle closed), a row added to a table not
// counted (a partnership, an emailed token), and a raw update. Left out: what a refusal may change (the audit
// log, the scheduled runs' log, the rate-limit counters, which live in their own schema) and a session's
// sliding expiry, renewed on use.
const FINGERPRINTED = [
  "Partnership",
  "User",
  "Organisation",
  "Membership",
  "UserToken",
  "Invitation",
  "CouncilSettings",
  "Category",
  "District",
  "Request",
  "RequestAlsoFor",
  "RequestEvent",
  "Pledge",
  "PledgeEvent",
  "DeliveryReminder",
  "SavedSearch",
  "Measure",
  "Contract",
  "Commitment",
  "CommitmentPlan",
  "KpiReturn",
  "KpiReturnLine",
  "EvidenceFile",
  "KpiReturnEvent",
  "SurveyCycle",
  "SurveyInvitation",
  "SurveyResponse",
  "SurveyProtectedAnswers",
  "GuidancePage",
  "EmailOutbox",
];
export const NOT_FINGERPRINTED = ["AuditLog", "JobRun", "_prisma_migrations"];
const rowsOf = (table: string) =>
  table === "Session" ? `(to_jsonb(t) - 'lastUsedAt' - 'expiresAt')::text` : `t::text`;

// Everything a refused submission must leave untouched, read in one prepared query: the tests take two snapshots
// per submission, thousands of them, and planning took most of it.
const SNAPSHOT_QUERY = Prisma.raw(
  `select ${[...FINGERPRINTED, "Session"]
    .map(
      (t) =>
        `(select count(*) || ':' || coalesce(sum(hashtextextended(${rowsOf(t)}, 0)), 0) from "${t}" t) as "${t}"`,
    )
    .join(", ")}`,
);

// the tables the snapshot reads, to check that a new table is not forgotten
export const SNAPSHOT_TABLES = [...FINGERPRINTED, "Session"];

export async function snapshot() {
  const [row] = await readRows<Record<string, string>[]>(SNAPSHOT_QUERY);
  return row;
}

// A route that is several pages by its URL, each with its own fields: the survey asks each topic on its own page.
export const PAGES_OF_ROUTE: Record<string, Record<string, string>[]> = {
  "routes/survey.$cycleId.questions.$topic": TOPICS.map((t) => ({ topic: t.slug })),
};

// What must have happened before a page takes its form at all: a survey question page sends a business that has
// not consented back to the consent page, so the attacking supplier (the world's supplier owner) consents first,
// with an ethnic group answered so that the ethnic background page is asked too.
export const BEFORE_ATTACK: Record<string, (world: MatrixWorld) => Promise<unknown>> = {
  "routes/survey.$cycleId.questions.$topic": (world) =>
    createSurveyResponse({
      cycleId: world.surveyCycle.id,
      organisationId: world.supplier.id,
      respondentUserId: world.users.supplierOwner.id,
      submitted: false,
      protectedAnswers: { ethnicGroup: "ASIAN" },
    }),
};

// A stack frame, a file of the app or its packages, or the database's own words: none may reach a page.
export const LEAK =
  /\n\s+at .+:\d+:\d+|node_modules|\/app\/(domain|routes|auth)\/|PrismaClient|Invalid `.*` invocation|invalid byte sequence|violates .* constraint/;

// Every page some role may open, with the first role the permissions table lets open it.
export const pagesWithARole = () =>
  routeManifest().flatMap((route) => {
    const roles = ROUTE_PERMISSIONS[route.id]?.get ?? [];
    return roles.length > 0 ? [{ route, role: roles[0] }] : [];
  });

// the owners of the world's records, who are none of the table's roles
export type Actor = Role | "otherVcseOwner" | "otherSupplierOwner";

export async function cookieOf(world: MatrixWorld, actor: Actor) {
  if (actor === "otherVcseOwner" || actor === "otherSupplierOwner")
    return sessionCookieFor(world.users[actor].id);
  return world.cookies[actor];
}

// An accepted save changes the version the next form must name (a contract's, commitment's or measure's updatedAt).
export async function refreshVersions(world: MatrixWorld) {
  const [contract, commitment, measure, kpiReturn] = await Promise.all([
    db.contract.findUnique({ where: { id: world.contract.id } }),
    db.commitment.findUnique({ where: { id: world.commitment.id } }),
    db.measure.findUnique({ where: { id: world.measure.id } }),
    db.kpiReturn.findUnique({ where: { id: world.kpiReturn.id } }),
  ]);
  world.contract = contract ?? world.contract;
  world.commitment = commitment ?? world.commitment;
  world.measure = measure ?? world.measure;
  world.kpiReturn = kpiReturn ?? world.kpiReturn;
}
