// "Contracts awarded in the last 12 months" and the contracts list it links to count a contract awarded today
// from the first moment of today in London: between 00:00 and 01:00 on a summer night (23:00-00:00 UTC), today's
// awards were left out of both, as the day's date was compared with the moment in UTC.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { awardedWithCommitments } from "~/domain/reporting/dashboard-council.server.ts";
import { awardedContractsList, createAwardedWorld } from "./oversight-world.ts";

let w: Awaited<ReturnType<typeof createAwardedWorld>>;

beforeAll(async () => {
  w = await createAwardedWorld();
  await w.contract({
    awardedOn: new Date("2026-07-01"),
    startDate: new Date("2026-07-01"),
    endDate: new Date("2028-06-30"),
  });
});

afterEach(() => vi.useRealTimers());

describe("a contract awarded today, at 00:30 on a summer night in London", () => {
  it("counts on the dashboard and shows in the list it links to", async () => {
    const now = new Date("2026-06-30T23:30:00Z"); // 00:30 on 1 July in London
    const awarded = await awardedWithCommitments(w.council.id, now);
    expect(awarded.total).toBe(1);
    vi.useFakeTimers({ toFake: ["Date"], now });
    const list = await awardedContractsList(w.cookie, awarded.since);
    expect(list.total).toBe(1);
  });
});
