// The officer approving a request sees everything that approval publishes. The public request page says how many
// people benefit ("Local families — 250 people"), but the moderation page showed only who: the number went
// public unread, whatever it said.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createRequest, createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

async function submitted(beneficiaries: string | null, beneficiaryCount: number | null) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "SUBMITTED",
  });
  await db.request.update({ where: { id: need.id }, data: { beneficiaries, beneficiaryCount } });
  const response = await renderPage(`/council/moderation/${need.id}`, officer);
  expect(response.status).toBe(200);
  return response.text();
}

describe("who benefits, on the page an officer approves a request from", () => {
  it("gives how many people, as the public page will", async () => {
    const html = await submitted("Older people in Guildford", 12500);
    expect(html).toContain("Older people in Guildford — 12,500 people");
  });

  it("gives the number alone when that is all the request says", async () => {
    const html = await submitted(null, 1);
    expect(html).toContain("1 person");
    expect(readableText(html)).not.toContain("Who benefits Not given");
  });
});
