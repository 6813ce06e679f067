// Hostile input: generated and known-bad values thrown at every action (as a role allowed to use it). The answer
// is always a 4xx or a redirect, never a 500, and a refused submission writes nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { ROUTE_PERMISSIONS } from "../authorization/permissions-table.ts";
import { createMatrixWorld } from "../authorization/world.ts";
import { formFieldsOf } from "../helpers/form-fields.ts";
import { callAction } from "../helpers/routes.ts";
import { fillPath, importRoute, routeManifest } from "../helpers/route-manifest.ts";

const KNOWN_BAD = [
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

const hostileValue = fc.oneof(
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

// Everything a refused submission must leave untouched (the audit log and rate-limit counters may change).
async function snapshot() {
  const parts = await Promise.all([
    ...COUNTED_TABLES.map((t) =>
      db.$queryRawUnsafe<{ n: number }[]>(`select count(*)::int as n from "${t}"`),
    ),
    ...TABLES_WITH_UPDATED_AT.map((t) =>
      db.$queryRawUnsafe<{ n: string | null }[]>(`select max("updatedAt")::text as n from "${t}"`),
    ),
    db.$queryRawUnsafe<{ n: number }[]>(
      `select coalesce(sum("pledgedQuantity"), 0)::int as n from "Request"`,
    ),
  ]);
  return parts.map((rows) => rows[0].n);
}

const targets = routeManifest().flatMap((route) =>
  Object.entries(ROUTE_PERMISSIONS[route.id]?.actions ?? {})
    .filter(([, roles]) => roles.length > 0)
    .map(([intent, roles]) => ({ route, intent, role: roles[0] })),
);

describe.each(targets)("$route.id intent '$intent' as $role", ({ route, intent, role }) => {
  it("answers hostile input with a 4xx or a redirect and writes nothing when it refuses", async () => {
    const module = await importRoute(route);
    const world = await createMatrixWorld();
    const params = ROUTE_PERMISSIONS[route.id].params?.(world) ?? {};
    const fields = formFieldsOf(route.file);
    const formArbitrary = fc.record({
      values: fc.dictionary(
        fc.constantFrom(...(fields.length ? fields : ["value"])),
        fc.array(hostileValue, { minLength: 0, maxLength: 2 }),
      ),
      intent: fc.oneof(fc.constant(intent), hostileValue),
      // browsers send multipart or urlencoded forms; an upload form may receive either
      urlencoded: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(formArbitrary, async ({ values, intent: sentIntent, urlencoded }) => {
        const form = urlencoded ? new URLSearchParams() : new FormData();
        if (sentIntent) form.append("intent", sentIntent);
        for (const [name, list] of Object.entries(values)) for (const v of list) form.append(name, v);
        const before = await snapshot();
        const response = await callAction(module.action!, {
          path: fillPath(route.path, params),
          cookie: world.cookies[role],
          params,
          body: form,
        });
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) expect(await snapshot()).toEqual(before);
      }),
      {
        numRuns: 12,
        endOnFailure: true,
        // every known-bad value in every field, every run; then generated ones
        examples: KNOWN_BAD.map((value) => [
          { values: Object.fromEntries(fields.map((f) => [f, [value]])), intent, urlencoded: false },
        ]),
      },
    );
    // a body that says it is multipart and is not
    const before = await snapshot();
    const garbled = await callAction(module.action!, {
      path: fillPath(route.path, params),
      cookie: world.cookies[role],
      params,
      body: '--x\r\nContent-Disposition: form-data; name="intent"\r\n\r\n',
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect(garbled.status).toBeLessThan(500);
    if (garbled.status >= 400) expect(await snapshot()).toEqual(before);
  });
});

describe("hostile input harness", () => {
  it("has actions to attack once features exist", () => {
    expect(targets.length).toBeGreaterThan(0);
  });

  const fieldsOf = (id: string) => formFieldsOf(routeManifest().find((route) => route.id === id)!.file);

  // these pages render their forms through components in another file; reading only the route file found none
  it.each([
    ["routes/contracts.$id.edit", ["title", "reference", "valueGbp", "startDate", "status", "version"]],
    ["routes/contracts.new", ["title", "reference", "supplierOrganisationId", "valueGbp", "endDate"]],
    [
      "routes/contracts.$id.commitments.$commitmentId",
      ["measureId", "targetQuantity", "plan[0].quarter", "plan[0].quantity", "narrative", "version"],
    ],
    [
      "routes/contracts.$id.commitments.new",
      ["measureId", "targetQuantity", "plan[1].quantity", "qualitativeText"],
    ],
    ["routes/council.measures.$id", ["code", "name", "unit", "theme", "proxyValueGbp"]],
    ["routes/requests.$id.edit", ["title", "quantity", "neededBy", "categoryId", "districtId"]],
    [
      "routes/returns.$id._index",
      ["declaration", "lines[0].quantity", "lines[0].commitmentId", "lines[0].evidence"],
    ],
    ["routes/council.verification.$id", ["reason", "email"]],
  ])("attacks %s through the fields its page renders", (id, expected) => {
    expect(fieldsOf(id)).toEqual(expect.arrayContaining(expected));
  });

  it("attacks only the imported components a page uses", () => {
    // sign-in imports TextInput from ~/ui/form.tsx, not ReasonForm, which renders a "reason" field
    expect(fieldsOf("routes/sign-in").sort()).toEqual(["email", "password", "redirectTo"]);
  });
});
