// The impact page and its open data share their figures for a minute, served while fresh ones are worked out
// (the dashboard cache). That cache keeps a copy until someone next asks, so on a quiet public page the first
// visitor of the morning got the figures of the night before; a daily open-data download, the only one asking,
// always got the day before's figures, and its `generatedAt` said they were worked out as it was sent. Figures
// are now never served more than two lifetimes old, and `generatedAt` is when they were worked out.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPledge, createRequest, createWorld } from "../helpers/factories.ts";
import { callLoader } from "../helpers/routes.ts";
import { importImpactRoutes, type ImpactRoutes } from "../helpers/shared-cache.ts";

let impact: ImpactRoutes;
let world: Awaited<ReturnType<typeof createWorld>>;
let requestId: string;

const MINUTE = 60_000;
const start = new Date("2026-11-30T20:00:00Z");

beforeAll(async () => {
  impact = await importImpactRoutes();
  world = await createWorld();
  const request = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "PARTIALLY_PLEDGED",
    quantity: 100,
  });
  requestId = request.id;
  await confirmed(10);
});

afterEach(() => {
  vi.useRealTimers();
});

const confirmed = (quantity: number) =>
  createPledge({ requestId, supplierOrganisationId: world.supplier.id, quantity, status: "CONFIRMED" });

const at = (time: Date) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(time);
};

type OpenData = { generatedAt: string; records: { quantity: number }[] };
const openData = async () =>
  (await (await callLoader(impact.jsonLoader, { path: "/impact/data.json" })).json()) as OpenData;
const total = (data: OpenData) => data.records.reduce((sum, r) => sum + r.quantity, 0);
const csvTotal = async () => {
  const text = await (await callLoader(impact.csvLoader, { path: "/impact/data.csv" })).text();
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .reduce((sum, line) => sum + Number(line.split(",").at(-1)), 0);
};
const pageTotal = async () => {
  const { councils } = (await (await callLoader(impact.pageLoader, { path: "/impact" })).json()) as {
    councils: { byHelpType: { quantity: number }[] }[];
  };
  return councils.flatMap((c) => c.byHelpType).reduce((sum, h) => sum + h.quantity, 0);
};

describe("the public impact figures after a quiet night", () => {
  it("are worked out again for the first visitor of the morning, and say when they were", async () => {
    at(start);
    expect(total(await openData())).toBe(10);
    expect(await csvTotal()).toBe(10);
    expect(await pageTotal()).toBe(10);

    // confirmed in the evening, after the last visitor
    await confirmed(5);

    const morning = new Date(start.getTime() + 12 * 60 * MINUTE);
    at(morning);
    const data = await openData();
    expect(total(data)).toBe(15);
    expect(data.generatedAt).toBe(morning.toISOString());
    expect(await csvTotal()).toBe(15);
    expect(await pageTotal()).toBe(15);
  });

  it("are shared within the minute, dated when they were worked out, not when they are sent", async () => {
    const morning = new Date(start.getTime() + 12 * 60 * MINUTE);
    at(new Date(morning.getTime() + 30_000));
    expect((await openData()).generatedAt).toBe(morning.toISOString());
  });
});
