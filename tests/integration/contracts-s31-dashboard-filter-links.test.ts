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

// each dashboard filter (its value read once the world is made), another of the dashboard's (awarded=yes) where it
// may go with one, and its link's words
const dashboardFilters: {
  filter: string;
  value: () => string;
  kept: Record<string, string>;
  link: string;
}[] = [
  { filter: "awardDate", value: () => "none", kept: {}, link: "Show contracts whatever their award date" },
  {
    filter: "localValue",
    value: () => "yes",
    kept: { awarded: "yes" },
    link: "Include contracts with no commitment valued in local £",
  },
  {
    filter: "measure",
    value: () => measureId,
    kept: { awarded: "yes" },
    link: "Include contracts without this measure",
  },
  {
    filter: "awardedSince",
    value: () => "2025-12-03",
    kept: { awarded: "yes" },
    link: "Include contracts awarded before then",
  },
];

describe("a dashboard filter's link on the contracts list", () => {
  it.each(dashboardFilters)(
    "$filter: takes off that filter only, keeping the officer's",
    async ({ filter, value, kept, link }) => {
      const others = new URLSearchParams(kept).toString();
      const href = await linkOn(`${filter}=${value()}&${others ? `${others}&` : ""}${chosen}&page=2`, link);
      const params = new URL(href, "http://x").searchParams;
      expect(params.get(filter)).toBeNull();
      for (const [name, keptValue] of Object.entries(kept)) expect(params.get(name)).toBe(keptValue);
      expect(params.get("department")).toBe(department);
      expect(params.get("status")).toBe("ACTIVE");
      expect(params.get("q")).toBe("Highways");
      // back to the first page: the list is longer without the filter
      expect(params.get("page")).toBeNull();
    },
  );

  it("no longer sends the officer to the whole list from these filters", async () => {
    const response = await renderPage(`/contracts?awardDate=none&${chosen}`, w.officer);
    expect(readableMainText(await response.text())).not.toContain("See all contracts");
  });
});
