// Guidance Markdown's ~~struck-through~~ words were shown as ordinary words: the sanitiser dropped the <del> the
// renderer made, so "~~Closed on Mondays~~ Open every day" told readers the place was closed on Mondays.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/domain/content/markdown.server.ts";

describe("struck-through words in guidance", () => {
  it("stay struck through", () => {
    expect(renderMarkdown("~~Closed on Mondays~~ Open every day")).toBe(
      "<p><del>Closed on Mondays</del> Open every day</p>\n",
    );
  });

  it("carry no attributes a writer typed", () => {
    const html = renderMarkdown('<del onclick="x()" style="color:red">a</del> ~~b~~');
    expect(html).not.toMatch(/<del[^>]/);
    expect(html).toContain("&lt;del");
    expect(html).toContain("<del>b</del>");
  });
});
