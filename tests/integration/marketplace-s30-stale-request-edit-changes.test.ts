// The request edit form refused a save made after a colleague's with a message only: the requestor was told to check
// the request "as it is saved now" without being shown what had changed. The refusal now shows each field the
// colleague's save differs in, their version beside the requestor's answers (names, not ids), as the contracts' and
// the council lists' edit forms do.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as editLoader } from "~/routes/requests.$id.edit.tsx";
import { createCategory, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
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

// The request's edit form as the requestor sends it, from the version they read.
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
  neededBy: inDays(40),
  version,
  ...changes,
});

describe("a save refused as a colleague saved the request first", () => {
  it("shows what the colleague changed beside the requestor's answers", async () => {
    const other = await createCategory(world.councilA.id, "Food and essentials");
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "DRAFT",
    });
    const ownersForm = await formRead(need.id, owner);
    const membersForm = await formRead(need.id, member);
    const first = await postPage(
      `/requests/${need.id}/edit`,
      formOf(answers(ownersForm, { title: "Winter coats for the night shelter", categoryId: other.id })),
      owner,
    );
    expect(first.status).toBe(302);

    const second = await postPage(
      `/requests/${need.id}/edit`,
      formOf(answers(membersForm, { quantity: "1500" })),
      member,
    );
    expect(second.status).toBe(400);
    const text = readableMainText(await second.text());
    expect(text).toContain("Someone else changed this request while you were editing");
    expect(text).toContain("Saved now, and your answers Field Saved now Your answer");
    expect(text).toContain("Title Winter coats for the night shelter Coats for the night shelter");
    expect(text).toContain(`Category Food and essentials ${world.category.name}`);
    expect(text).toContain("How much you need 20 1,500");
    // fields neither changed are not listed
    expect(text).not.toMatch(/Needed by \d/);
    expect(text).not.toContain(`District ${world.district.name}`);
  });
});

// An emptied district (or items, postcode area, who benefits) showed as "(blank)", a word no charity or council user
// uses: it now reads "Not given", as the request's own page says of a request with no district.
describe("the fields a colleague emptied, in the table of what changed", () => {
  it("read 'Not given', as the request's page says, never '(blank)'", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      districtId: world.district.id,
      status: "DRAFT",
    });
    const withBeneficiaries = (version: string, changes: Record<string, string>) =>
      answers(version, { postcodeArea: "", beneficiaries: "Guests of the night shelter", ...changes });
    const ownersForm = await formRead(need.id, owner);
    const membersForm = await formRead(need.id, member);
    // the owner takes the district and who benefits off the request (it can be done remotely instead)
    const first = await postPage(
      `/requests/${need.id}/edit`,
      formOf(withBeneficiaries(ownersForm, { districtId: "", isRemote: "on", beneficiaries: "" })),
      owner,
    );
    expect(first.status).toBe(302);
    // the member, from the form as it was, adds a postcode area
    const second = await postPage(
      `/requests/${need.id}/edit`,
      formOf(withBeneficiaries(membersForm, { postcodeArea: "GU1" })),
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
