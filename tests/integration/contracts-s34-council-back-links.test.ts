// A council officer who also works for a supplier (joined first) followed the links back to the lists from the
// council's own pages (a contract's page, registering or importing contracts, a return's page and its review) and
// landed on the supplier's contracts or returns: those links, and the import's redirect, now name the council,
// as the dashboard's do (decision 027). The supplier's view of a contract keeps its plain links.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  createCommitment,
  createContract,
  createCouncil,
  createMeasure,
  createMember,
  createOfficerAlsoSupplier,
  createOrganisation,
  createReturn,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let councilName: string;
let councilId: string;
let officerId: string;
let contractorOwnerId: string;
let contract: { id: string; reference: string };
let returnId: string;
let submittedReturnId: string;
let supplierContractReference: string;
let supplierName: string;
const companyNumber = `S34${String(Date.now()).slice(-5)}`;

beforeAll(async () => {
  councilName = unique("Back Links Council");
  supplierName = unique("Back Links Officer Own Ltd");
  const otherCouncil = await createCouncil();
  // the officer's own supplier (registered with the other council), joined first, is the organisation plain
  // /contracts and /returns act for
  const { council, supplier, officer } = await createOfficerAlsoSupplier({
    councilName,
    supplierName,
    supplierCouncilId: otherCouncil.id,
  });
  councilId = council.id;
  officerId = officer.id;
  supplierContractReference = unique("BACK-SUPPLIER-OWN");
  await createContract({
    councilId: otherCouncil.id,
    supplierOrganisationId: supplier.id,
    reference: supplierContractReference,
  });
  const contractor = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  await db.organisation.update({ where: { id: contractor.id }, data: { companyNumber } });
  contractorOwnerId = (await createMember(contractor.id, "OWNER")).id;
  const measure = await createMeasure({ councilId: council.id });
  contract = await createContract({
    councilId: council.id,
    supplierOrganisationId: contractor.id,
    reference: unique("BACK-COUNCIL-OWN"),
    startDate: new Date("2025-04-01"),
  });
  await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: 10 });
  returnId = (await createReturn({ contractId: contract.id, financialYear: 2025, quarter: 3 })).id;
  submittedReturnId = (
    await createReturn({ contractId: contract.id, financialYear: 2025, quarter: 4, status: "SUBMITTED" })
  ).id;
});

async function html(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status, location).toBe(200);
  return (await response.text()).replace(/<!-- -->/g, "");
}

// the href of the link with this text in the page's main content (the header's own links follow the switcher)
function hrefOf(page: string, text: string) {
  const main = page.slice(page.indexOf("<main"));
  const link = [...main.matchAll(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g)].find(
    (m) =>
      m[2]
        .replace(/<[^>]*>/g, "")
        .replace("‹", "")
        .trim() === text,
  );
  expect(link, text).toBeDefined();
  return link![1].replace(/&amp;/g, "&");
}

const councilList = () => `council=${councilId}`;

async function expectCouncilContracts(location: string, cookie: string) {
  const text = readableMainText(await html(location, cookie));
  expect(text, location).toContain(contract.reference);
  expect(text, location).not.toContain(supplierContractReference);
}

describe("the council's pages link back to the council's lists, for an officer who also works for a supplier", () => {
  it("from a contract's page: all contracts, and the contract's returns", async () => {
    const cookie = await sessionCookieFor(officerId);
    // plain /contracts is the supplier's list for this person
    expect(readableMainText(await html("/contracts", cookie))).toContain(supplierContractReference);
    const page = await html(`/contracts/${contract.id}`, cookie);
    const back = hrefOf(page, "All contracts");
    expect(back).toContain(councilList());
    await expectCouncilContracts(back, cookie);
    const returns = hrefOf(page, "Quarterly returns for this contract");
    expect(returns).toContain(councilList());
    const list = readableMainText(await html(returns, cookie));
    expect(list).toContain(councilName);
    expect(list).toContain(contract.reference);
    expect(list).not.toContain(supplierName);
  });

  it("from registering and importing contracts", async () => {
    const cookie = await sessionCookieFor(officerId);
    for (const location of ["/contracts/new", "/contracts/import"]) {
      const back = hrefOf(await html(location, cookie), "All contracts");
      expect(back, location).toBe(`/contracts?${councilList()}`);
      await expectCouncilContracts(back, cookie);
    }
  });

  it("after an import, and from its preview's Cancel", async () => {
    const cookie = await sessionCookieFor(officerId);
    const reference = unique("BACK-IMPORTED");
    const csv = [
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date",
      `${reference},Imported works,${companyNumber},Resources,1000,2026-04-01,2027-03-31`,
    ].join("\n");
    const preview = new FormData();
    preview.append("intent", "preview");
    preview.append("file", new File([csv], "contracts.csv", { type: "text/csv" }));
    const previewed = await postPage("/contracts/import", preview, cookie);
    expect(previewed.status).toBe(200);
    const previewHtml = (await previewed.text()).replace(/<!-- -->/g, "");
    expect(hrefOf(previewHtml, "Cancel")).toBe(`/contracts?${councilList()}`);
    const upload = /name="upload" value="([^"]+)"/.exec(previewHtml)?.[1];
    expect(upload).toBeDefined();
    const confirm = new FormData();
    confirm.append("intent", "import");
    confirm.append("upload", upload!);
    const imported = await postPage("/contracts/import", confirm, cookie);
    expect(imported.status).toBe(302);
    const location = imported.headers.get("Location")!;
    expect(location).toBe(`/contracts?${councilList()}`);
    const text = readableMainText(await html(location, cookie));
    expect(text).toContain(reference);
    expect(text).not.toContain(supplierContractReference);
  });

  it("from a return's page and its review", async () => {
    const cookie = await sessionCookieFor(officerId);
    for (const location of [`/returns/${returnId}`, `/returns/${submittedReturnId}/review`]) {
      const back = hrefOf(await html(location, cookie), "Quarterly returns");
      expect(back, location).toContain(councilList());
      const list = readableMainText(await html(back, cookie));
      expect(list, location).toContain(councilName);
      expect(list, location).not.toContain(supplierName);
    }
  });

  it("the supplier's own view of the contract and its return keeps the plain links", async () => {
    const cookie = await sessionCookieFor(contractorOwnerId);
    expect(hrefOf(await html(`/contracts/${contract.id}`, cookie), "All contracts")).toBe("/contracts");
    expect(hrefOf(await html(`/returns/${returnId}`, cookie), "Quarterly returns")).toBe("/returns");
  });
});
