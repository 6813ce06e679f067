// The contracts list reached from a dashboard figure (no award date, valued in local £, one measure) offered
// "See all contracts" beside that figure's filter: it went to /contracts, dropping the department, status or
// search the officer had chosen since. Each link now takes off only the dashboard's filter, keeping the rest.
import { beforeAll, describe, expect, it } from "vitest";
import { createCommitment, createContract, createMeasure, unique } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createContractsWorld, type ContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let measureId: string;
const department = unique("Parks");

beforeAll(async () => {
  w = await createContractsWorld();
  const measure = await createMeasure({ councilId: w.councilA.id });
  measureId = measure.id;
  const contract = await createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    department,
    awardedOn: null,
  });
  await createCommitment({ contractId: contract.id, measureId, targetQuantity: 10 });
});

/** The href of the link with this text, as the page renders it. */
async function linkOn(search: string, text: string) {
  const response = await renderPage(`/contracts?${search}`, w.officer);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(readableMainText(html)).toContain(text);
  const href = new RegExp(`<a[^>]*href="([^"]*)"[^>]*>\\s*${text}\\s*</a>`).exec(html)?.[1];
  expect(href, text).toBeDefined();
  return href!.replaceAll("&amp;", "&");
}

const chosen = `department=${encodeURIComponent(department)}&status=ACTIVE&q=Highways`;

describe("a dashboard filter's link on the contracts list", () => {
  it("without an award date: takes off that filter only, keeping the officer's", async () => {
    const href = await linkOn(`awardDate=none&${chosen}&page=2`, "Show contracts whatever their award date");
    const params = new URL(href, "http://x").searchParams;
    expect(params.get("awardDate")).toBeNull();
    expect(params.get("department")).toBe(department);
    expect(params.get("status")).toBe("ACTIVE");
    expect(params.get("q")).toBe("Highways");
    // back to the first page: the list is longer without the filter
    expect(params.get("page")).toBeNull();
  });

  it("valued in local £: takes off that filter only", async () => {
    const href = await linkOn(
      `localValue=yes&awarded=yes&${chosen}`,
      "Include contracts with no commitment valued in local £",
    );
    const params = new URL(href, "http://x").searchParams;
    expect(params.get("localValue")).toBeNull();
    expect(params.get("awarded")).toBe("yes");
    expect(params.get("department")).toBe(department);
    expect(params.get("status")).toBe("ACTIVE");
  });

  it("one measure: takes off that filter only", async () => {
    const href = await linkOn(
      `measure=${measureId}&awarded=yes&${chosen}`,
      "Include contracts without this measure",
    );
    const params = new URL(href, "http://x").searchParams;
    expect(params.get("measure")).toBeNull();
    expect(params.get("awarded")).toBe("yes");
    expect(params.get("department")).toBe(department);
    expect(params.get("q")).toBe("Highways");
  });

  it("awarded since a date: takes off that filter only", async () => {
    const href = await linkOn(
      `awardedSince=2025-12-03&awarded=yes&${chosen}`,
      "Include contracts awarded before then",
    );
    const params = new URL(href, "http://x").searchParams;
    expect(params.get("awardedSince")).toBeNull();
    expect(params.get("awarded")).toBe("yes");
    expect(params.get("department")).toBe(department);
    expect(params.get("status")).toBe("ACTIVE");
  });

  it("no longer sends the officer to the whole list from these filters", async () => {
    const response = await renderPage(`/contracts?awardDate=none&${chosen}`, w.officer);
    expect(readableMainText(await response.text())).not.toContain("See all contracts");
  });
});
