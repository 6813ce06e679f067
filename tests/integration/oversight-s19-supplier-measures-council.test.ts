// A supplier with contracts at two councils of a partnership saw, in its dashboard's "By measure, to date", two rows
// called "Volunteering hours" with different figures and nothing to tell them apart: each council has its own
// measure library, seeded with the same names. Each row now names its council, as the contracts table does.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "~/routes/dashboard.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.supplierOwner.id);
  for (const [council, target] of [
    [world.councilA, 100],
    [world.councilB, 40],
  ] as const) {
    const measure = await createMeasure({ councilId: council.id, code: "SOC-V", name: "Volunteering hours" });
    const contract = await createContract({
      councilId: council.id,
      supplierOrganisationId: world.supplier.id,
    });
    await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: target });
  }
});

describe("a supplier's measures, to date, at two councils", () => {
  it("say which council each one is", async () => {
    const { supplier } = await jsonOf<{
      supplier: { measures: { name: string; council: string | null; committed: string | null }[] };
    }>(await callLoader(dashboardLoader, { path: "/dashboard", cookie }));
    expect(
      supplier.measures.map((m) => [m.name, m.council, m.committed]).sort((a, b) => (a[2]! < b[2]! ? -1 : 1)),
    ).toEqual([
      ["Volunteering hours", world.councilA.name, "100.00"],
      ["Volunteering hours", world.councilB.name, "40.00"],
    ]);
  });

  it("show the council beside each measure on the page", async () => {
    const html = await (await renderPage("/dashboard", cookie)).text();
    const table = /<table[^>]*>\s*<caption[^>]*>By measure, to date<\/caption>([\s\S]*?)<\/table>/.exec(
      html,
    )?.[1];
    expect(table).toBeDefined();
    expect(table).toMatch(/<th scope="col"[^>]*>Council<\/th>/);
    const rows = table!.split("<tr").slice(2);
    expect(
      rows
        .map((row) =>
          row.includes(world.councilA.name) ? "A" : row.includes(world.councilB.name) ? "B" : "?",
        )
        .sort(),
    ).toEqual(["A", "B"]);
  });
});
