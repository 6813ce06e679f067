// What the hostile-input tests throw at the app, the snapshot they compare to show a refusal wrote nothing, and the
// pages they need to know more about than the permissions table says. Shared by hostile-input.test.ts (random
// forms) and hostile-valid-forms.test.ts (one field of a valid form).
import fc from "fast-check";
import { Prisma, readRows } from "~/db.server.ts";
import { TOPICS } from "~/domain/survey/questions.ts";
import type { MatrixWorld } from "../authorization/world.ts";
import { createSurveyResponse } from "./factories.ts";

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

const TABLES_WITH_UPDATED_AT = [
  "Request",
  "Pledge",
  "Contract",
  "Commitment",
  "KpiReturn",
  "KpiReturnLine",
  "SurveyResponse",
  "Organisation",
  "User",
  "Measure",
  "GuidancePage",
  "CouncilSettings",
];
const COUNTED_TABLES = [
  ...TABLES_WITH_UPDATED_AT,
  "RequestEvent",
  "PledgeEvent",
  "KpiReturnEvent",
  "CommitmentPlan",
  "EvidenceFile",
  "SurveyProtectedAnswers",
  "SurveyInvitation",
  "Membership",
  "Invitation",
  "Category",
  "District",
  "SavedSearch",
  "EmailOutbox",
  "Session",
];

// Everything a refused submission must leave untouched (the audit log and rate-limit counters may change), read in
// one prepared query: the tests take two snapshots per submission, thousands of them, and planning took most of it.
const SNAPSHOT_QUERY = Prisma.raw(
  `select ${[
    ...COUNTED_TABLES.map((t) => `(select count(*)::int from "${t}") as "${t} rows"`),
    ...TABLES_WITH_UPDATED_AT.map(
      (t) => `(select max("updatedAt")::text from "${t}") as "${t} last updated"`,
    ),
    `(select coalesce(sum("pledgedQuantity"), 0)::int from "Request") as "pledged quantity"`,
  ].join(", ")}`,
);

export async function snapshot() {
  const [row] = await readRows<Record<string, number | string | null>[]>(SNAPSHOT_QUERY);
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
