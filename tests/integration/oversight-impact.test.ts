// The public impact page and open data: confirmed pledges only, consented case studies only, no personal data.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as csvLoader } from "~/routes/impact.data[.]csv.ts";
import { loader as jsonLoader } from "~/routes/impact.data[.]json.ts";
import { loader as impactLoader } from "~/routes/impact._index.tsx";
import { createPledge, createRequest, createWorld } from "../helpers/factories.ts";
import { callLoader } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  const { councilA, vcse, category, district, supplier, otherSupplier, users } = world;
  await db.user.update({ where: { id: users.vcseOwner.id }, data: { name: "Priya Private" } });
  const base = {
    councilId: councilA.id,
    organisationId: vcse.id,
    categoryId: category.id,
    createdById: users.vcseOwner.id,
  };
  const consented = await createRequest({
    ...base,
    title: "Consented garden makeover",
    status: "FULFILLED",
    showcaseConsent: true,
    districtId: district.id,
    quantity: 40,
    contactPreference: "Call Priya on 07700 900123",
    beneficiaries: "The Smith family at 4 Acacia Avenue",
  });
  const privateOne = await createRequest({
    ...base,
    title: "Private fulfilled need",
    status: "FULFILLED",
    showcaseConsent: false,
    quantity: 10,
  });
  const open = await createRequest({
    ...base,
    title: "Still open need",
    helpType: "GOODS",
    quantity: 30,
    districtId: district.id,
  });
  // confirmed: 25 + 15 hours (one with a delivered quantity of 12 instead of the pledged 15) and 10 hours
  await createPledge({
    requestId: consented.id,
    supplierOrganisationId: supplier.id,
    quantity: 25,
    status: "CONFIRMED",
  });
  await createPledge({
    requestId: consented.id,
    supplierOrganisationId: otherSupplier.id,
    quantity: 15,
    deliveredQuantity: 12,
    status: "CONFIRMED",
  });
  await createPledge({
    requestId: privateOne.id,
    supplierOrganisationId: supplier.id,
    quantity: 10,
    status: "CONFIRMED",
  });
  // not confirmed: never counted
  for (const status of ["OFFERED", "ACCEPTED", "DELIVERED", "DISPUTED", "DECLINED", "WITHDRAWN"] as const)
    await createPledge({ requestId: open.id, supplierOrganisationId: supplier.id, quantity: 3, status });
});

const personal = ["Priya", "07700", "Acacia", "@example.test"];

describe("public impact page", () => {
  it("totals confirmed pledges only, by help type, category and district", async () => {
    const response = await callLoader(impactLoader, { path: "/impact" });
    expect(response.status).toBe(200);
    const { councils } = await response.json();
    expect(councils).toHaveLength(1);
    const [council] = councils;
    expect(council.byHelpType).toEqual([
      expect.objectContaining({ helpType: "VOLUNTEERING", quantity: 47, pledges: 3 }),
    ]);
    const byDistrict = Object.fromEntries(
      council.byDistrict.map((d: { label: string; quantity: number }) => [d.label, d.quantity]),
    );
    expect(byDistrict).toEqual({ [world.district.name]: 37, "Remote or not given": 10 });
    expect(council.byCategory).toEqual([
      expect.objectContaining({ label: world.category.name, quantity: 47 }),
    ]);
  });

  it("shows only case studies the requestor agreed to, and no personal data", async () => {
    const response = await callLoader(impactLoader, { path: "/impact" });
    const text = await response.text();
    expect(text).toContain("Consented garden makeover");
    expect(text).not.toContain("Private fulfilled need");
    expect(text).not.toContain("Still open need");
    for (const p of personal) expect(text).not.toContain(p);
  });
});

describe("open data", () => {
  it("downloads a documented CSV with no personal data", async () => {
    const response = await callLoader(csvLoader, { path: "/impact/data.csv" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="social-value-impact.csv"',
    );
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe("council,category,district,helpType,unit,confirmedPledges,quantity");
    expect(lines.slice(1).sort()).toEqual(
      [
        `${world.councilA.name},${world.category.name},${world.district.name},VOLUNTEERING,hours,2,37`,
        `${world.councilA.name},${world.category.name},Remote or not given,VOLUNTEERING,hours,1,10`,
      ].sort(),
    );
    for (const p of personal) expect(text).not.toContain(p);
  });

  it("downloads the same figures as JSON with the field list", async () => {
    const response = await callLoader(jsonLoader, { path: "/impact/data.json" });
    const body = await response.json();
    expect(body.fields.map((f: { name: string }) => f.name)).toEqual([
      "council",
      "category",
      "district",
      "helpType",
      "unit",
      "confirmedPledges",
      "quantity",
    ]);
    expect(body.records.reduce((s: number, r: { quantity: number }) => s + r.quantity, 0)).toBe(47);
    for (const record of body.records)
      expect(Object.keys(record)).toEqual(body.fields.map((f: { name: string }) => f.name));
    for (const p of personal) expect(JSON.stringify(body)).not.toContain(p);
  });
});
