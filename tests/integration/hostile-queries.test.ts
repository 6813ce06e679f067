// Hostile query strings: known-bad values in every query parameter a page reads, thrown at every loader (as a
// role allowed to open it). The answer is never a 500: a bad filter is dropped or explained, a page number too
// large is the last page, and a CSV download streams to the end.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { ROUTE_PERMISSIONS } from "../authorization/permissions-table.ts";
import { createMatrixWorld, type MatrixWorld } from "../authorization/world.ts";
import { pagesWithARole } from "../helpers/hostile-values.ts";
import { callLoader } from "../helpers/routes.ts";
import { fillPath, importRoute, type ManifestRoute } from "../helpers/route-manifest.ts";

const BAD_VALUES = [
  "",
  "\u0000",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "\u202Egnp.exe",
  "𝕳𝖊𝖑𝖑𝖔 👩🏽‍💻",
  "-1",
  "0",
  "1.5",
  "1e309",
  "99999999999999999999999",
  "NaN",
  "2026-02-30",
  "0000-00-00",
  "not-a-date",
  "%",
  "x".repeat(5_000),
];

// Parameters lists share (filters, sorting, paging, dates) and any a route's source reads by name.
const COMMON = [
  "page",
  "q",
  "sort",
  "category",
  "helpType",
  "district",
  "council",
  "remote",
  "closingBefore",
  "since",
  "status",
  "department",
  "supplier",
  "manager",
  "measure",
  "hasCommitments",
  "quarter",
  "year",
  "top",
  "from",
  "to",
  "user",
  "action",
  "entityType",
  "organisationId",
  "redirectTo",
  "return",
  "bucket",
];

function paramNamesOf(route: ManifestRoute) {
  const source = fs.readFileSync(path.resolve(import.meta.dirname, "../../app", route.file), "utf8");
  const names = new Set(COMMON);
  for (const m of source.matchAll(/searchParams\.get(?:All)?\("(\w+)"\)/g)) names.add(m[1]);
  return [...names];
}

const targets = pagesWithARole();

let world: MatrixWorld;
beforeAll(async () => {
  world = await createMatrixWorld();
}, 120_000);

describe.each(targets)("$route.id as $role", ({ route, role }) => {
  it("never answers a hostile query string with a 500", async () => {
    const module = await importRoute(route);
    if (!module.loader) return;
    const params = ROUTE_PERMISSIONS[route.id].params?.(world) ?? {};
    const names = paramNamesOf(route);
    for (const value of BAD_VALUES) {
      const query = new URLSearchParams();
      for (const name of names) query.append(name, value);
      query.append("page", value); // a parameter given twice
      const response = await callLoader(module.loader, {
        path: `${fillPath(route.path, params)}?${query}`,
        cookie: world.cookies[role],
        params,
      });
      expect(response.status, `${JSON.stringify(value.slice(0, 20))}`).toBeLessThan(500);
      await response.text(); // a download must stream to the end without failing
    }
  });
});

describe("hostile query harness", () => {
  it("has pages to attack", () => {
    expect(targets.length).toBeGreaterThan(40);
  });
});

afterAll(() => closeRateLimits());
