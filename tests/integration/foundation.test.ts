import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as homeLoader } from "~/routes/_index.tsx";
import { createCategory, createCouncil, createOrganisation, createRequest } from "../helpers/factories.ts";
import { callLoader } from "../helpers/routes.ts";

describe("the database holds the rules", () => {
  it("rejects a request with a negative quantity", async () => {
    const council = await createCouncil();
    const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const category = await createCategory(council.id);
    await expect(
      createRequest({
        councilId: council.id,
        organisationId: vcse.id,
        categoryId: category.id,
        quantity: -3,
      }),
    ).rejects.toThrow(
      /violates check constraint "Request_(quantity_positive|pledgedQuantity_within_quantity)"/,
    );
  });

  it("rejects pledging more than a request needs", async () => {
    const council = await createCouncil();
    const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const category = await createCategory(council.id);
    const request = await createRequest({
      councilId: council.id,
      organisationId: vcse.id,
      categoryId: category.id,
      quantity: 10,
    });
    await expect(
      db.request.update({ where: { id: request.id }, data: { pledgedQuantity: 11 } }),
    ).rejects.toThrow(/Request_pledgedQuantity_within_quantity/);
  });

  it("keeps one KPI return per contract per quarter", async () => {
    const { createContract, createReturn } = await import("../helpers/factories.ts");
    const council = await createCouncil();
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const contract = await createContract({ councilId: council.id, supplierOrganisationId: supplier.id });
    await createReturn({ contractId: contract.id, financialYear: 2026, quarter: 1 });
    await expect(createReturn({ contractId: contract.id, financialYear: 2026, quarter: 1 })).rejects.toThrow(
      /Unique constraint/,
    );
  });
  it("keeps blank narratives out of return lines, so a qualitative quarter is reported only with words", async () => {
    const { createCommitment, createContract, createMeasure, createReturn } =
      await import("../helpers/factories.ts");
    const council = await createCouncil();
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const contract = await createContract({ councilId: council.id, supplierOrganisationId: supplier.id });
    const measure = await createMeasure({ councilId: council.id, unit: "QUALITATIVE" });
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId: measure.id,
      qualitativeText: "Careers talks",
    });
    const kpiReturn = await createReturn({ contractId: contract.id });
    const line = (narrative: string) =>
      db.kpiReturnLine.create({ data: { returnId: kpiReturn.id, commitmentId: commitment.id, narrative } });
    await expect(line(" \t\n ")).rejects.toThrow(/KpiReturnLine_narrative_has_text/);
    await expect(line("  Two school visits ")).resolves.toMatchObject({ narrative: "  Two school visits " });
  });
});

describe("home page", () => {
  it("lists the newest open requests and no drafts", async () => {
    const council = await createCouncil();
    const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const category = await createCategory(council.id);
    await createRequest({
      councilId: council.id,
      organisationId: vcse.id,
      categoryId: category.id,
      title: "Open need",
    });
    await createRequest({
      councilId: council.id,
      organisationId: vcse.id,
      categoryId: category.id,
      title: "Secret draft",
      status: "DRAFT",
    });
    const response = await callLoader(homeLoader, { path: "/" });
    const body = await response.text();
    expect(body).toContain("Open need");
    expect(body).not.toContain("Secret draft");
  });
});

describe("the NUL character", () => {
  it("is dropped from text and search parameters instead of failing the query", async () => {
    const { createUser } = await import("../helpers/factories.ts");
    const user = await createUser({ name: "Ann\u0000 Smith" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Ann Smith");
    const rows = await db.$queryRaw<{ q: string }[]>`select ${"lap\u0000tops"}::text as q`;
    expect(rows[0].q).toBe("laptops");
    const saved = await db.auditLog.create({
      data: { action: "test", entityType: "Test", details: { q: "a\u0000b" } },
    });
    expect(saved.details).toEqual({ q: "ab" });
  });
});
