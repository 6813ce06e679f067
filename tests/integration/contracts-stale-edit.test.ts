// Two officers open the same edit form; the first saves. The second's save, sent from a form read before that,
// is refused with what is saved now beside their answers, instead of silently overwriting the first's change.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  action as commitmentAction,
  loader as commitmentLoader,
} from "~/routes/contracts.$id.commitments.$commitmentId.tsx";
import { action as editAction, loader as editLoader } from "~/routes/contracts.$id.edit.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
});

type Stale = {
  error?: Record<string, string[]>;
  stale: {
    version: string;
    differences: { field: string; label: string; saved: string | null; yours: string | null }[];
  };
};

describe("a contract edited from a stale form", () => {
  it("refuses the second save, keeps the first, shows both, and saves once the user saves again", async () => {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      title: "Library refurbishment",
      department: "Communities",
    });
    const params = { id: contract.id };
    const path = `/contracts/${contract.id}/edit`;
    const { contract: read } = await jsonOf<{ contract: Record<string, string | null> }>(
      await callLoader(editLoader, { path, params, cookie }),
    );
    expect(read.version).toMatch(/^\d{4}-/);
    // the form as both officers got it
    const form = (changes: Record<string, string>) => ({
      reference: read.reference!,
      title: read.title!,
      supplierOrganisationId: read.supplierOrganisationId!,
      department: read.department!,
      contractManagerId: read.contractManagerId ?? "",
      valueGbp: read.valueGbp!,
      awardedOn: read.awardedOn ?? "",
      startDate: read.startDate!,
      endDate: read.endDate!,
      planReference: read.planReference ?? "",
      status: read.status!,
      version: read.version!,
      ...changes,
    });

    const first = await callAction(editAction, {
      path,
      params,
      cookie,
      form: form({ title: "Central library" }),
    });
    expect(first.status).toBe(302);
    const second = await callAction(editAction, {
      path,
      params,
      cookie,
      form: form({ department: "Culture and Leisure" }),
    });
    expect(second.status).toBe(409);
    const body = await jsonOf<Stale>(second);
    expect(JSON.stringify(body.error)).toContain(
      "Someone else changed this contract while you were editing. Their changes are shown, yours are kept below",
    );
    expect(body.stale.differences).toEqual([
      { field: "title", label: "Title", saved: "Central library", yours: "Library refurbishment" },
      {
        field: "department",
        label: "Department or service",
        saved: "Communities",
        yours: "Culture and Leisure",
      },
    ]);
    const stored = await db.contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(stored).toMatchObject({ title: "Central library", department: "Communities" });

    // having checked, the user saves again from the refused page, which carries the new version
    const again = await callAction(editAction, {
      path,
      params,
      cookie,
      form: form({
        title: "Central library",
        department: "Culture and Leisure",
        version: body.stale.version,
      }),
    });
    expect(again.status).toBe(302);
    expect(await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).toMatchObject({
      title: "Central library",
      department: "Culture and Leisure",
    });
  });
});

describe("a commitment edited from a stale form", () => {
  it("refuses the second save and keeps the first", async () => {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      startDate: new Date("2026-04-01"),
      endDate: new Date("2027-03-31"),
    });
    const measure = await createMeasure({ councilId: world.councilA.id, unit: "HOURS" });
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId: measure.id,
      targetQuantity: 40,
      plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 10 })),
    });
    const params = { id: contract.id, commitmentId: commitment.id };
    const path = `/contracts/${contract.id}/commitments/${commitment.id}`;
    const read = await jsonOf<{ quarters: { key: string }[]; commitment: { version: string } }>(
      await callLoader(commitmentLoader, { path, params, cookie }),
    );
    const form = (narrative: string) => {
      const values: Record<string, string> = {
        intent: "save",
        measureId: measure.id,
        targetQuantity: "40",
        narrative,
        version: read.commitment.version,
      };
      read.quarters.forEach((q, i) => {
        values[`plan[${i}].quarter`] = q.key;
        values[`plan[${i}].quantity`] = "10";
      });
      return values;
    };
    expect(
      (await callAction(commitmentAction, { path, params, cookie, form: form("First note") })).status,
    ).toBe(302);
    const second = await callAction(commitmentAction, { path, params, cookie, form: form("Second note") });
    expect(second.status).toBe(409);
    const body = await jsonOf<Stale>(second);
    expect(JSON.stringify(body.error)).toContain(
      "Someone else changed this commitment while you were editing",
    );
    expect(body.stale.differences).toEqual([
      { field: "narrative", label: "Narrative", saved: "First note", yours: "Second note" },
    ]);
    expect((await db.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).narrative).toBe(
      "First note",
    );
  });
});
