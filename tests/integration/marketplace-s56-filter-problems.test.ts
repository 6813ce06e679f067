// A link to the public list with a filter it could not use (a category deleted since the link was bookmarked, a
// district of another council than the one chosen, a closing date that is not a real date, a page that is no page)
// listed requests as if the person had not filtered, said only in a grey notice below the results' count, or not at
// all (an order to sort by that is not one, a page "abc"). Each is now said as GOV.UK says a field's problem: in an
// error summary linked to the field, and next to the field (aria-describedby), with what was typed kept in a typed
// field; the results say which filters they are not filtered by, and the page is still a 200.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCategory, createDistrict, createRequest, createWorld, unique } from "../helpers/factories.ts";
import { decodeEntities, lastPageLink, readableMainText, renderPage } from "../helpers/render-page.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
let word: string;
let inA: string;
let otherCategory: { id: string; name: string };
let otherDistrict: { id: string; name: string };

beforeAll(async () => {
  world = await createWorld();
  // a word only this file's requests have, so the list holds them alone whatever other tests made
  word = unique("quibblefrond").replace(/[^a-z]/gi, "");
  otherCategory = await createCategory(world.councilB.id, unique("Food parcels"));
  otherDistrict = await createDistrict(world.councilB.id, unique("Mole Valley"));
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    districtId: world.district.id,
    title: `Volunteers for the ${word} garden`,
  });
  inA = need.id;
});

