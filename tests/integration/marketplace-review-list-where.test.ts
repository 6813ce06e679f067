// The public list says where each request is. A request placed by postcode area alone, in an area none of its
// council's districts lists, and not remote, was shown as "Volunteering · Category ·  · Council": an empty place
// between two separators, though the request page gives its area. The list now gives the area, as the request
// page does, and never an empty slot.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createRequest, createWorld } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

async function listed(title: string) {
  const html = await (await renderPage(`/requests?q=${encodeURIComponent(title)}`)).text();
  const item = new RegExp(`${title}</a></h3><p[^>]*>(.*?)</p>`).exec(html)?.[1] ?? "";
  return item.replace(/<!-- -->/g, "");
}

describe("where a request is, on the public list", () => {
  it("is its postcode area when no district lists it", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      title: "Wombat hedge planting",
    });
    await db.request.update({ where: { id: need.id }, data: { postcodeArea: "KT22" } });
    const where = await listed("Wombat hedge planting");
    expect(where).toContain(" · KT22 · ");
    expect(where).not.toMatch(/·\s+·/);
  });

  it("is left out, with its separator, when the request gives no place at all", async () => {
    await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      title: "Numbat fence mending",
    });
    const where = await listed("Numbat fence mending");
    expect(where).toContain(world.councilA.name);
    expect(where).not.toMatch(/·\s+·/);
  });

  it("is the district, or remote, as before", async () => {
    await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      districtId: world.district.id,
      isRemote: true,
      title: "Quoll den survey",
    });
    await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      isRemote: true,
      title: "Bettong bookkeeping",
    });
    expect(await listed("Quoll den survey")).toContain(`${world.district.name} or remote`);
    expect(await listed("Bettong bookkeeping")).toContain(" · Remote · ");
  });
});
