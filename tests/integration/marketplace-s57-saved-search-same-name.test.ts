// Two of one person's saved searches could have the same name, with different filters: their "Delete …" and "Turn
// off email for …" buttons then read the same (to a screen reader, nothing tells them apart) and their daily emails
// name them alike. A name the person already gives another of their saved searches for the organisation (case and
// spaces around it aside) is now refused next to the name field, with what was typed kept. The same save sent twice
// is still the one search, answered as saved; a colleague, or the same person for another organisation, may use it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

const save = async (userId: string, name: string, query: string, submissionKey = unique("save-key")) =>
  postPage(
    "/saved-searches",
    formOf({ intent: "create", name, query, emailDigest: "on", submissionKey }),
    await sessionCookieFor(userId),
  );

const namesSavedBy = async (userId: string) =>
  (await db.savedSearch.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map((s) => s.name);

describe("saving a search under a name already used for another", () => {
  it("is refused next to the name field, whatever the case and spaces, keeping what was typed", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    expect((await save(user.id, "Laptops in Northshire", "q=laptops&helpType=GOODS")).status).toBe(302);

    const refused = await save(user.id, "  laptops IN northshire ", "helpType=FUNDING");
    expect(refused.status).toBe(400);
    const html = (await refused.text()).replace(/<!-- -->/g, "");
    const message = "You already have a saved search called “Laptops in Northshire”: choose another name";
    // next to the field, and in the error summary that links to it
    expect(html).toContain(
      `<p id="name-error" class="mb-2 font-bold text-error"><span class="sr-only">Error: </span>${message}</p>`,
    );
    expect(html).toMatch(/<a href="#name"[^>]*>You already have a saved search called/);
    expect(readableMainText(html)).toContain("There is a problem");
    // the name typed and the search are kept, to save again under another name
    expect(html).toMatch(/<input[^>]*name="name"[^>]*value=" {2}laptops IN northshire "/);
    expect(html).toContain('name="query" value="helpType=FUNDING"');
    expect(await namesSavedBy(user.id)).toEqual(["Laptops in Northshire"]);

    // under another name it saves
    expect(await flashOfRedirect(await save(user.id, "Funding anywhere", "helpType=FUNDING"))).toMatchObject({
      kind: "success",
      message: "Search “Funding anywhere” saved",
    });
    expect(await namesSavedBy(user.id)).toEqual(["Laptops in Northshire", "Funding anywhere"]);
  });

  it("sent twice at once, or its filters saved again, is still answered as saved, not refused", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    const key = unique("save-key");
    const answers = await Promise.all([
      save(user.id, "Volunteering", "helpType=VOLUNTEERING", key),
      save(user.id, "Volunteering", "helpType=VOLUNTEERING", key),
    ]);
    expect(answers.map((a) => [a.status, a.headers.get("location")])).toEqual([
      [302, "/saved-searches"],
      [302, "/saved-searches"],
    ]);
    // the same search from a fresh form (another key): the one kept, as before
    expect((await flashOfRedirect(await save(user.id, "Volunteering", "helpType=VOLUNTEERING")))?.kind).toBe(
      "info",
    );
    expect(await namesSavedBy(user.id)).toEqual(["Volunteering"]);
  });

  it("two different searches with one name sent at once: one is saved, the other refused", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    const answers = await Promise.all([
      save(user.id, "Expertise", "helpType=EXPERTISE"),
      save(user.id, "expertise", "helpType=EXPERTISE&remote=1"),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([302, 400]);
    expect(await db.savedSearch.count({ where: { userId: user.id } })).toBe(1);
  });

  it("may be used by a colleague, whose saved searches are their own", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    const colleague = await createMember(world.supplier.id, "MEMBER");
    expect((await save(user.id, "Goods", "helpType=GOODS")).status).toBe(302);
    expect((await save(colleague.id, "Goods", "helpType=GOODS&remote=1")).status).toBe(302);
    expect(await namesSavedBy(colleague.id)).toEqual(["Goods"]);
  });
});
