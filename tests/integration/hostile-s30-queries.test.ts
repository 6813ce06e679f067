// Hostile query strings, rendered whole: every page of the permissions table, opened by a role that may, through
// Remix's own request handler, so a value that passes the loader and then breaks a component (a page number of a
// billion in the pagination, a sort nobody offers in the table's headings) answers a 500 here. hostile-queries.test.ts
// calls the loaders alone with known-bad values in every parameter; this file sends the shapes it does not: page
// numbers far past the end, below the start, in hex and scientific notation, parameters repeated with different
// values, and unknown sort orders. Never a 500, never a stack trace or a database error in the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { ROUTE_PERMISSIONS } from "../authorization/permissions-table.ts";
import { createMatrixWorld, type MatrixWorld } from "../authorization/world.ts";
import { LEAK, pagesWithARole } from "../helpers/hostile-values.ts";
import { renderPage } from "../helpers/render-page.ts";
import { fillPath } from "../helpers/route-manifest.ts";

// Paired so each page meets every shape in ten loads: each parameter is read on its own, so one bad value does not
// stop the next from being read.
const QUERIES = [
  "page=-1&sort=unknown",
  "page=1e9",
  "page=1e309&sort=__proto__",
  "page=0x10&sort=title&sort=-title",
  "page=%2012%20&q=a&q=b&category=x&category=y&status=OPEN&status=nope",
  "page=-0&from=2026-02-30&to=99999-01-01&since=2026-13-01&closingBefore=99999-01-01",
  "page=2.5&year=99999&quarter=9&top=1e9",
  "page=1&page=1000000000&redirectTo=%00&return=%2F%2Fevil.example",
  "q=%ED%A0%80&page=%FF",
  "page=1000000000&sort=constructor&dir=sideways&order=up",
];

const targets = pagesWithARole();

let world: MatrixWorld;
beforeAll(async () => {
  world = await createMatrixWorld();
}, 120_000);

describe.each(targets)("$route.id as $role", ({ route, role }) => {
  it("renders every hostile query string without a 500 or a leaked error", async () => {
    const path = fillPath(route.path, ROUTE_PERMISSIONS[route.id].params?.(world) ?? {});
    for (const query of QUERIES) {
      const response = await renderPage(`${path}?${query}`, world.cookies[role]);
      const body = await response.text();
      expect(response.status, `GET ${path}?${query}: ${body.slice(0, 300)}`).toBeLessThan(500);
      expect(body, `GET ${path}?${query}`).not.toMatch(LEAK);
      const location = response.headers.get("location") ?? "/";
      expect(new URL(location, "http://localhost:3000").origin, `GET ${path}?${query}`).toBe(
        "http://localhost:3000",
      );
    }
  }, 60_000);
});

describe("hostile rendered queries harness", () => {
  it("has pages to attack", () => {
    expect(targets.length).toBeGreaterThan(40);
  });
});

afterAll(() => closeRateLimits());
