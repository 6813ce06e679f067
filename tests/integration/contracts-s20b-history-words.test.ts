// A contract's history of changes, and the table shown when a colleague saved first, showed the values as stored:
// "Status ACTIVE → TERMINATED", "Value (£) 1500000.00 → 2000000.00", "Termination date 2026-12-01", a plan of
// "Q1 2026/27: 1500.00". They now read as the rest of the page does: "Active", "£2,000,000.00", "1 December 2026",
// "1,500". What is stored in the history is unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { readableValue } from "~/domain/contracts/history.ts";
import { createContract, createMeasure } from "../helpers/factories.ts";
import { postPage, renderPage } from "../helpers/render-page.ts";
import { type ContractsWorld, createContractsWorld, formOf } from "./contracts-world.ts";
import { newContractForm } from "../helpers/contract-forms.ts";

let w: ContractsWorld;

const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

const contract = () =>
  newContractForm(w.supplier.id, {
    reference: "WORDS-1",
    title: "Highways",
    valueGbp: "£1,500,000",
    awardedOn: "2026-03-01",
  });

beforeAll(async () => {
  w = await createContractsWorld();
});

describe("the values a contract page shows for its changes", () => {
  it("are in words and figures in the history, the colleague's-change table and the stored entry stays raw", async () => {
    const registered = await postPage("/contracts/new", formOf(contract()), w.officer);
    expect(registered.status).toBe(302);
    const id = registered.headers.get("location")!.split("/").pop()!;
    const read = await db.contract.findUniqueOrThrow({ where: { id } });
    const version = read.updatedAt.toISOString();
    const edited = await postPage(
      `/contracts/${id}/edit`,
      formOf({
        ...contract(),
        valueGbp: "2000000",
        status: "TERMINATED",
        terminatedOn: "2026-12-01",
        version,
      }),
      w.officer,
    );
    expect(edited.status).toBe(302);
    const hours = await createMeasure({ councilId: w.councilA.id, unit: "HOURS", code: "WORDS-H" });
    const added = await postPage(
      `/contracts/${id}/commitments/new`,
      formOf({
        intent: "save",
        measureId: hours.id,
        targetQuantity: "1500",
        "plan[0].quarter": "2026-1",
        "plan[0].quantity": "1500",
      }),
      w.officer,
    );
    expect(added.status).toBe(302);

    const page = text(await (await renderPage(`/contracts/${id}`, w.officer)).text());
    const history = page.slice(page.indexOf("History of changes"));
    expect(history).toContain("Value (£) £1,500,000.00 £2,000,000.00");
    expect(history).toContain("Status Active Terminated");
    expect(history).toContain("Termination date Not given 1 December 2026");
    expect(history).toContain("Award date Not given 1 March 2026");
    expect(history).toContain("Target Not given 1,500");
    expect(history).toContain("Quarterly plan Not given Q1 2026/27: 1,500");
    expect(history).not.toMatch(/ACTIVE|TERMINATED|2026-12-01|1500000\.00|1500\.00/);

    // the audit entry keeps the values as stored
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "contract.update" } });
    expect((entry.details as { changes: object[] }).changes).toContainEqual({
      field: "status",
      label: "Status",
      from: "ACTIVE",
      to: "TERMINATED",
    });

    // a colleague's form read before the edit: what is saved now, beside the answers, in the same words
    const stale = await postPage(`/contracts/${id}/edit`, formOf({ ...contract(), version }), w.admin);
    expect(stale.status).toBe(409);
    const notice = text(await stale.text());
    const table = notice.slice(notice.indexOf("Saved now, and your answers"));
    expect(table).toContain("Value (£) £2,000,000.00 £1,500,000.00");
    expect(table).toContain("Status Terminated Active");
    expect(table).toContain("Termination date 1 December 2026 Not given");
  });

  it("are in words and figures in the import's preview", async () => {
    await db.organisation.update({ where: { id: w.supplier.id }, data: { companyNumber: "06543210" } });
    await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
      reference: "WORDS-2",
      title: "Parks",
      department: "Parks",
      valueGbp: 2_000_000,
      startDate: new Date("2026-04-01"),
      endDate: new Date("2028-03-31"),
      status: "TERMINATED",
      terminatedOn: new Date("2026-12-01"),
    });
    const csv = [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date,status",
      'WORDS-2,Parks,06543210,Parks,"£2,500,000",2026-04-01,2028-03-31,Active',
    ].join("\n");
    const form = new FormData();
    form.append("intent", "preview");
    form.append("file", new File([csv], "contracts.csv", { type: "text/csv" }));
    const preview = text(await (await postPage("/contracts/import", form, w.officer)).text());
    expect(preview).toContain("Value (£) : £2,000,000.00 → £2,500,000.00");
    expect(preview).toContain("Status : Terminated → Active");
    expect(preview).toContain("Termination date : 1 December 2026 → Not given");
  });

  it("leaves a value it does not recognise as it is", () => {
    expect(readableValue("status", "SOMETHING")).toBe("SOMETHING");
    expect(readableValue("startDate", "not a date")).toBe("not a date");
    expect(readableValue("narrative", "2026-04-01")).toBe("2026-04-01");
    expect(readableValue("proxyValueGbp", "14.50")).toBe("£14.50");
    expect(readableValue("plan", "Q1 2026/27: 1250.50; Q2 2026/27: 10.00")).toBe(
      "Q1 2026/27: 1,250.5; Q2 2026/27: 10",
    );
    expect(readableValue("valueGbp", null)).toBeNull();
  });
});
