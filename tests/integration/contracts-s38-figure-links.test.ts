// Figures with the records behind them one link away. The measure library counted each measure's commitments with
// no way to the contracts they are on (the contracts list could already be narrowed to one measure, but only the
// dashboard linked to it, and said "from the dashboard" wherever it was reached from). A supplier's contract page
// showed what had been delivered to date with no way to the quarterly returns it is counted from.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCommitment,
  createContract,
  createMeasure,
  createReturn,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { type ContractsWorld, createContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let measure: { id: string; code: string };
let unused: { id: string; code: string };
let contracts: { id: string; reference: string }[];
let other: { id: string; reference: string };
let supplier: string;
let returnId: string;
let otherReturnId: string;

beforeAll(async () => {
  w = await createContractsWorld();
  supplier = await sessionCookieFor(w.users.supplierOwner.id);
  measure = await createMeasure({ councilId: w.councilA.id, code: unique("S38-M").slice(0, 20) });
  unused = await createMeasure({ councilId: w.councilA.id, code: unique("S38-U").slice(0, 20) });
  contracts = [];
  for (const name of ["S38-LINK-A", "S38-LINK-B"]) {
    const contract = await createContract({
      councilId: w.councilA.id,
      supplierOrganisationId: w.supplier.id,
      reference: unique(name),
    });
    await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: 10 });
    contracts.push(contract);
  }
  other = await createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    reference: unique("S38-LINK-OTHER"),
  });
  returnId = (await createReturn({ contractId: contracts[0]!.id, financialYear: 2025, quarter: 2 })).id;
  otherReturnId = (await createReturn({ contractId: other.id, financialYear: 2025, quarter: 2 })).id;
});

async function html(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status, location).toBe(200);
  return (await response.text()).replace(/<!-- -->/g, "");
}

// the href of the main content's link whose text (tags dropped) is `text`
function hrefOf(page: string, text: string | RegExp) {
  const main = page.slice(page.indexOf("<main"));
  const link = [...main.matchAll(/<a [^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].find((m) => {
    const words = readableText(m[2]!).trim();
    return typeof text === "string" ? words === text : text.test(words);
  });
  return link?.[1]?.replace(/&amp;/g, "&") ?? null;
}

describe("the measure library", () => {
  it("links a measure's commitment count to the council's contracts with a commitment on it", async () => {
    for (const cookie of [w.officer, w.admin]) {
      const page = await html("/council/measures", cookie);
      const href = hrefOf(page, `2 contracts with a commitment on ${measure.code}`);
      expect(href).toBe(`/contracts?measure=${measure.id}&council=${w.councilA.id}`);
      const list = readableText(await html(href!, cookie));
      for (const c of contracts) expect(list).toContain(c.reference);
      expect(list).not.toContain(other.reference);
      expect(list).toContain(`Only contracts with a commitment on ${measure.code}`);
      // reached from the library, not the dashboard
      expect(list).not.toContain("from the dashboard");
    }
  });

  it("shows a measure no commitment uses as a plain 0", async () => {
    const page = await html("/council/measures", w.officer);
    expect(hrefOf(page, new RegExp(`on ${unused.code}$`))).toBeNull();
  });
});

describe("a supplier's contract page", () => {
  it("links to the supplier's own quarterly returns for that contract, and only those", async () => {
    const page = await html(`/contracts/${contracts[0]!.id}`, supplier);
    const href = hrefOf(page, "Your quarterly returns for this contract");
    expect(href).toBe(`/returns?contract=${contracts[0]!.id}`);
    const list = await html(href!, supplier);
    expect(list).toContain(`href="/returns/${returnId}"`);
    expect(list).not.toContain(`href="/returns/${otherReturnId}"`);
  });
});
