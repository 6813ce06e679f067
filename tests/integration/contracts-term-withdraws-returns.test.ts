// An officer shortening a contract's term on its edit form, or by a CSV import: the returns never sent for the
// quarters it no longer covers go at once, not at the next morning's returns run (which withdraws them too, see
// returns-review-term-shortened.test.ts). Until then they stayed on the supplier's list of returns to complete.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/contracts.$id.edit.tsx";
import { action as importAction } from "~/routes/contracts.import.tsx";
import { createReturn, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { createReturnsWorld } from "./returns-world.ts";
import { contractEditForm } from "../helpers/contract-forms.ts";

const quarters = async (contractId: string) =>
  (
    await db.kpiReturn.findMany({
      where: { contractId },
      orderBy: { quarter: "asc" },
      select: { quarter: true, status: true },
    })
  ).map((r) => `Q${r.quarter} ${r.status}`);

describe("a contract's term shortened on its edit form", () => {
  it("withdraws the returns never sent for the quarters it drops, and keeps those sent", async () => {
    const w = await createReturnsWorld();
    await createReturn({ contractId: w.contract.id, financialYear: 2026, quarter: 2, status: "SUBMITTED" });
    await createReturn({ contractId: w.contract.id, financialYear: 2026, quarter: 3, status: "SUBMITTED" });
    await createReturn({ contractId: w.contract.id, financialYear: 2026, quarter: 4, status: "NOT_STARTED" });
    // the plan for January–March goes first, as the form asks
    await db.commitmentPlan.deleteMany({ where: { commitmentId: w.hoursCommitment.id, quarter: 4 } });
    await db.commitment.update({ where: { id: w.hoursCommitment.id }, data: { targetQuantity: 120 } });
    const contract = await db.contract.findUniqueOrThrow({ where: { id: w.contract.id } });

    const saved = await callAction(editAction, {
      path: `/contracts/${contract.id}/edit`,
      params: { id: contract.id },
      cookie: w.cookies.officerA,
      form: contractEditForm(contract, { startDate: "2026-04-01", endDate: "2026-12-31" }),
    });
    expect(saved.status).toBe(302);
    expect(await quarters(contract.id)).toEqual(["Q1 NOT_STARTED", "Q2 SUBMITTED", "Q3 SUBMITTED"]);
    expect(
      await db.auditLog.count({ where: { action: "return.withdraw", organisationId: w.councilA.id } }),
    ).toBe(1);
  });
});

describe("a contract's term shortened by a CSV import", () => {
  it("withdraws the returns never sent for the quarters it drops once the import is done", async () => {
    const w = await createReturnsWorld();
    await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber: "07654321" } });
    await createReturn({ contractId: w.contract.id, financialYear: 2026, quarter: 4, status: "DRAFT" });
    await db.commitmentPlan.deleteMany({ where: { commitmentId: w.hoursCommitment.id, quarter: 4 } });
    await db.commitment.update({ where: { id: w.hoursCommitment.id }, data: { targetQuantity: 120 } });
    const cookie = await sessionCookieFor(w.users.officerA.id);
    const file = [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date",
      `${w.contract.reference},${w.contract.title},07654321,"${w.contract.department}",1000000,2026-04-01,2026-12-31`,
    ].join("\n");
    const preview = new FormData();
    preview.append("intent", "preview");
    preview.append("file", new File([file], "contracts.csv", { type: "text/csv" }));
    const previewed = await callAction(importAction, { path: "/contracts/import", cookie, form: preview });
    const { upload, plan } = (await previewed.json()) as {
      upload: string;
      plan: { counts: object; errors: object[] };
    };
    expect(plan.errors).toEqual([]);
    expect(plan.counts).toMatchObject({ changed: 1 });

    const confirm = new FormData();
    confirm.append("intent", "import");
    confirm.append("upload", upload);
    const done = await callAction(importAction, { path: "/contracts/import", cookie, form: confirm });
    expect(done.status).toBe(302);
    // the January–March return is gone; the quarters still in the term keep theirs (the import also opens those
    // that have ended since the world's returns were made, which depends on today's date)
    const left = await quarters(w.contract.id);
    expect(left).toContain("Q1 NOT_STARTED");
    expect(left.filter((q) => q.startsWith("Q4"))).toEqual([]);
  });
});
