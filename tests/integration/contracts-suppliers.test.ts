// Only a verified supplier can be recorded against a contract, by hand or by CSV import: it then sees the
// contract, its returns and evidence. Company numbers are not unique on the portal, so a pending look-alike
// must never be picked, and a number two verified suppliers share is a problem for a person to resolve.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { action as editAction, loader as editLoader } from "~/routes/contracts.$id.edit.tsx";
import { action as newAction, loader as newLoader } from "~/routes/contracts.new/route.tsx";
import {
  createContract,
  createMeasure,
  createOrganisation,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status,measure_code,target_quantity,delivery_plan,qualitative_commitment,narrative";

let world: Awaited<ReturnType<typeof createWorld>>;
let actor: { councilId: string; actorUserId: string; ipAddress: string | null };
let officer: string;
const orgs: Record<string, { id: string; name: string }> = {};

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
  await createMeasure({ councilId: world.councilA.id, code: "SOC-01" });
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

describe("registering a contract by hand", () => {
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
    const { suppliers } = await jsonOf<Options>(
      await callLoader(editLoader, { path: `/contracts/${contract.id}/edit`, params, cookie: officer }),
    );
    expect(suppliers.map((s) => s.id)).toContain(orgs.waiting!.id);
    expect(suppliers.map((s) => s.id)).not.toContain(orgs.lookAlike!.id);
    const response = await callAction(editAction, {
      path: `/contracts/${contract.id}/edit`,
      params,
      cookie: officer,
      form: { ...form(orgs.waiting!.id, "LEGACY-1"), title: "Renamed" },
    });
    expect(response.status).toBe(302);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).title).toBe("Renamed");
  });
});
