// The public request page says how many people benefit in words that read right: "1 person" (not "1 people"),
// and large numbers with thousands separators ("12,500 people"), as every other figure on the page.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server.ts";
import { createRequest, createWorld } from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const page = await import("~/routes/requests.$id._index.tsx");

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;

beforeAll(async () => {
  world = await createWorld();
});

async function rendered(beneficiaryCount: number) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    beneficiaries: "Families on the estate",
  });
  await db.request.update({ where: { id: need.id }, data: { beneficiaryCount } });
  const response = await callLoader(page.loader, { path: `/requests/${need.id}`, params: { id: need.id } });
  expect(response.status).toBe(200);
  pageData.loaderData = await jsonOf(response);
  return renderComponent(page.default);
}

describe("who benefits, on the public request page", () => {
  it("says 1 person, not 1 people", async () => {
    const html = await rendered(1);
    expect(html).toContain("Families on the estate — 1 person");
    expect(html).not.toContain("1 people");
  });

  it("separates thousands", async () => {
    expect(await rendered(12500)).toContain("Families on the estate — 12,500 people");
  });
});
