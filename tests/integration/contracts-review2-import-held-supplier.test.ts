// Re-importing the procurement system's export for a contract already registered: the row's company number (or
// name) names the supplier the contract already has. That must stay enough, as the edit form keeps a contract's
// own supplier whatever became of it since: another verified registration sharing the number, or a supplier the
// contract was recorded with before it was verified, used to fail the row, and with it the whole file.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { createContract, createOrganisation, createWorld, unique } from "../helpers/factories.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status";

let world: Awaited<ReturnType<typeof createWorld>>;
let actor: { councilId: string; actorUserId: string; ipAddress: string | null };

beforeAll(async () => {
  world = await createWorld();
  actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
});

const number = () => String(Math.floor(Math.random() * 9_000_000) + 1_000_000).padStart(8, "0");

function file(reference: string, companyNumber: string, name = "", title = "Library refurbishment") {
  return `${HEADER}\n${reference},${title},${companyNumber},${name},Communities,,850000,,2026-04-01,2027-03-31,,Active\n`;
}

async function held(supplierOrganisationId: string) {
  return createContract({
    councilId: world.councilA.id,
    supplierOrganisationId,
    reference: unique("HELD"),
    title: "Library refurbishment",
    department: "Communities",
    valueGbp: 850000,
    awardedOn: null,
    startDate: new Date("2026-04-01"),
    endDate: new Date("2027-03-31"),
    planReference: null,
  });
}

describe("re-importing a contract already registered", () => {
  it("keeps its supplier when a second verified supplier shares the company number", async () => {
    const shared = number();
    const holder = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      name: unique("Twin Holder Ltd"),
      companyNumber: shared,
      status: "VERIFIED",
    });
    await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      name: unique("Twin Other Ltd"),
      companyNumber: shared,
      status: "VERIFIED",
    });
    const contract = await held(holder.id);

    const unchanged = await previewImport(world.councilA.id, file(contract.reference, shared));
    expect(unchanged.errors).toEqual([]);
    expect(unchanged.counts).toMatchObject({ unchanged: 1 });

    const result = await applyImport(actor, file(contract.reference, shared, "", "Library works"));
    expect(result.ok).toBe(true);
    const after = await db.contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(after).toMatchObject({ title: "Library works", supplierOrganisationId: holder.id });
  });

  it("keeps its supplier recorded before verification, by number or by name", async () => {
    const pendingNumber = number();
    const pending = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      name: unique("Legacy Supplier Ltd"),
      companyNumber: pendingNumber,
      status: "PENDING",
    });
    const contract = await held(pending.id);
    expect((await previewImport(world.councilA.id, file(contract.reference, pendingNumber))).errors).toEqual(
      [],
    );
    expect(
      (await previewImport(world.councilA.id, file(contract.reference, "", pending.name.toUpperCase())))
        .errors,
    ).toEqual([]);
  });

  it("still refuses a new contract naming a shared number or a pending supplier", async () => {
    const shared = number();
    for (const name of ["A", "B"])
      await createOrganisation({
        kind: "SUPPLIER",
        councilId: world.councilA.id,
        name: unique(`Twin ${name}`),
        companyNumber: shared,
        status: "VERIFIED",
      });
    const preview = await previewImport(world.councilA.id, file(unique("NEW"), shared));
    expect(preview.errors).toEqual([expect.objectContaining({ line: 2, column: "supplier_company_number" })]);
  });
});
