// A supplier the council has not verified yet cannot pledge. The pages that lead to pledging (requests that fit
// its commitments, a request's page, the pledge form) say so plainly, and when pledging opens, instead of
// offering a "Pledge to this request" link to a form that then refuses it. Before, the request page offered the
// link to any supplier, and the matching page suggested requests with no word that pledging was closed to it.
import { beforeAll, describe, expect, it } from "vitest";
import { createRequest, createSupplierWithCommitment, createWorld } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let need: { id: string; title: string };

beforeAll(async () => {
  world = await createWorld();
  need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title: "Mentors for young people",
  });
});

// A supplier in the given state, with a commitment the request fits, and a member signed in for it.
async function supplierIn(status: "PENDING" | "REJECTED" | "VERIFIED") {
  const { supplier, cookie } = await createSupplierWithCommitment({
    councilId: world.councilA.id,
    helpTypes: ["VOLUNTEERING"],
    target: 50,
    status,
  });
  return { supplier, cookie };
}

async function textOf(path: string, cookie: string) {
  const response = await renderPage(path, cookie);
  expect(response.status).toBe(200);
  return readableText(await response.text());
}

const pledgeLink = (id: string) => `href="/requests/${id}/pledge"`;

describe("a supplier waiting for the council to verify it", () => {
  it("is told on the matching page that it can pledge once the council has verified it", async () => {
    const { supplier, cookie } = await supplierIn("PENDING");
    const text = await textOf("/matching", cookie);
    expect(text).toContain(need.title);
    expect(text).toContain(
      `You can pledge once the council has verified ${supplier.name}. Until then you can look at requests but not pledge to them.`,
    );
  });

  it("is not offered a pledge link on a request's page, and is told why", async () => {
    const { supplier, cookie } = await supplierIn("PENDING");
    const response = await renderPage(`/requests/${need.id}`, cookie);
    const html = await response.text();
    expect(html).not.toContain(pledgeLink(need.id));
    expect(readableText(html)).not.toContain("Pledge to this request");
    expect(readableText(html)).toContain(`You can pledge once the council has verified ${supplier.name}.`);
  });

  it("sees the same words on the pledge form's page, without the form", async () => {
    const { supplier, cookie } = await supplierIn("PENDING");
    const response = await renderPage(`/requests/${need.id}/pledge`, cookie);
    const html = await response.text();
    expect(readableText(html)).toContain(`You can pledge once the council has verified ${supplier.name}.`);
    expect(html).not.toContain('name="quantity"');
  });
});

describe("a supplier the council did not verify", () => {
  it("is told on the matching page and a request's page that it cannot pledge, with no pledge link", async () => {
    const { supplier, cookie } = await supplierIn("REJECTED");
    const said = `The council did not verify ${supplier.name}, so it cannot pledge to requests.`;
    expect(await textOf("/matching", cookie)).toContain(said);
    const html = await (await renderPage(`/requests/${need.id}`, cookie)).text();
    expect(html).not.toContain(pledgeLink(need.id));
    expect(readableText(html)).toContain(said);
  });
});

describe("a verified supplier", () => {
  it("is offered the pledge link and no word about verification", async () => {
    const { cookie } = await supplierIn("VERIFIED");
    const html = await (await renderPage(`/requests/${need.id}`, cookie)).text();
    expect(html).toContain(pledgeLink(need.id));
    expect(readableText(html)).not.toContain("verif");
    expect(await textOf("/matching", cookie)).not.toContain("verif");
  });
});
