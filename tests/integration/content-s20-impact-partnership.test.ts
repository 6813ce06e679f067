// The public impact figures of two councils in one partnership, with the same category and district names: each
// council's totals stand apart (on the page and in both downloads), nothing is added across them, and a case study
// is shown only for a fulfilled request whose requestor agreed, with none of its private fields.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as csvLoader } from "~/routes/impact.data[.]csv.ts";
import { loader as jsonLoader } from "~/routes/impact.data[.]json.ts";
import { loader as impactLoader } from "~/routes/impact._index.tsx";
import {
  createCategory,
  createDistrict,
  createOrganisation,
  createPledge,
  createRequest,
  createWorld,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const PRIVATE = ["Call Sam on 07700 900456", "Flat 2, 9 High Street", "GU9 9ZZ"];

beforeAll(async () => {
  world = await createWorld();
  const { councilA, councilB, supplier } = world;
  const each = async (councilId: string, hours: number[], story: { title: string; consent: boolean }) => {
    const category = await createCategory(councilId, "Food and essentials");
    const district = await createDistrict(councilId, "Riverside");
    const vcse = await createOrganisation({ kind: "VCSE", councilId });
    const request = await createRequest({
      councilId,
      organisationId: vcse.id,
      categoryId: category.id,
      districtId: district.id,
      title: story.title,
      status: "FULFILLED",
      showcaseConsent: story.consent,
      quantity: hours.reduce((s, h) => s + h, 0),
      contactPreference: PRIVATE[0],
      beneficiaries: PRIVATE[1],
    });
    await db.request.update({ where: { id: request.id }, data: { postcodeArea: PRIVATE[2] } });
    for (const quantity of hours)
      await createPledge({
        requestId: request.id,
        supplierOrganisationId: supplier.id,
        quantity,
        status: "CONFIRMED",
      });
  };
  await each(councilA.id, [10, 5], { title: "Council A pantry restock", consent: true });
  await each(councilB.id, [7], { title: "Council B pantry restock", consent: false });
});

type Council = {
  id: string;
  byHelpType: { quantity: number; pledges: number }[];
  byDistrict: { label: string; quantity: number }[];
};

describe("impact figures of partnership councils", () => {
  it("stand apart on the page, each council under its own heading", async () => {
    const { councils, stories } = await jsonOf<{ councils: Council[]; stories: { title: string }[] }>(
      await callLoader(impactLoader, { path: "/impact" }),
    );
    const byId = Object.fromEntries(councils.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual([world.councilA.id, world.councilB.id].sort());
    expect(byId[world.councilA.id].byHelpType).toEqual([
      expect.objectContaining({ quantity: 15, pledges: 2 }),
    ]);
    expect(byId[world.councilB.id].byHelpType).toEqual([
      expect.objectContaining({ quantity: 7, pledges: 1 }),
    ]);
    expect(byId[world.councilA.id].byDistrict).toEqual([
      expect.objectContaining({ label: "Riverside", quantity: 15 }),
    ]);
    expect(stories.map((s) => s.title)).toEqual(["Council A pantry restock"]);
  });

  it("stand apart in the CSV and JSON downloads, with none of a request's private fields", async () => {
    const csv = (await (await callLoader(csvLoader, { path: "/impact/data.csv" })).text()).replace(
      /^\uFEFF/,
      "",
    );
    expect(csv.trim().split(/\r?\n/).slice(1).sort()).toEqual(
      [
        `${world.councilA.name},Food and essentials,Riverside,VOLUNTEERING,hours,2,15`,
        `${world.councilB.name},Food and essentials,Riverside,VOLUNTEERING,hours,1,7`,
      ].sort(),
    );
    const body = await jsonOf<{ records: { council: string; quantity: number }[] }>(
      await callLoader(jsonLoader, { path: "/impact/data.json" }),
    );
    expect(body.records.map((r) => [r.council, r.quantity]).sort()).toEqual(
      [
        [world.councilA.name, 15],
        [world.councilB.name, 7],
      ].sort(),
    );
    const page = await (await callLoader(impactLoader, { path: "/impact" })).text();
    for (const text of [csv, JSON.stringify(body), page])
      for (const secret of [...PRIVATE, "Council B pantry restock"]) expect(text).not.toContain(secret);
  });
});
