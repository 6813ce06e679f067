// Only a verified supplier can be recorded against a contract, by hand or by CSV import: it then sees the
// contract, its returns and evidence. Company numbers are not unique on the portal, so a pending look-alike
// must never be picked, and a number two verified suppliers share is a problem for a person to resolve.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { action as editAction, loader as editLoader } from "~/routes/contracts.$id.edit.tsx";
import { action as newAction, loader as newLoader } from "~/routes/contracts.new/route.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createOrganisation,
  createPledge,
  createRequest,
  createReturn,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status,measure_code,target_quantity,delivery_plan,qualitative_commitment,narrative";

let world: Awaited<ReturnType<typeof createWorld>>;
let actor: { councilId: string; actorUserId: string; ipAddress: string | null };
let officer: string;
let measureId: string;
const orgs: Record<string, { id: string; name: string }> = {};

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
  measureId = (await createMeasure({ councilId: world.councilA.id, code: "SOC-01" })).id;
  const supplier = (name: string, companyNumber: string, status: "VERIFIED" | "PENDING" | "REJECTED") =>
    createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id, name, companyNumber, status });
  orgs.real = await supplier("Harbour Builders Ltd", "07000001", "VERIFIED");
  orgs.lookAlike = await supplier("Harbour Builders Limited", "07000001", "PENDING");
  orgs.twinA = await supplier("Twin Services Ltd", "07000002", "VERIFIED");
  orgs.twinB = await supplier("Twin Services (South) Ltd", "07000002", "VERIFIED");
  orgs.waiting = await supplier("Newcomer Ltd", "07000003", "PENDING");
  orgs.rejected = await supplier("Rejected Ltd", "07000004", "REJECTED");
  orgs.sameNameA = await supplier("Same Name Ltd", "07000005", "VERIFIED");
  orgs.sameNameB = await supplier("Same Name Ltd", "07000006", "VERIFIED");
});

function csv(...rows: [reference: string, companyNumber: string, name?: string][]) {
  const lines = rows.map(
    ([reference, companyNumber, name = ""]) =>
      `${reference},Works,${companyNumber},${name},Resources,,1000,,2026-04-01,2027-03-31,,Active,SOC-01,20,Q1 2026/27=10; Q2 2026/27=10,,`,
  );
  return [HEADER, ...lines].join("\n") + "\n";
}

describe("the CSV import", () => {
  it("matches the verified supplier, never its pending look-alike, and shows who it matched", async () => {
    const preview = await previewImport(world.councilA.id, csv(["SUP-1", "07000001"]));
    expect(preview.errors).toEqual([]);
    expect(preview.contracts).toEqual([
      expect.objectContaining({
        reference: "SUP-1",
        supplier: "Harbour Builders Ltd",
        supplierCompanyNumber: "07000001",
      }),
    ]);
    expect((await applyImport(actor, csv(["SUP-1", "07000001"]))).ok).toBe(true);
    const contract = await db.contract.findFirstOrThrow({ where: { reference: "SUP-1" } });
    expect(contract.supplierOrganisationId).toBe(orgs.real!.id);
  });

  it("reports a number two verified suppliers share, naming both, and imports nothing", async () => {
    const file = csv(["SUP-2", "07000002"]);
    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors).toEqual([
      {
        line: 2,
        column: "supplier_company_number",
        message: expect.stringMatching(/^2 verified suppliers have company number 07000002 \(.*\)/),
      },
    ]);
    for (const name of ["Twin Services Ltd", "Twin Services (South) Ltd"])
      expect(preview.errors[0]!.message).toContain(name);
    expect((await applyImport(actor, file)).ok).toBe(false);
    expect(await db.contract.count({ where: { reference: "SUP-2" } })).toBe(0);
  });

  it("says a pending supplier is waiting for verification, by number or by name", async () => {
    const preview = await previewImport(
      world.councilA.id,
      csv(["SUP-3", "07000003"], ["SUP-4", "", "newcomer ltd"]),
    );
    expect(preview.errors).toEqual([
      {
        line: 2,
        column: "supplier_company_number",
        message: expect.stringMatching(
          /^Newcomer Ltd \(company number 07000003\) is waiting for verification/,
        ),
      },
      {
        line: 3,
        column: "supplier_name",
        message: expect.stringMatching(/^Newcomer Ltd is waiting for verification/),
      },
    ]);
  });

  it("does not match a rejected organisation", async () => {
    const preview = await previewImport(world.councilA.id, csv(["SUP-5", "07000004"]));
    expect(preview.errors).toEqual([
      {
        line: 2,
        column: "supplier_company_number",
        message: "No supplier with company number 07000004 is registered",
      },
    ]);
  });
});

