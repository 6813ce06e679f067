// A contract reference in any case names one contract of the council: procurement exports and officers write
// "ncc-2431" and "NCC-2431" for the same contract. Before, the references were compared exactly, so re-importing
// an export that wrote them in lower case registered every contract a second time beside the first, and the
// register and edit forms let an officer make the same twin by hand.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { action as editAction } from "~/routes/contracts.$id.edit.tsx";
import { action as newAction } from "~/routes/contracts.new/route.tsx";
import { createContract, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";
import { newContractForm } from "../helpers/contract-forms.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status,measure_code,target_quantity,delivery_plan,qualitative_commitment,narrative";

let world: Awaited<ReturnType<typeof createImportWorld>>;
let actor: { councilId: string; actorUserId: string; ipAddress: string | null };
let officer: string;

beforeAll(async () => {
  world = await createImportWorld();
  actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
  officer = await sessionCookieFor(world.users.officerA.id);
});

/** One commitment row, its target spread evenly over the four quarters of 2026/27. */
const row = (reference: string, measure = "JOB-02", target = 4) => {
  const plan = [1, 2, 3, 4].map((q) => `Q${q} 2026/27=${target / 4}`).join("; ");
  return `${reference},Schools works,${world.companyNumber},,Children's Services,,250000,,2026-04-01,2027-03-31,,Active,${measure},${target},${plan},,`;
};
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n") + "\n";
const contractsNamed = (reference: string) =>
  db.contract.findMany({
    where: { councilId: world.councilA.id, reference: { equals: reference, mode: "insensitive" } },
    select: { id: true, reference: true, commitments: { select: { measure: { select: { code: true } } } } },
  });

describe("CSV import", () => {
  it("a re-import writing the reference in another case matches the contract and changes nothing", async () => {
    const first = await applyImport(actor, csv(row("NCC-2431")));
    expect(first.plan.errors).toEqual([]);

    const again = csv(row("ncc-2431"));
    const preview = await previewImport(world.councilA.id, again);
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ created: 0, changed: 0, unchanged: 1 });
    expect((await applyImport(actor, again)).ok).toBe(true);

    const stored = await contractsNamed("ncc-2431");
    expect(stored).toHaveLength(1);
    // the contract keeps its reference as registered
    expect(stored[0]!.reference).toBe("NCC-2431");
  });

  it("a change in a re-import in another case updates the registered contract", async () => {
    const result = await applyImport(actor, csv(row("Ncc-2431", "JOB-02", 8)));
    expect(result.ok).toBe(true);
    expect(result.plan.counts).toMatchObject({ created: 0, changed: 1 });
    expect(result.plan.contracts[0]!.reference).toBe("NCC-2431");
    const commitment = await db.commitment.findFirstOrThrow({
      where: { contract: { councilId: world.councilA.id, reference: "NCC-2431" } },
      select: { targetQuantity: true },
    });
    expect(commitment.targetQuantity!.toFixed(0)).toBe("8");
  });

  it("rows of one file naming a contract in two cases are one contract", async () => {
    const result = await applyImport(actor, csv(row("NEW-7", "JOB-02"), row("new-7", "JOB-04", 100)));
    expect(result.plan.errors).toEqual([]);
    expect(result.plan.counts).toMatchObject({ created: 1, commitments: 2 });
    const stored = await contractsNamed("new-7");
    expect(stored).toHaveLength(1);
    expect(stored[0]!.reference).toBe("NEW-7");
    expect(stored[0]!.commitments.map((c) => c.measure.code).sort()).toEqual(["JOB-02", "JOB-04"]);
  });
});

describe("register and edit forms", () => {
  const form = (reference: string) =>
    newContractForm(world.supplier.id, {
      reference,
      title: "Library refurbishment",
      department: "Communities",
      valueGbp: "850000",
      endDate: "2027-03-31",
    });

  it("registering a reference the council has in another case is refused next to the field", async () => {
    await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      reference: "LIB-100",
    });
    const response = await callAction(newAction, {
      path: "/contracts/new",
      cookie: officer,
      form: form("lib-100"),
    });
    expect(response.status).toBe(400);
    const body = await jsonOf<{ error: Record<string, string[]> }>(response);
    expect(body.error.reference).toEqual([
      "Reference LIB-100 is already used by ‘Highways maintenance’. Use a different reference or open that contract.",
    ]);
    expect(await contractsNamed("lib-100")).toHaveLength(1);
  });

  it("renaming a contract to another's reference in another case is refused; its own in another case is kept", async () => {
    const mine = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      reference: "LIB-200",
    });
    const edit = (reference: string) =>
      callAction(editAction, {
        path: `/contracts/${mine.id}/edit`,
        params: { id: mine.id },
        cookie: officer,
        form: { ...form(reference), version: mine.updatedAt.toISOString() },
      });
    const clash = await edit("Lib-100");
    expect(clash.status).toBe(400);
    expect((await jsonOf<{ error: Record<string, string[]> }>(clash)).error.reference).toEqual([
      "Reference LIB-100 is already used by ‘Highways maintenance’. Use a different reference or open that contract.",
    ]);

    const recased = await edit("lib-200");
    expect(recased.status).toBe(302);
    expect((await db.contract.findUniqueOrThrow({ where: { id: mine.id } })).reference).toBe("lib-200");
  });

  it("another council may use the same reference in any case", async () => {
    const theirs = await createContract({
      councilId: world.councilB.id,
      supplierOrganisationId: world.supplier.id,
      reference: "lib-100",
    });
    expect(theirs.reference).toBe("lib-100");
  });
});
