// The page where an officer reviews a request said nothing at all next to "Where" for a request with no district,
// postcode area or remote working (an empty row), and "Remote" where the public page says "Can be done
// remotely". It now says what the public request page will say once the request is approved.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createRequest, createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

async function whereOn(path: string, cookie?: string) {
  const response = await renderPage(path, cookie);
  expect(response.status).toBe(200);
  const text = readableText(await response.text());
  return text.match(/ Where (.*?) (?:Needed by|Who benefits) /)?.[1];
}

describe("where a request is, on the officer's review page", () => {
  it("says 'Not given' when the request gives no place", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "SUBMITTED",
    });
    expect(await whereOn(`/council/moderation/${need.id}`, officer)).toBe("Not given");
  });

  it("says a remote request can be done remotely, as the public page will", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "SUBMITTED",
      isRemote: true,
    });
    await db.request.update({ where: { id: need.id }, data: { postcodeArea: "GU1" } });
    const reviewed = await whereOn(`/council/moderation/${need.id}`, officer);
    expect(reviewed).toBe("GU1, Can be done remotely");
    await db.request.update({ where: { id: need.id }, data: { status: "OPEN", publishedAt: new Date() } });
    expect(await whereOn(`/requests/${need.id}`)).toBe(reviewed);
  });
});