type Options = { suppliers: { id: string; label: string }[] };
const form = (supplierOrganisationId: string, reference: string) => ({
  reference,
  title: "Library refurbishment",
  supplierOrganisationId,
  department: "Communities",
  contractManagerId: "",
  valueGbp: "850000",
  awardedOn: "",
  startDate: "2026-04-01",
  endDate: "2027-03-31",
  planReference: "",
  status: "ACTIVE",
});

describe("registering a contract by hand", () => {
  it("offers only verified suppliers, telling apart two with the same name", async () => {
    const { suppliers } = await jsonOf<Options>(
      await callLoader(newLoader, { path: "/contracts/new", cookie: officer }),
    );
    const ids = suppliers.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([orgs.real!.id, orgs.twinA!.id, world.supplier.id]));
    for (const hidden of ["lookAlike", "waiting", "rejected"]) expect(ids).not.toContain(orgs[hidden]!.id);
    expect(suppliers.find((s) => s.id === orgs.real!.id)!.label).toBe("Harbour Builders Ltd");
    expect(suppliers.filter((s) => s.label.startsWith("Same Name Ltd")).map((s) => s.label)).toEqual([
      "Same Name Ltd (company number 07000005)",
      "Same Name Ltd (company number 07000006)",
    ]);
  });

  it("refuses a supplier that is not verified, whatever id is sent", async () => {
    for (const [who, message] of [
      ["waiting", /^Newcomer Ltd is waiting for verification/],
      ["rejected", /^Choose the supplier from the list$/],
      ["lookAlike", /^Harbour Builders Limited is waiting for verification/],
    ] as const) {
      const response = await callAction(newAction, {
        path: "/contracts/new",
        cookie: officer,
        form: form(orgs[who]!.id, `HAND-${who}`),
      });
      expect(response.status).toBe(400);
      const reply = await jsonOf<{ error: Record<string, string[]> }>(response);
      expect(reply.error.supplierOrganisationId).toEqual([expect.stringMatching(message)]);
    }
    expect(await db.contract.count({ where: { reference: { startsWith: "HAND-" } } })).toBe(0);
    const ok = await callAction(newAction, {
      path: "/contracts/new",
      cookie: officer,
      form: form(orgs.real!.id, "HAND-ok"),
    });
    expect(ok.status).toBe(302);
  });

  it("a contract recorded with a supplier before it was verified can still have other details changed", async () => {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: orgs.waiting!.id,
      reference: "LEGACY-1",
    });
    const params = { id: contract.id };
    const { suppliers, contract: read } = await jsonOf<Options & { contract: { version: string } }>(
      await callLoader(editLoader, { path: `/contracts/${contract.id}/edit`, params, cookie: officer }),
    );
    expect(suppliers.map((s) => s.id)).toContain(orgs.waiting!.id);
    expect(suppliers.map((s) => s.id)).not.toContain(orgs.lookAlike!.id);
    const response = await callAction(editAction, {
      path: `/contracts/${contract.id}/edit`,
      params,
      cookie: officer,
      form: { ...form(orgs.waiting!.id, "LEGACY-1"), title: "Renamed", version: read.version },
    });
    expect(response.status).toBe(302);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).title).toBe("Renamed");
  });
});

