// An officer on a contract's page saw its commitments "Red: Behind" with no way from there to the quarterly returns
// their delivery is counted from: the returns list could be narrowed to one contract, but only the dashboard
// linked to it. The contract page now links to its returns; the supplier's page links to the supplier's own
// returns for the contract instead (session 38: contracts-s38-figure-links.test.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { createContract, createReturn } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { createReturnsWorld } from "./returns-world.ts";

let w: Awaited<ReturnType<typeof createReturnsWorld>>;
let otherReturnId: string;

beforeAll(async () => {
  await renderPage("/");
  w = await createReturnsWorld();
  const other = await createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    reference: `OTHER-${Date.now()}`,
  });
  otherReturnId = (await createReturn({ contractId: other.id })).id;
});

describe("a contract's page", () => {
  it("links an officer to that contract's quarterly returns, and only those", async () => {
    const html = await (await renderPage(`/contracts/${w.contract.id}`, w.cookies.officerA)).text();
    const href = /<a[^>]*href="([^"]+)"[^>]*>Quarterly returns for this contract<\/a>/
      .exec(html)?.[1]
      ?.replace(/&amp;/g, "&");
    expect(href).toBe(`/returns?queue=all&contract=${w.contract.id}&council=${w.councilA.id}`);

    const list = await (await renderPage(href!, w.cookies.officerA)).text();
    // the list was opened for the council, so its returns' links name it too
    expect(list).toContain(`href="/returns/${w.kpiReturn.id}?council=${w.councilA.id}"`);
    expect(list).not.toContain(`/returns/${otherReturnId}`);
    expect(readableText(list)).toContain("NCC-2401");
  });

  it("gives the supplier no link to the council's returns queue", async () => {
    const html = await (await renderPage(`/contracts/${w.contract.id}`, w.cookies.supplierOwner)).text();
    expect(html).not.toContain("Quarterly returns for this contract");
    expect(html).not.toContain("queue=all");
  });
});
