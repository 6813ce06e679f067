import { afterEach, describe, expect, it, vi } from "vitest";
import { cached, clearDashboardCache } from "~/domain/reporting/dashboard-cache.server.ts";

afterEach(() => {
  clearDashboardCache();
  vi.useRealTimers();
});

describe("dashboard cache", () => {
  it("lets concurrent viewers share one computation", async () => {
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 10));
      return { total: runs };
    };
    const results = await Promise.all(Array.from({ length: 50 }, () => cached("k", compute, 60_000)));
    expect(runs).toBe(1);
    expect(new Set(results.map((r) => r.total))).toEqual(new Set([1]));
  });

  it("serves the last value while a stale one is refreshed, then the fresh one", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let value = 1;
    const compute = async () => value;
    expect(await cached("k", compute, 1000)).toBe(1);
    value = 2;
    expect(await cached("k", compute, 1000)).toBe(1); // still fresh
    vi.setSystemTime(Date.now() + 1500);
    expect(await cached("k", compute, 1000)).toBe(1); // stale: served while refreshing
    await Promise.resolve();
    await Promise.resolve();
    expect(await cached("k", compute, 1000)).toBe(2);
  });

  it("does not remember a failure", async () => {
    await expect(cached("k", async () => Promise.reject(new Error("db down")), 1000)).rejects.toThrow(
      "db down",
    );
    expect(await cached("k", async () => 3, 1000)).toBe(3);
  });

  it("computes every time when caching is off", async () => {
    let runs = 0;
    await cached("k", async () => ++runs, 0);
    await cached("k", async () => ++runs, 0);
    expect(runs).toBe(2);
  });
});

describe("dashboard cache on a quiet page", () => {
  it("never serves figures two lifetimes old: the first viewer after a quiet spell waits for fresh ones", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let value = 1;
    const compute = async () => value;
    expect(await cached("quiet", compute, 1000)).toBe(1);
    value = 2;
    // a night with nobody asking
    vi.setSystemTime(Date.now() + 8 * 3_600_000);
    expect(await cached("quiet", compute, 1000)).toBe(2);
  });

  it("shares the one fresh computation among viewers arriving together after a quiet spell", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let runs = 0;
    const compute = async () => ++runs;
    await cached("quiet", compute, 1000);
    vi.setSystemTime(Date.now() + 5000);
    const answers = await Promise.all([cached("quiet", compute, 1000), cached("quiet", compute, 1000)]);
    expect(answers).toEqual([2, 2]);
    expect(runs).toBe(2);
  });
});
