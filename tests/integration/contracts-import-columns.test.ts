// Re-importing a procurement export must not wipe what officers set by hand: a column left out of the file
// keeps the stored value, and the preview says, field by field, what an import would change.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { createImportWorld } from "./contracts-world.ts";

let world: Awaited<ReturnType<typeof createImportWorld>>;
let actor: { councilId: string; actorUserId: string; ipAddress: string | null };

beforeAll(async () => {
  world = await createImportWorld();
  actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
});

const FULL =
  "contract_reference,contract_title,supplier_company_number,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status,measure_code,target_quantity,delivery_plan,narrative";
// what a procurement system exports: no manager, award date, plan reference, status or commitment details
const EXPORT =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date";

const fullFile = (ref: string) =>
  `${FULL}\n${ref},Parks,${world.companyNumber},Environment,${world.users.officerA.email},250000,2026-02-01,2026-04-01,2027-03-31,PM3-9,Pipeline,JOB-02,2,Q1 2026/27=1; Q2 2026/27=1,Local apprentices\n`;

async function stored(ref: string) {
  return db.contract.findFirstOrThrow({
    where: { councilId: world.councilA.id, reference: ref },
    select: {
      title: true,
      contractManagerId: true,
      awardedOn: true,
      planReference: true,
      status: true,
      updatedAt: true,
      commitments: { select: { narrative: true, targetQuantity: true, plan: { select: { id: true } } } },
    },
  });
}

describe("re-importing a file without some columns", () => {
  it("keeps the stored values of the columns the file leaves out, and changes only what it gives", async () => {
    expect((await applyImport(actor, fullFile("KEEP-1"))).ok).toBe(true);
    const reduced = `${EXPORT}\nKEEP-1,Parks and open spaces,${world.companyNumber},Environment,250000,2026-04-01,2027-03-31\n`;

    const preview = await previewImport(world.councilA.id, reduced);
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ changed: 1 });
    // the officer sees each change before importing
    expect(preview.contracts[0]!.changes).toEqual([
      { field: "title", label: "Title", from: "Parks", to: "Parks and open spaces" },
    ]);

    expect((await applyImport(actor, reduced)).ok).toBe(true);
    const after = await stored("KEEP-1");
    expect(after).toMatchObject({
      title: "Parks and open spaces",
      contractManagerId: world.users.officerA.id,
      planReference: "PM3-9",
      status: "PIPELINE",
    });
    expect(after.awardedOn?.toISOString().slice(0, 10)).toBe("2026-02-01");
    expect(after.commitments).toHaveLength(1);

    // idempotent: the same reduced file again changes nothing
    const again = await previewImport(world.councilA.id, reduced);
    expect(again.counts).toMatchObject({ changed: 0, unchanged: 1 });
    expect(again.contracts[0]!.changes).toEqual([]);
    expect((await applyImport(actor, reduced)).ok).toBe(true);
    expect((await stored("KEEP-1")).updatedAt).toEqual(after.updatedAt);
  });

  it("keeps a commitment's narrative, target and plan when those columns are left out", async () => {
    expect((await applyImport(actor, fullFile("KEEP-2"))).ok).toBe(true);
    const file = `${EXPORT},measure_code\nKEEP-2,Parks,${world.companyNumber},Environment,250000,2026-04-01,2027-03-31,JOB-02\n`;
    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ changed: 0, unchanged: 1 });
    expect((await applyImport(actor, file)).ok).toBe(true);
    const [commitment] = (await stored("KEEP-2")).commitments;
    expect(commitment!.narrative).toBe("Local apprentices");
    expect(commitment!.targetQuantity!.toFixed(0)).toBe("2");
    expect(commitment!.plan).toHaveLength(2);
  });
});

describe("re-importing a file with some columns blank", () => {
  it("keeps the contract's manager, award date, plan reference and status, but clears a blank narrative", async () => {
    expect((await applyImport(actor, fullFile("BLANK-1"))).ok).toBe(true);
    const blank = `${FULL}\nBLANK-1,Parks,${world.companyNumber},Environment,,250000,,2026-04-01,2027-03-31,,,JOB-02,2,Q1 2026/27=1; Q2 2026/27=1,\n`;
    const preview = await previewImport(world.councilA.id, blank);
    expect(preview.errors).toEqual([]);
    expect(preview.contracts[0]!.changes).toEqual([
      { field: "narrative", label: "JOB-02: Narrative", from: "Local apprentices", to: null },
    ]);
    expect((await applyImport(actor, blank)).ok).toBe(true);
    const after = await stored("BLANK-1");
    expect(after).toMatchObject({
      contractManagerId: world.users.officerA.id,
      planReference: "PM3-9",
      status: "PIPELINE",
    });
    expect(after.awardedOn).not.toBeNull();
    expect(after.commitments[0]!.narrative).toBeNull();
  });

  it("a new contract with the columns blank or left out gets no manager and the default status", async () => {
    expect(
      (
        await applyImport(
          actor,
          `${EXPORT}\nNEW-1,Roads,${world.companyNumber},Highways,1000,2026-04-01,2027-03-31\n`,
        )
      ).ok,
    ).toBe(true);
    expect(await stored("NEW-1")).toMatchObject({
      contractManagerId: null,
      planReference: null,
      status: "ACTIVE",
    });
  });
});
