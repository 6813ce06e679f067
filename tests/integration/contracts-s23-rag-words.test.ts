// A commitment's status read "Behind" on the contract pages but "Red: Behind" on its return, the dashboards and
// the reports, and a qualitative commitment not reported was grey on one and orange on the other. PRODUCT.md §4:
// the RAG status is the same everywhere. The contract pages now say it in the same words and colours.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCommitment,
  createContract,
  createMeasure,
  createReturn,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let officer: string;
let supplier: string;
let contractId: string;
let returnId: string;

beforeAll(async () => {
  await renderPage("/");
  const w = await createWorld();
  officer = await sessionCookieFor(w.users.officerA.id);
  supplier = await sessionCookieFor(w.users.supplierOwner.id);
  const hours = await createMeasure({ councilId: w.councilA.id, name: "Mentoring hours", unit: "HOURS" });
  const words = await createMeasure({ councilId: w.councilA.id, name: "School visits", unit: "QUALITATIVE" });
  // every quarter has ended and nothing is delivered: red, whatever today is
  const contract = await createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    startDate: new Date("2024-04-01"),
    endDate: new Date("2025-03-31"),
  });
  contractId = contract.id;
  await createCommitment({
    contractId,
    measureId: hours.id,
    targetQuantity: 160,
    plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2024, quarter, targetQuantity: 40 })),
  });
  await createCommitment({ contractId, measureId: words.id, qualitativeText: "Visit two schools a term" });
  returnId = (await createReturn({ contractId, financialYear: 2024, quarter: 4 })).id;
});

/** The status cell's tag of a row: its words and its colour class. */
function statusOf(html: string, measureName: string) {
  const row = html.split("<tr").find((r) => r.includes(measureName) && r.includes("</td>"))!;
  const tags = [...row.matchAll(/<strong class="([^"]*)"[^>]*>(.*?)<\/strong>/g)];
  const tag = tags.at(-1)!;
  return { words: readableText(tag[2]!).trim(), colour: /\bbg-[\w-]+/.exec(tag[1]!)?.[0] };
}

describe("a commitment's status", () => {
  it("is said and coloured alike on the contract pages and its return", async () => {
    const pages = await Promise.all(
      [
        [`/returns/${returnId}`, supplier],
        [`/contracts/${contractId}`, officer],
        [`/contracts/${contractId}`, supplier],
        ["/contracts", supplier],
      ].map(async ([path, cookie]) => (await renderPage(path!, cookie)).text()),
    );
    const [onReturn, ...onContractPages] = pages.map((html) => ({
      hours: statusOf(html, "Mentoring hours"),
      words: statusOf(html, "School visits"),
    }));
    expect(onReturn!.hours.words).toBe("Red: Behind");
    // the 2024/25 Q4 return is overdue and says nothing of it (session 57: as numeric figures say it)
    expect(onReturn!.words.words).toBe("Not reported (overdue)");
    for (const page of onContractPages) expect(page).toEqual(onReturn);
  });
});
