// Two saved searches with the same filters differed only by name on /saved-searches, and both sent the same daily
// email. Now each saved search says what it finds (search words, council, category, type of help, district,
// remote, closing date), and saving the filters of one the person already keeps for the organisation saves
// nothing new: it says the search exists already, under its name. Sent through Remix's own request handler, with
// the pages rendered as a browser gets them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { flashCookieOf, flashOfRedirect } from "../helpers/flash.ts";
import { formOf, pageHtmlAs, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

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

const savedBy = (userId: string) =>
  db.savedSearch.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { name: true } });

describe("the saved searches page", () => {
  it("says what each saved search finds, filter by filter", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    const every =
      `q=laptops&council=${world.councilA.id}&category=${world.category.id}&helpType=GOODS` +
      `&district=${world.district.id}&remote=1&closingBefore=2027-03-01`;
    expect((await save(user.id, "Laptops near me", every)).status).toBe(302);
    expect((await save(user.id, "Anything", "")).status).toBe(302);

    const text = readableMainText(await pageHtmlAs("/saved-searches", user.id));
    const row = (name: string) => text.slice(text.indexOf(name));
    expect(row("Laptops near me")).toMatch(
      new RegExp(
        [
          "Search words: “laptops”",
          `Council: ${world.councilA.name}`,
          `Category: ${world.category.name}`,
          "Type of help: Goods",
          `District: ${world.district.name}`,
          "Remote: Can be done remotely",
          "Closing on or before: 1 March 2027",
        ].join(" ") + " On",
      ),
    );
    expect(row("Anything")).toMatch(/^Anything Every open request On/);
  });
});

describe("saving a search with the filters of one already saved", () => {
  it("saves nothing new and says which saved search it is, whatever its name, order or spacing", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    const first = await save(
      user.id,
      "Goods in Guildford",
      `helpType=GOODS&district=${world.district.id}&q=Laptops`,
    );
    expect(first.status).toBe(302);

    // the same filters again: another order of fields, another sort, search words in other case and spacing
    const again = await save(
      user.id,
      "Another name",
      `q=+laptops++&sort=closing&district=${world.district.id}&helpType=GOODS`,
    );
    expect(again.headers.get("location")).toBe("/saved-searches");
    const flash = await flashOfRedirect(again);
    expect(flash).toMatchObject({
      kind: "info",
      message: "You already have this search, saved as “Goods in Guildford”. Nothing new was saved.",
    });
    expect(await savedBy(user.id)).toEqual([{ name: "Goods in Guildford" }]);

    // the page the browser is sent to says so
    const cookie = `${await sessionCookieFor(user.id)}; ${flashCookieOf(again)}`;
    const page = await renderPage("/saved-searches", cookie);
    expect(page.status).toBe(200);
    expect(readableMainText(await page.text())).toContain(
      "You already have this search, saved as “Goods in Guildford”. Nothing new was saved.",
    );

    // a search that differs by one filter is another search
    expect(
      await flashOfRedirect(await save(user.id, "Goods anywhere", `helpType=GOODS&q=laptops`)),
    ).toMatchObject({ kind: "success", message: "Search “Goods anywhere” saved" });
    expect(await savedBy(user.id)).toHaveLength(2);
  });

  // session 54: "email me" ticked for a search kept with its email off was dropped without a word
  it("with 'email me' ticked turns the kept search's daily email on, and says so", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    expect((await save(user.id, "Expertise", "helpType=EXPERTISE")).status).toBe(302);
    await db.savedSearch.updateMany({ where: { userId: user.id }, data: { emailDigest: false } });
    expect(await flashOfRedirect(await save(user.id, "Expertise again", "helpType=EXPERTISE"))).toMatchObject(
      {
        kind: "info",
        message:
          "You already have this search, saved as “Expertise”. Nothing new was saved, and its daily email is now on.",
      },
    );
    expect(
      await db.savedSearch.findMany({ where: { userId: user.id }, select: { emailDigest: true } }),
    ).toEqual([{ emailDigest: true }]);
    // without the tick, the kept search's email is left as it is
    await db.savedSearch.updateMany({ where: { userId: user.id }, data: { emailDigest: false } });
    const unticked = await postPage(
      "/saved-searches",
      formOf({
        intent: "create",
        name: "Quiet",
        query: "helpType=EXPERTISE",
        submissionKey: unique("save-key"),
      }),
      await sessionCookieFor(user.id),
    );
    expect((await flashOfRedirect(unticked))?.message).toBe(
      "You already have this search, saved as “Expertise”. Nothing new was saved.",
    );
    expect(await db.savedSearch.count({ where: { userId: user.id, emailDigest: true } })).toBe(0);
  });

  it("sent from two pages at once (two keys) saves one", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    const answers = await Promise.all([
      save(user.id, "Volunteering", "helpType=VOLUNTEERING"),
      save(user.id, "Volunteering", "helpType=VOLUNTEERING"),
    ]);
    expect(answers.map((a) => [a.status, a.headers.get("location")])).toEqual([
      [302, "/saved-searches"],
      [302, "/saved-searches"],
    ]);
    expect(await savedBy(user.id)).toEqual([{ name: "Volunteering" }]);
  });

  it("is still saved by a colleague, whose daily email is their own", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    const colleague = await createMember(world.supplier.id, "MEMBER");
    expect((await flashOfRedirect(await save(user.id, "Funding", "helpType=FUNDING")))?.kind).toBe("success");
    expect((await flashOfRedirect(await save(colleague.id, "Funding", "helpType=FUNDING")))?.kind).toBe(
      "success",
    );
    expect(await savedBy(colleague.id)).toEqual([{ name: "Funding" }]);
  });
});
