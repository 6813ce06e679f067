// A link to the public list with a filter the list cannot read (a type of help spelled wrongly, a "remote" choice
// written another way, a mangled category id, a "published since" time cut short) listed every request, with the
// form showing "Any …", as if the person had asked for nothing: the filter was dropped unseen. Each is now said
// to be left out, naming the filter, and the page is still a 200 with the other filters applied. Since session 56
// each is said next to its field and in the error summary (marketplace-s56-filter-problems.test.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { createRequest, createWorld, unique } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let word: string;
let requestId: string;

beforeAll(async () => {
  const world = await createWorld();
  // a word only this file's request has, so the list holds it alone whatever other tests made
  word = unique("zarquon").replace(/[^a-z]/gi, "");
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title: `Volunteers for the ${word} garden`,
    helpType: "GOODS",
  });
  requestId = need.id;
});

async function list(search: string) {
  const response = await renderPage(`/requests?q=${word}&${search}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, text: readableText(html) };
}

describe("a filter in the link the list cannot read", () => {
  it.each([
    [
      "helpType=BAD",
      "The type of help in the link you followed, “BAD”, is not one of the types of help: choose a type of help, or any type of help",
    ],
    [
      "remote=yes",
      "The “can be done remotely” choice in the link you followed, “yes”, was not understood: tick the box for requests that can be done remotely, or leave it empty for all requests",
    ],
    [
      "since=last-tuesday",
      "The “published since” time in the link you followed, “last-tuesday”, is not a real time, so requests published at any time are shown.",
    ],
    [
      "category=NOT-AN-ID",
      "The category in the link you followed was not found (it may have been removed): choose a category, or any category",
    ],
    [
      "council=Some%20Council&district=..%2Fetc",
      "The council and district in the link you followed could not be used, so these requests are not filtered by them.",
    ],
  ])("%s is said to be left out, and every request is listed", async (search, notice) => {
    const { html, text } = await list(search);
    expect(text).toContain(notice);
    expect(html).toContain(`href="/requests/${requestId}"`);
  });

  it("is left out while the filters it could read still apply", async () => {
    const { html, text } = await list("helpType=BAD&closingBefore=2000-01-01");
    expect(text).toContain("“BAD”, is not one of the types of help");
    // a closing date long past: the list is filtered by it, so nothing matches
    expect(html).not.toContain(`href="/requests/${requestId}"`);
    expect(text).toContain("No open requests match");
  });

  it("is shown back as text, cut short", async () => {
    const { html } = await list(`helpType=${encodeURIComponent(`<b>${"x".repeat(60)}`)}`);
    expect(html).not.toContain("<b>xxx");
    expect(html).toContain(`“&lt;b&gt;${"x".repeat(37)}”`);
  });

  it("says nothing when every filter is read, or left empty", async () => {
    for (const search of ["helpType=GOODS&remote=", "helpType=&category=&since=&council=", ""]) {
      const { html, text } = await list(search);
      expect(text).not.toContain("in the link you followed");
      expect(html).toContain(`href="/requests/${requestId}"`);
    }
  });
});