describe("changing a contract's supplier", () => {
  // a contract held by `supplier` with a commitment, registered as the form would leave it
  async function heldContract(reference: string) {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      reference,
      title: "Library refurbishment",
      department: "Communities",
      valueGbp: 850000,
      awardedOn: null,
      startDate: new Date("2026-04-01"),
      endDate: new Date("2027-03-31"),
      planReference: null,
    });
    const commitment = await createCommitment({ contractId: contract.id, measureId, targetQuantity: 20 });
    return { contract, commitment };
  }
  const supplierOf = async (id: string) =>
    (await db.contract.findUniqueOrThrow({ where: { id } })).supplierOrganisationId;
  // sent from a form read just now: it carries the contract's current version
  const edit = async (contractId: string, values: Record<string, string>) => {
    const { updatedAt } = await db.contract.findUniqueOrThrow({ where: { id: contractId } });
    return callAction(editAction, {
      path: `/contracts/${contractId}/edit`,
      params: { id: contractId },
      cookie: officer,
      form: { ...values, version: updatedAt.toISOString() },
    });
  };

  it("is allowed while the contract holds nothing from its supplier (a return not yet started)", async () => {
    const { contract } = await heldContract("NOV-0");
    await createReturn({ contractId: contract.id, status: "NOT_STARTED" });
    const response = await edit(contract.id, form(orgs.real!.id, "NOV-0"));
    expect(response.status).toBe(302);
    expect(await supplierOf(contract.id)).toBe(orgs.real!.id);
  });

  it("is refused once a return is started or a pledge is linked, explaining novation", async () => {
    const withReturn = await heldContract("NOV-1");
    await createReturn({ contractId: withReturn.contract.id, status: "DRAFT" });
    const withPledge = await heldContract("NOV-2");
    const request = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
    });
    await createPledge({
      requestId: request.id,
      supplierOrganisationId: world.supplier.id,
      commitmentId: withPledge.commitment.id,
    });
    for (const { contract } of [withReturn, withPledge]) {
      const response = await edit(contract.id, { ...form(orgs.real!.id, contract.reference), title: "New" });
      expect(response.status).toBe(400);
      const reply = await jsonOf<{ error: Record<string, string[]> }>(response);
      expect(reply.error.supplierOrganisationId).toEqual([
        expect.stringMatching(
          new RegExp(
            `^The supplier cannot change: this contract already has returns or marketplace pledges from ${world.supplier.name}.*register a new contract for the new supplier`,
          ),
        ),
      ]);
      const after = await db.contract.findUniqueOrThrow({ where: { id: contract.id } });
      expect(after).toMatchObject({
        supplierOrganisationId: world.supplier.id,
        title: "Library refurbishment",
      });
      // other details still change when the supplier stays
      expect(
        (await edit(contract.id, { ...form(world.supplier.id, contract.reference), title: "New" })).status,
      ).toBe(302);
    }
  });

  it("the form says why and offers no other supplier once it is fixed", async () => {
    const { contract } = await heldContract("NOV-3");
    await createReturn({ contractId: contract.id, status: "ACCEPTED" });
    const page = await jsonOf<Options & { contract: { supplierFixed: boolean } }>(
      await callLoader(editLoader, {
        path: `/contracts/${contract.id}/edit`,
        params: { id: contract.id },
        cookie: officer,
      }),
    );
    expect(page.contract.supplierFixed).toBe(true);
    expect(page.suppliers.map((s) => s.id)).toEqual([world.supplier.id]);
  });

  it("the CSV import reports it as a row error and changes nothing", async () => {
    const { contract } = await heldContract("NOV-4");
    await createReturn({ contractId: contract.id, status: "SUBMITTED" });
    const row = (companyNumber: string) =>
      [
        HEADER,
        `NOV-4,Library refurbishment,${companyNumber},,Communities,,850000,,2026-04-01,2027-03-31,,Active,,,,,`,
      ]
        .join("\n")
        .concat("\n");
    const supplierNumber = (await db.organisation.findUniqueOrThrow({ where: { id: world.supplier.id } }))
      .companyNumber!;
    const preview = await previewImport(world.councilA.id, row("07000001"));
    expect(preview.errors).toEqual([
      {
        line: 2,
        column: "supplier_company_number",
        message: expect.stringMatching(/^The supplier cannot change: .*\(novation\)/),
      },
    ]);
    expect((await applyImport(actor, row("07000001"))).ok).toBe(false);
    expect(await supplierOf(contract.id)).toBe(world.supplier.id);
    // the same supplier is fine
    expect((await previewImport(world.councilA.id, row(supplierNumber))).errors).toEqual([]);
  });

  it("the CSV import may still change the supplier of a contract holding nothing from it", async () => {
    const { contract } = await heldContract("NOV-5");
    const file = [
      HEADER,
      `NOV-5,Library refurbishment,07000001,,Communities,,850000,,2026-04-01,2027-03-31,,Active,,,,,`,
    ]
      .join("\n")
      .concat("\n");
    const result = await applyImport(actor, file);
    expect(result.ok && result.plan.counts.changed).toBe(1);
    expect(await supplierOf(contract.id)).toBe(orgs.real!.id);
  });
});
