// The VCSE dashboard counts all of a group's requests closing within 14 days (hundreds for a large group) and
// lists ten. The count must stay answerable from Request_closing_soon_idx alone, which includes the status the
// expiry rule reads: a column the index lacks would make PostgreSQL fetch every counted request from the table
// (about 1,000 pages on the benchmark's largest group). The test tables are too small for the planner to choose
// an index on its own, so within a rolled-back transaction the other indexes are dropped and scans it could
// avoid are priced out: if the count can be read from the index, the plan says "Index Only Scan".
import { beforeAll, expect, it } from "vitest";
import { closingSoonRanked } from "~/domain/reporting/dashboard-people.server.ts";
import { planWithOnlyIndex } from "../helpers/explain.ts";
import { createWorld } from "../helpers/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  world = await createWorld();
});

it("counts a group's requests closing soon from the index alone", async () => {
  const plan = await planWithOnlyIndex(
    closingSoonRanked(world.vcse.id, new Date("2030-01-01")),
    "Request_closing_soon_idx",
    { bitmapScans: false },
  );
  const requestScans = [...plan.matchAll(/"Node Type":"([^"]+)"[^{}]*?"Relation Name":"Request"/g)].map(
    (m) => m[1],
  );
  expect(requestScans).toEqual(["Index Only Scan"]);
  expect(plan).toContain('"Index Name":"Request_closing_soon_idx"');
});
