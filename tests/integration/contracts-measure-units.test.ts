// A measure counts only marketplace help measured in its own unit. The default library listed goods (items)
// under SOC-02, a measure in pounds, so 20 items added £20: the measure form now refuses such a mix, and a
// migration corrects existing installs and the pledges already counted that way.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { progressFor } from "~/domain/contracts/progress.server.ts";
import { loader as contractLoader } from "~/routes/contracts.$id._index/route.tsx";
import { action as measureAction } from "~/routes/council.measures.$id.tsx";
import { action as newMeasureAction } from "~/routes/council.measures.new/route.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createPledge,
  createRequest,
  createWorldSignedInAs,
  sessionCookieFor,
  type World,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

const MIGRATION = path.resolve(
  "prisma/migrations/20261130090000_measure_help_types_in_measure_unit/migration.sql",
);

// As the migration engine runs it (statement by statement, split at every semicolon), but on one council's rows
// only: run as they are, its statements would also change the measures and pledges the other tests in this file
// left, and log it (each test file has its own database, tests/helpers/setup-db.ts). Each statement
// takes its rows from one query (the CTE "fitted", the CTE "mismatched", the last UPDATE's WHERE): the council is
// added there, and the rest runs as written. The shapes are checked first, so a changed migration fails here.
async function runMigration(councilId: string) {
  const statements = fs
    .readFileSync(MIGRATION, "utf8")
    .split(";")
    .map((statement) => statement.replace(/--.*$/gm, "").trim())
    .filter(Boolean);
  const scopes: [RegExp, string][] = [
    // 1. each measure corrected and logged comes from "fitted"
    [
      /(\n {2}FROM "Measure" m)(\n\),\ncorrected AS \(\n {2}UPDATE "Measure" m [^;]*\n {2}FROM fitted f\n[^;]*\nFROM fitted f JOIN corrected c ON c\."id" = f\."id")$/,
      ` WHERE m."councilId" = $1`,
    ],
    // 2. each pledge unlinked and logged comes from "mismatched"
    [
      /(IS DISTINCT FROM m\."unit"::text)(\n\),\nunlinked AS \(\n {2}UPDATE "Pledge" p [^;]*\n {2}FROM mismatched x\n[^;]*\nFROM mismatched x JOIN unlinked u ON u\."id" = x\."id")$/,
      ` AND k."councilId" = $1`,
    ],
    // 3. SOC-02's help text, where the council has not rewritten it
    [/(\nWHERE "code" = 'SOC-02'\n {2}AND "helpText" = '[^']+')()$/, `\n  AND "councilId" = $1`],
  ];
  expect(statements).toHaveLength(scopes.length);
  for (const [i, [shape, condition]] of scopes.entries()) {
    expect(statements[i]).toMatch(shape);
    await db.$executeRawUnsafe(
      statements[i].replace(shape, (_, before: string, after: string) => `${before}${condition}${after}`),
      councilId,
    );
  }
}

let world: World;
let admin: string;

beforeAll(async () => {
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

type Reply = { error?: Record<string, string[]> };

describe("the measure form", () => {
  const form = (overrides: Record<string, string | string[]> = {}) => ({
    code: "SOC-09",
    name: "Donations to VCSEs (£)",
    theme: "SOCIAL",
    unit: "GBP",
    contributingHelpTypes: ["FUNDING", "GOODS"],
    ...overrides,
  });

  it("refuses help in another unit, saying which help fits", async () => {
    const response = await callAction(newMeasureAction, {
      path: "/council/measures/new",
      cookie: admin,
      form: form(),
    });
    expect(response.status).toBe(400);
    expect((await jsonOf<Reply>(response)).error).toEqual({
      contributingHelpTypes: [
        "Only Funding (£) can count towards a measure in pounds (£). Untick Goods (items).",
      ],
    });
    expect(await db.measure.count({ where: { code: "SOC-09" } })).toBe(0);
    const fits = await callAction(newMeasureAction, {
      path: "/council/measures/new",
      cookie: admin,
      form: form({ contributingHelpTypes: ["FUNDING"] }),
    });
    expect(fits.status).toBe(302);
  });

  it("refuses it when a measure is changed too", async () => {
    const measure = await createMeasure({
      councilId: world.councilA.id,
      unit: "PERCENT",
      contributingHelpTypes: [],
    });
    const response = await callAction(measureAction, {
      path: `/council/measures/${measure.id}`,
      params: { id: measure.id },
      cookie: admin,
      form: form({ code: measure.code, unit: "PERCENT", contributingHelpTypes: ["FUNDING"] }),
    });
    expect(response.status).toBe(400);
    expect((await jsonOf<Reply>(response)).error!.contributingHelpTypes).toEqual([
      "No marketplace help can count towards a percentage measure. Untick Funding (£).",
    ]);
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).contributingHelpTypes).toEqual(
      [],
    );
  });
});

describe("the migration correcting an existing install", () => {
  it("removes help in another unit from measures, stops counting pledges linked that way, and logs it", async () => {
    const councilId = world.councilA.id;
    // the library as the old defaults shipped it, and a council's own mixed-up measures
    const donations = await createMeasure({
      councilId,
      code: "SOC-02",
      unit: "GBP",
      contributingHelpTypes: ["FUNDING", "GOODS"],
    });
    await db.measure.update({
      where: { id: donations.id },
      data: {
        helpText: "Money and the value of goods given to voluntary, community and social enterprises.",
      },
    });
    const hours = await createMeasure({
      councilId,
      unit: "HOURS",
      contributingHelpTypes: ["GOODS", "VOLUNTEERING"],
    });
    const level = await createMeasure({ councilId, unit: "PERCENT", contributingHelpTypes: ["FUNDING"] });
    const fine = await createMeasure({ councilId, unit: "COUNT", contributingHelpTypes: ["GOODS"] });

    const contract = await createContract({ councilId, supplierOrganisationId: world.supplier.id });
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId: donations.id,
      targetQuantity: 5000,
    });
    const pledge = async (helpType: "GOODS" | "FUNDING", quantity: number) => {
      const request = await createRequest({
        councilId,
        organisationId: world.vcse.id,
        categoryId: world.category.id,
        helpType,
        quantity,
        title: `${helpType} for the food bank`,
        status: "FULFILLED",
      });
      return createPledge({
        requestId: request.id,
        supplierOrganisationId: world.supplier.id,
        commitmentId: commitment.id,
        quantity,
        status: "CONFIRMED",
      });
    };
    const laptops = await pledge("GOODS", 20);
    const money = await pledge("FUNDING", 100);
    const delivered = async () =>
      (await progressFor([{ id: commitment.id, targetQuantity: 5000, measure: donations }])).get(
        commitment.id,
      );
    expect(await delivered()).toMatchObject({ deliveredToDate: "120.00" }); // 20 items counted as £20

    await runMigration(councilId);

    const measure = (id: string) => db.measure.findUniqueOrThrow({ where: { id } });
    expect((await measure(donations.id)).contributingHelpTypes).toEqual(["FUNDING"]);
    expect((await measure(donations.id)).helpText).toMatch(/counted in items, not pounds/);
    expect((await measure(hours.id)).contributingHelpTypes).toEqual(["VOLUNTEERING"]);
    expect((await measure(level.id)).contributingHelpTypes).toEqual([]);
    expect((await measure(fine.id)).contributingHelpTypes).toEqual(["GOODS"]);
    expect(await db.pledge.findUniqueOrThrow({ where: { id: laptops.id } })).toMatchObject({
      commitmentId: null,
      status: "CONFIRMED",
    });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: money.id } })).commitmentId).toBe(commitment.id);
    expect(await delivered()).toMatchObject({ deliveredToDate: "100.00" });

    const measureLog = await db.auditLog.findMany({
      where: { organisationId: councilId, action: "measure.update" },
      select: { entityId: true, details: true },
    });
    expect(measureLog).toEqual(
      expect.arrayContaining([
        {
          entityId: donations.id,
          details: expect.objectContaining({ code: "SOC-02", removedHelpTypes: ["GOODS"] }),
        },
        { entityId: hours.id, details: expect.objectContaining({ removedHelpTypes: ["GOODS"] }) },
        { entityId: level.id, details: expect.objectContaining({ removedHelpTypes: ["FUNDING"] }) },
      ]),
    );
    expect(measureLog).toHaveLength(3);

    // the contract's history tells its officers which pledge stopped counting
    const page = await jsonOf<{ history: { what: string; measure: string | null; changes: object[] }[] }>(
      await callLoader(contractLoader, {
        path: `/contracts/${contract.id}`,
        params: { id: contract.id },
        cookie: await sessionCookieFor(world.users.officerA.id),
      }),
    );
    expect(page.history).toEqual([
      expect.objectContaining({
        what: "Marketplace pledge no longer counted: it is not in the measure's unit",
        measure: "SOC-02",
        changes: [
          {
            field: "pledge",
            label: "Marketplace pledge counted",
            from: "GOODS for the food bank: 20 items",
            to: null,
          },
        ],
      }),
    ]);

    // running it again finds nothing left to correct
    const logged = await db.auditLog.count({ where: { organisationId: councilId } });
    await runMigration(councilId);
    expect(await db.auditLog.count({ where: { organisationId: councilId } })).toBe(logged);
  });
});
