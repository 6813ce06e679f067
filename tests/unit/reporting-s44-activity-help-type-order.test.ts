// The council dashboard's "Pledged and confirmed, by type of help" rows come in the help types' own order (as on
// the impact page and every form), whatever order the database hands the grouped rows back in.
import { describe, expect, it, vi } from "vitest";
import { HELP_TYPES } from "~/domain/marketplace/help-types.ts";

const grouped = vi.hoisted(() => ({
  rows: [] as { helpType: string; pledged: bigint; confirmed: bigint }[],
}));

vi.mock("~/db.server.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/db.server.ts")>();
  return {
    ...original,
    readRows: async (query: { text: string }) => {
      if (query.text.includes('r."helpType"')) return grouped.rows;
      if (query.text.includes("percentile_cont")) return [{ median: null, requests: 0n }];
      return [{ opened: 0n, fulfilled: 0n, expired: 0n }];
    },
  };
});

const { marketplaceActivity } = await import("~/domain/reporting/dashboard-council.server.ts");

const row = (helpType: string, pledged: number) => ({
  helpType,
  pledged: BigInt(pledged),
  confirmed: BigInt(pledged / 2),
});

describe("the council dashboard's pledged and confirmed by type of help", () => {
  const order = HELP_TYPES.map((h) => h.value);

  it.each([
    ["reversed", [...order].reverse()],
    ["as the QA saw it", ["WORK_PLACEMENT", "FUNDING", "VOLUNTEERING", "GOODS", "EXPERTISE"]],
    ["a few, out of order", ["FUNDING", "VOLUNTEERING"]],
  ])("lists the rows in the help types' order when the database gives them %s", async (_, given) => {
    grouped.rows = given.map((h, i) => row(h, (i + 1) * 10));
    const activity = await marketplaceActivity("council", new Date("2026-11-01T12:00:00Z"));
    expect(activity.byHelpType.map((r) => r.helpType)).toEqual(order.filter((h) => given.includes(h)));
    // each row keeps its own figures
    for (const r of activity.byHelpType) {
      const i = given.indexOf(r.helpType);
      expect(r).toEqual({ helpType: r.helpType, pledged: (i + 1) * 10, confirmed: ((i + 1) * 10) / 2 });
    }
  });
});
