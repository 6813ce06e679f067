// The public impact page offers its open data as "the figures on this page", but the page and the download kept
// separate shared copies, worked out at different moments: a pledge confirmed after a visitor opened the page was
// in the CSV and JSON they downloaded next, so the file disagreed with the page they had just read. The page's
// figures and the download now come from the one shared copy.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPledge, createRequest, createWorld } from "../helpers/factories.ts";
import { callLoader } from "../helpers/routes.ts";
import { importImpactRoutes, type ImpactRoutes } from "../helpers/shared-cache.ts";

let impact: ImpactRoutes;
let world: Awaited<ReturnType<typeof createWorld>>;
let requestId: string;

beforeAll(async () => {
  impact = await importImpactRoutes();
  world = await createWorld();
  requestId = (
    await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "PARTIALLY_PLEDGED",
      quantity: 100,
    })
  ).id;
  await confirmed(10);
});

afterEach(() => {
  vi.useRealTimers();
});

const confirmed = (quantity: number) =>
  createPledge({ requestId, supplierOrganisationId: world.supplier.id, quantity, status: "CONFIRMED" });

const pageTotal = async () => {
  const { councils } = (await (await callLoader(impact.pageLoader, { path: "/impact" })).json()) as {
    councils: { byHelpType: { quantity: number; pledges: number }[] }[];
  };
  return councils.flatMap((c) => c.byHelpType).reduce((sum, h) => sum + h.quantity, 0);
};
const jsonTotal = async () => {
  const data = (await (await callLoader(impact.jsonLoader, { path: "/impact/data.json" })).json()) as {
    records: { quantity: number }[];
  };
  return data.records.reduce((sum, r) => sum + r.quantity, 0);
};
const csvTotal = async () => {
  const text = await (await callLoader(impact.csvLoader, { path: "/impact/data.csv" })).text();
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .reduce((sum, line) => sum + Number(line.split(",").at(-1)), 0);
};

describe("the impact page's open data download", () => {
  it("holds the figures of the page just read, not ones worked out since", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-30T10:00:00Z"));
    expect(await pageTotal()).toBe(10);

    // confirmed while the visitor reads the page
    await confirmed(5);

    vi.setSystemTime(new Date("2026-11-30T10:00:20Z"));
    expect(await csvTotal()).toBe(10);
    expect(await jsonTotal()).toBe(10);
    expect(await pageTotal()).toBe(10);
  });
});
