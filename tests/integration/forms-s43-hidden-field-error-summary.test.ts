// A form whose hidden id was left out (a hand-made request) was told "This form was not recognised" in the error
// summary as a link to `#id`, an element no page has: the summary now says it as text, and still links the errors
// of the fields the officer can see.
import { beforeAll, describe, expect, it } from "vitest";
import { createWorldSignedInAs } from "../helpers/factories.ts";
import { formOf, postPage } from "../helpers/render-page.ts";

let cookie: string;

beforeAll(async () => {
  ({ cookie } = await createWorldSignedInAs("councilAdmin"));
});

describe("a council's category changed without the hidden id of the category", () => {
  it("says the form was not recognised as text in the error summary, and links the name's error to its field", async () => {
    const response = await postPage(
      "/council/categories",
      formOf({ intent: "update", name: "", description: "" }),
      cookie,
    );
    expect(response.status).toBe(400);
    const html = (await response.text()).replace(/<!-- -->/g, "");
    const summary = html.slice(
      html.indexOf('id="error-summary-title"'),
      html.indexOf("</ul>", html.indexOf('id="error-summary-title"')),
    );
    expect(summary).toContain("This form was not recognised");
    expect(summary).not.toContain('href="#id"');
    // every link of the summary leads to an element of the page
    const targets = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(html, target).toContain(`id="${target}"`);
  });
});
