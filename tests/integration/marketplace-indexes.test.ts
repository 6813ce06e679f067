// The public list's queries must stay able to use the partial indexes built for them (open requests only).
// A change that stops the status condition matching an index predicate (an enum parameter instead of the
// literal, say) would still pass every other test and silently read the whole table on real data.
// The test tables are too small for the planner to choose an index on its own, so within a rolled-back
// transaction sequential scans are priced out and every other index on "Request" is dropped: if the query
// can use its index, the plan names it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "~/db.server.ts";
import { listQueries } from "~/domain/marketplace/search.server.ts";
import type { SearchFilters } from "~/domain/marketplace/schemas.ts";
import { planWithOnlyIndex } from "../helpers/explain.ts";
import { createWorld } from "../helpers/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  world = await createWorld();
});

async function indexesUsed(query: Prisma.Sql, index: string) {
  return [...(await planWithOnlyIndex(query, index)).matchAll(/"Index Name":"([^"]+)"/g)].map((m) => m[1]);
}

describe("the public list's queries use the open-request indexes", () => {
  const cases: [string, () => SearchFilters, string][] = [
    ["newest first", () => ({}), "Request_open_published_idx"],
    ["closing soon", () => ({ sort: "closing" }), "Request_open_neededBy_idx"],
    [
      "one council, newest first",
      () => ({ council: world.councilA.id }),
      "Request_open_council_published_idx",
    ],
    [
      "one council, closing soon",
      () => ({ council: world.councilA.id, sort: "closing" }),
      "Request_open_council_neededBy_idx",
    ],
  ];
  it.each(cases)("%s", async (_name, filters, index) => {
    const queries = listQueries(filters());
    if (queries.kind !== "list") throw new Error("expected the plain list");
    expect(await indexesUsed(queries.rows, index)).toContain(index);
  });

  it("counts a filtered list from the filters index alone (an index-only scan)", async () => {
    const index = "Request_open_filters_idx";
    const filters: SearchFilters[] = [
      { council: world.councilA.id, helpType: "GOODS" },
      { helpType: "FUNDING", remote: "1" },
      { category: world.category.id, district: world.district.id },
      { council: world.councilA.id, closingBefore: "2027-01-31" },
    ];
    for (const f of filters) {
      const queries = listQueries(f);
      if (queries.kind !== "list") throw new Error("expected the plain list");
      const plan = await planWithOnlyIndex(queries.count, index, { bitmapScans: false });
      expect(plan).toContain(`"Node Type":"Index Only Scan"`);
      expect(plan).toContain(`"Index Name":"${index}"`);
    }
  });

  it("a search, ranked or by date", async () => {
    for (const sort of [undefined, "newest", "closing"] as const) {
      const queries = listQueries({ q: "garden volunteers", sort });
      if (queries.kind === "list") throw new Error("expected a search");
      const index = "Request_open_searchVector_idx";
      expect(await indexesUsed(queries.search, index)).toContain(index);
      expect(await indexesUsed(queries.count, index)).toContain(index);
    }
  });

  // decision 046 and its addendum: a ranked search ranks each match as it reads it, and is counted apart, up to the cap
  type Node = { "Node Type": string; "Parent Relationship"?: string; "Index Name"?: string; Plans?: Node[] };
  const planOf = async (query: Prisma.Sql, index: string, options?: { bitmapScans: boolean }) =>
    (JSON.parse(await planWithOnlyIndex(query, index, options)) as [{ Plan: Node }])[0].Plan;
  const nodes = (node: Node): Node[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

  it("ranks a search's matches as it reads them, and counts them apart, stopping at the cap", async () => {
    const queries = listQueries({ q: "garden volunteers" });
    if (queries.kind !== "ranked") throw new Error("expected a ranked search");
    const index = "Request_open_searchVector_idx";
    const ranking = nodes(await planOf(queries.search, index));
    expect(ranking.map((n) => n["Node Type"])).not.toContain("WindowAgg");
    const sort = ranking.find((n) => n["Node Type"] === "Sort");
    expect(sort?.Plans?.map((n) => n["Node Type"])).toEqual(["Subquery Scan"]);
    const counting = nodes(await planOf(queries.count, index));
    expect(counting.find((n) => n["Node Type"] === "Aggregate")?.Plans?.[0]?.["Node Type"]).toBe("Limit");
  });
});