async function list(search: string, q = word) {
  const response = await renderPage(`/requests?q=${q}&${search}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, decoded: decodeEntities(html), text: decodeEntities(readableMainText(html)) };
}

// The error summary's items: its links' targets and texts.
function summaryOf(decoded: string) {
  const summary = /<div[^>]*aria-labelledby="error-summary-title"[^>]*>(.*?)<\/ul>/s.exec(decoded)?.[1] ?? "";
  return [...summary.matchAll(/<a href="#([^"]+)"[^>]*>([^<]*)<\/a>/g)].map(([, field, text]) => ({
    field,
    text,
  }));
}

// The control of a field (its id is its name), and what the page says next to it.
function fieldOf(decoded: string, name: string) {
  const control = new RegExp(`<(?:select|input)[^>]*\\sid="${name}"[^>]*>`).exec(decoded)?.[0] ?? "";
  const error = new RegExp(`<p id="${name}-error"[^>]*>(.*?)</p>`, "s").exec(decoded)?.[1] ?? "";
  return {
    control,
    error: error
      .replace(/<[^>]+>/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  };
}

// Said in the summary, linked to the field, and next to the field, which names it as its description.
function expectFieldProblem(decoded: string, name: string, message: string) {
  expect(summaryOf(decoded)).toContainEqual({ field: name, text: message });
  const { control, error } = fieldOf(decoded, name);
  expect(error).toContain(message);
  // a checkbox, as GOV.UK's, is not marked invalid itself: its group is
  if (!control.includes('type="checkbox"')) expect(control).toContain('aria-invalid="true"');
  expect(control).toMatch(new RegExp(`aria-describedby="[^"]*\\b${name}-error\\b`));
}

describe("a filter in the link that names nothing on the lists", () => {
  it("a category removed since: said at the category, and the requests of every category listed", async () => {
    const gone = await createCategory(world.councilA.id, unique("Gone"));
    await db.category.delete({ where: { id: gone.id } });
    const { html, decoded, text } = await list(`category=${gone.id}`);
    expectFieldProblem(
      decoded,
      "category",
      "The category in the link you followed was not found (it may have been removed): choose a category, or any category",
    );
    expect(text).toContain(
      "1 request matching “" +
        word +
        "” The category in the link you followed could not be used, so these requests are not filtered by it.",
    );
    expect(html).toContain(`href="/requests/${inA}"`);
    // the title says so first, as on a form sent back with errors
    expect(html).toContain("<title>Error: Find a request to support");
  });

  it("a council not listed: said at the council", async () => {
    const { decoded } = await list("council=nosuchcouncil");
    expectFieldProblem(
      decoded,
      "council",
      "The council in the link you followed was not found (it may have been removed): choose a council, or any council",
    );
  });
});

describe("a filter of another council than the one chosen", () => {
  it("a district: names the district and the council, and lists the council's requests", async () => {
    const { html, decoded, text } = await list(`council=${world.councilA.id}&district=${otherDistrict.id}`);
    expectFieldProblem(
      decoded,
      "district",
      `The district ‘${otherDistrict.name}’ is not in ${world.councilA.name}: choose a district in that council, or any council`,
    );
    // the council still applies, and the district box offers that council's districts only
    expect(fieldOf(decoded, "council").error).toBe("");
    expect(summaryOf(decoded)).toHaveLength(1);
    expect(text).toContain(
      "The district in the link you followed could not be used, so these requests are not filtered by it.",
    );
    expect(html).toContain(`href="/requests/${inA}"`);
  });

  it("a category: names the category and the council", async () => {
    const { decoded } = await list(`council=${world.councilA.id}&category=${otherCategory.id}`);
    expectFieldProblem(
      decoded,
      "category",
      `The category ‘${otherCategory.name}’ is not one of ${world.councilA.name}’s categories: choose one of its categories, or any council`,
    );
  });

  it("with that council chosen, filters by it and says nothing", async () => {
    const { decoded, text } = await list(`council=${world.councilB.id}&district=${otherDistrict.id}`);
    expect(summaryOf(decoded)).toEqual([]);
    expect(text).not.toContain("There is a problem");
    expect(text).toContain("0 requests matching");
  });
});

// With no council chosen, a category of one council and a district of another listed no request and said nothing
// (session 57): a request's category and district are both its own council's. The district, later in the form, is
// said as one of another council than the one chosen is, naming both councils, and left out of the results, which
// are the category's; the form still shows the district chosen.
describe("with no council chosen, a category and a district of two councils", () => {
  let apartWord: string;
  const ids: Record<"here" | "otherCategory" | "otherDistrict" | "inB", string> = {
    here: "",
    otherCategory: "",
    otherDistrict: "",
    inB: "",
  };
  let districtA2: { id: string; name: string };

  beforeAll(async () => {
    apartWord = unique("wobblethorn").replace(/[^a-z]/gi, "");
    const categoryA2 = await createCategory(world.councilA.id, unique("Sports"));
    districtA2 = await createDistrict(world.councilA.id, unique("Elmbridge"));
    const make = (councilId: string, categoryId: string, districtId: string) =>
      createRequest({
        councilId,
        organisationId: world.vcse.id,
        categoryId,
        districtId,
        title: `Help with the ${apartWord} club`,
      }).then((r) => r.id);
    ids.here = await make(world.councilA.id, world.category.id, world.district.id);
    ids.otherCategory = await make(world.councilA.id, categoryA2.id, world.district.id);
    ids.otherDistrict = await make(world.councilA.id, world.category.id, districtA2.id);
    ids.inB = await make(world.councilB.id, otherCategory.id, otherDistrict.id);
  });

  const listed = (html: string) =>
    (Object.keys(ids) as (keyof typeof ids)[]).filter((key) => html.includes(`href="/requests/${ids[key]}"`));

  it("a district of another council than the category's: said at the district, naming both; the category's requests listed", async () => {
    const { html, decoded, text } = await list(
      `category=${world.category.id}&district=${otherDistrict.id}`,
      apartWord,
    );
    expectFieldProblem(
      decoded,
      "district",
      `The district ‘${otherDistrict.name}’ is in ${world.councilB.name}, but the category ‘${world.category.name}’ is one of ${world.councilA.name}’s categories, so no request can be in both: choose a district in ${world.councilA.name}, or any district`,
    );
    expect(summaryOf(decoded)).toHaveLength(1);
    expect(fieldOf(decoded, "category").error).toBe("");
    expect(text).toContain(
      `These requests are filtered by the category ‘${world.category.name}’ but not by the district ‘${otherDistrict.name}’, as no request can be in both.`,
    );
    expect(text).not.toContain("in the link you followed could not be used");
    expect(listed(html)).toEqual(["here", "otherDistrict"]);
    // both choices still shown in the form, to change either
    expect(html).toMatch(new RegExp(`<option value="${world.category.id}" selected="">`));
    expect(html).toMatch(new RegExp(`<option value="${otherDistrict.id}" selected="">`));
    // links to other pages and a saved search keep the filters the results have
    expect(html).not.toMatch(new RegExp(`href="[^"]*district=${otherDistrict.id}`));
    expect(html).toContain("<title>Error: Find a request to support");
  });

  it("the other way round: the category of the second council, the district of the first", async () => {
    const { html, decoded } = await list(`category=${otherCategory.id}&district=${world.district.id}`, apartWord);
    expectFieldProblem(
      decoded,
      "district",
      `The district ‘${world.district.name}’ is in ${world.councilA.name}, but the category ‘${otherCategory.name}’ is one of ${world.councilB.name}’s categories, so no request can be in both: choose a district in ${world.councilB.name}, or any district`,
    );
    expect(summaryOf(decoded)).toHaveLength(1);
    expect(listed(html)).toEqual(["inB"]);
  });

  it("with another filter left out too: the results say both", async () => {
    const { decoded, text } = await list(
      `category=${world.category.id}&district=${otherDistrict.id}&closingBefore=soon`,
      apartWord,
    );
    expect(summaryOf(decoded).map((s) => s.field)).toEqual(["district", "closingBefore"]);
    expect(text).toContain(
      `The closing date in the link you followed could not be used, so these requests are not filtered by it. These requests are filtered by the category ‘${world.category.name}’ but not by the district ‘${otherDistrict.name}’, as no request can be in both.`,
    );
  });

  it("a category and a district of the same council: filtered by both, nothing said", async () => {
    const { html, decoded, text } = await list(
      `category=${world.category.id}&district=${world.district.id}`,
      apartWord,
    );
    expect(summaryOf(decoded)).toEqual([]);
    expect(text).not.toContain("no request can be in both");
    expect(decoded).not.toContain('aria-invalid="true"');
    expect(listed(html)).toEqual(["here"]);
  });

  it("with a council chosen, a district of another council is said as before, not against the category", async () => {
    const { html, decoded, text } = await list(
      `council=${world.councilA.id}&category=${world.category.id}&district=${otherDistrict.id}`,
      apartWord,
    );
    expectFieldProblem(
      decoded,
      "district",
      `The district ‘${otherDistrict.name}’ is not in ${world.councilA.name}: choose a district in that council, or any council`,
    );
    expect(summaryOf(decoded)).toHaveLength(1);
    expect(text).toContain(
      "The district in the link you followed could not be used, so these requests are not filtered by it.",
    );
    expect(text).not.toContain("no request can be in both");
    expect(listed(html)).toEqual(["here", "otherDistrict"]);
  });

  it("with the district's council chosen, the category is said as of another council, and the district applies", async () => {
    const { html, decoded } = await list(
      `council=${world.councilB.id}&category=${world.category.id}&district=${otherDistrict.id}`,
      apartWord,
    );
    expectFieldProblem(
      decoded,
      "category",
      `The category ‘${world.category.name}’ is not one of ${world.councilB.name}’s categories: choose one of its categories, or any council`,
    );
    expect(summaryOf(decoded)).toHaveLength(1);
    expect(listed(html)).toEqual(["inB"]);
  });
});

describe("a value that is no value of its filter", () => {
  it("a closing date that is not a real date: said at the field, which keeps what was typed", async () => {
    const { html, decoded, text } = await list("closingBefore=2026-02-31");
    expectFieldProblem(
      decoded,
      "closingBefore",
      "The closing date “2026-02-31” is not a real date: enter a date like 27/3/2027, or leave it empty for any date",
    );
    const { control } = fieldOf(decoded, "closingBefore");
    // a date box would show it empty: a text box shows it, with the form the field takes as its hint
    expect(control).toContain('type="text"');
    expect(control).toContain('value="2026-02-31"');
    expect(control).toMatch(/aria-describedby="closingBefore-hint closingBefore-error"/);
    expect(text).toContain("For example, 27/3/2027");
    expect(text).toContain(
      "The closing date in the link you followed could not be used, so these requests are not filtered by it.",
    );
    expect(html).toContain(`href="/requests/${inA}"`);
  });

  it("a real closing date is a date box with the date in it, and no problem", async () => {
    const { decoded } = await list("closingBefore=31%2F12%2F2099");
    const { control, error } = fieldOf(decoded, "closingBefore");
    expect(control).toContain('type="date"');
    expect(control).toContain('value="2099-12-31"');
    expect(control).not.toContain("aria-invalid");
    expect(error).toBe("");
  });

  it.each([
    [
      "helpType",
      "helpType=PIZZA",
      "The type of help in the link you followed, “PIZZA”, is not one of the types of help: choose a type of help, or any type of help",
    ],
    [
      "remote",
      "remote=yes",
      "The “can be done remotely” choice in the link you followed, “yes”, was not understood: tick the box for requests that can be done remotely, or leave it empty for all requests",
    ],
    [
      "sort",
      "sort=random",
      "The order in the link you followed, “random”, is not one the list can be sorted by: choose how to sort the requests",
    ],
  ])("%s: said at the field", async (name, search, message) => {
    const { html, decoded } = await list(search);
    expectFieldProblem(decoded, name, message);
    expect(html).toContain(`href="/requests/${inA}"`);
  });

  it("several: each in the summary in the order of the form, and the results name them all", async () => {
    const { decoded, text } = await list(`sort=random&closingBefore=soon&district=nope&council=nope`);
    expect(summaryOf(decoded).map((s) => s.field)).toEqual(["council", "district", "closingBefore", "sort"]);
    expect(text).toContain(
      "The council, district and closing date in the link you followed could not be used, so these requests are not filtered by them.",
    );
  });
});

describe("a page that is no page", () => {
  it.each(["abc", "-1", "2.5", "0"])("?page=%s shows the first page and says so", async (page) => {
    const { html, decoded, text } = await list(`page=${encodeURIComponent(page)}`);
    expect(text).toContain(
      page === "0"
        ? "There is no page 0: the first page is shown."
        : `There is no page “${page}”: the first page is shown.`,
    );
    // no field to fix: no error summary
    expect(summaryOf(decoded)).toEqual([]);
    expect(html).toContain(`href="/requests/${inA}"`);
  });

  it("past the last page, says how many pages there are and links to the last", async () => {
    const { html, text } = await list("page=7");
    expect(text).toContain("There is no page 7: there is 1 open request that matches, on 1 page.");
    expect(html.replace(/<!-- -->/g, "")).toMatch(lastPageLink(`/requests?q=${word}`));
    expect(html).not.toContain(`href="/requests/${inA}"`);
  });
});

describe("a link whose every filter is used", () => {
  it("has no error summary, no field errors and no sentence of filters left out", async () => {
    const { decoded, text } = await list(
      `council=${world.councilA.id}&category=${world.category.id}&district=${world.district.id}&helpType=VOLUNTEERING&remote=&closingBefore=&sort=newest&page=1`,
    );
    expect(text).not.toContain("There is a problem");
    expect(text).not.toContain("could not be used");
    expect(text).not.toContain("There is no page");
    expect(decoded).not.toContain('aria-invalid="true"');
    expect(decoded).toContain("<title>Find a request to support");
  });
});
