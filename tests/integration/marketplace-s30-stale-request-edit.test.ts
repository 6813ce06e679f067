// Two members of a group editing the same draft: the one who saved second overwrote the first's changes unseen, as
// the edit form carried no version of the request (contracts, measures and the council's lists do). The second
// save is now refused, with the answers kept in the form, what the colleague changed shown beside them and a way
// to save them once checked; the same form sent twice (a double click) still saves once, quietly.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as editLoader } from "~/routes/requests.$id.edit.tsx";
import { STALE_REQUEST_EDIT } from "~/domain/marketplace/requests.server.ts";
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

const aDraft = (extra: { districtId?: string } = {}) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "DRAFT",
    ...extra,
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

// Both members read the edit form; the owner saves their changes first (and is let), then the member saves theirs
// from the form as it was: the member's answer is returned.
async function ownerThenMemberSave(
  id: string,
  ownersChanges: Record<string, string>,
  membersChanges: Record<string, string>,
) {
  const ownersForm = await formRead(id, owner);
  const membersForm = await formRead(id, member);
  const first = await postPage(`/requests/${id}/edit`, formOf(answers(ownersForm, ownersChanges)), owner);
  expect(first.status).toBe(302);
  return postPage(`/requests/${id}/edit`, formOf(answers(membersForm, membersChanges)), member);
}

describe("a draft edited by two members of the group at once", () => {
  it("refuses the second save, keeping its answers, and takes it once sent again", async () => {
    const need = await aDraft();
    const second = await ownerThenMemberSave(
      need.id,
      { title: "Winter coats for the night shelter" },
      { quantity: "35" },
    );
    expect(second.status).toBe(400);
    const html = await second.text();
    expect(readableMainText(html)).toContain(STALE_REQUEST_EDIT);
    expect(html).toMatch(/name="quantity"[^>]*value="35"|value="35"[^>]*name="quantity"/);
    const saved = await db.request.findUniqueOrThrow({ where: { id: need.id } });
    expect(saved).toMatchObject({ title: "Winter coats for the night shelter", quantity: 20 });

    // sent again from the page that told them: the form now carries the version saved by the owner
    const carried = html.match(/name="version" value="([^"]+)"/)?.[1];
    expect(carried).toBe(saved.updatedAt.toISOString());
    const again = await postPage(
      `/requests/${need.id}/edit`,
      formOf(answers(carried!, { title: "Winter coats for the night shelter", quantity: "35" })),
      member,
    );
    expect(again.status).toBe(302);
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      title: "Winter coats for the night shelter",
      quantity: 35,
    });
  });

  it("saves the same form sent twice once, without calling the second stale", async () => {
    const need = await aDraft();
    const version = await formRead(need.id, owner);
    const form = answers(version, { title: "Blankets for the night shelter" });
    expect((await postPage(`/requests/${need.id}/edit`, formOf(form), owner)).status).toBe(302);
    expect((await postPage(`/requests/${need.id}/edit`, formOf(form), owner)).status).toBe(302);
    expect(await db.auditLog.count({ where: { entityId: need.id, action: "request.edit" } })).toBe(1);
  });
});

// The refusal once told the requestor to check the request "as it is saved now" without showing what had changed:
// it now shows each field the colleague's save differs in, their version beside the requestor's answers (names,
// not ids), as the contracts' and the council lists' edit forms do.
describe("a save refused as a colleague saved the request first", () => {
  it("shows what the colleague changed beside the requestor's answers", async () => {
    const other = await createCategory(world.councilA.id, "Food and essentials");
    const need = await aDraft();
    const second = await ownerThenMemberSave(
      need.id,
      { title: "Winter coats for the night shelter", categoryId: other.id },
      { quantity: "1500" },
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

  // A colleague's change to the other councils it is for (decision 050) was not among the values compared, so the
  // refusal said nothing had changed and the next save quietly took the council off again.
  it("shows a colleague's change to the other councils it is for, by name", async () => {
    const need = await aDraft();
    const second = await ownerThenMemberSave(need.id, { alsoForCouncilIds: world.councilB.id }, {});
    expect(second.status).toBe(400);
    const text = readableMainText(await second.text());
    expect(text).toContain(`Other councils it is for ${world.councilB.name} None`);
    expect(text).not.toContain("What is saved now is the same as your answers");
    expect(await db.requestAlsoFor.count({ where: { requestId: need.id } })).toBe(1);
  });

  // An emptied district (or items, postcode area, who benefits) showed as "(blank)", a word no charity or council
  // user uses: it now reads "Not given", as the request's own page says of a request with no district.
  it("reads 'Not given' for a field the colleague emptied, as the request's page says, never '(blank)'", async () => {
    const need = await aDraft({ districtId: world.district.id });
    const both = { postcodeArea: "", beneficiaries: "Guests of the night shelter" };
    const second = await ownerThenMemberSave(
      need.id,
      // the owner takes the district and who benefits off the request (it can be done remotely instead)
      { ...both, districtId: "", isRemote: "on", beneficiaries: "" },
      // the member, from the form as it was, adds a postcode area
      { ...both, postcodeArea: "GU1" },
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
