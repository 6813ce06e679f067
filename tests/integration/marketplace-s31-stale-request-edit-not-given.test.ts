// The table of what a colleague changed, shown when a requestor's save of a request came after theirs, showed an
// empty district (or items, postcode area, who benefits) as "(blank)", a word no charity or council user uses. An
// empty field now reads "Not given", as the request's own page says of a request with no district.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as editLoader } from "~/routes/requests.$id.edit.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let owner: string;
let member: string;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  owner = await sessionCookieFor(world.users.vcseOwner.id);
  member = await sessionCookieFor(world.users.vcseMember.id);
});

async function formRead(id: string, cookie: string) {
  const response = await callLoader(editLoader, { path: `/requests/${id}/edit`, params: { id }, cookie });
  return (await jsonOf<{ version: string }>(response)).version;
}

describe("the fields a colleague emptied, in the table of what changed", () => {
  it("read 'Not given', as the request's page says, never '(blank)'", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      districtId: world.district.id,
      status: "DRAFT",
    });
    const answers = (version: string, changes: Record<string, string>) => ({
      intent: "draft",
      title: "Coats for the night shelter",
      description: "Warm coats in adult sizes for the guests of our winter night shelter.",
      councilId: world.councilA.id,
      categoryId: world.category.id,
      helpType: "GOODS",
      quantity: "20",
      unitLabel: "coats",
      districtId: world.district.id,
      postcodeArea: "",
      beneficiaries: "Guests of the night shelter",
      neededBy: inDays(40),
      version,
      ...changes,
    });
    const ownersForm = await formRead(need.id, owner);
    const membersForm = await formRead(need.id, member);
    // the owner takes the district and who benefits off the request (it can be done remotely instead)
    const first = await postPage(
      `/requests/${need.id}/edit`,
      formOf(answers(ownersForm, { districtId: "", isRemote: "on", beneficiaries: "" })),
      owner,
    );
    expect(first.status).toBe(302);
    // the member, from the form as it was, adds a postcode area
    const second = await postPage(
      `/requests/${need.id}/edit`,
      formOf(answers(membersForm, { postcodeArea: "GU1" })),
      member,
    );
    expect(second.status).toBe(400);
    const text = readableMainText(await second.text());
    expect(text).toContain("Saved now, and your answers Field Saved now Your answer");
    expect(text).toContain(`District Not given ${world.district.name}`);
    expect(text).toContain("Postcode area Not given GU1");
    expect(text).toContain("Who benefits Not given Guests of the night shelter");
    expect(text).not.toContain("(blank)");
  });
});
