// A guidance page's body, as readers get it: a wide table scrolled the whole page at 320 pixels (its box now scrolls
// on its own, reached by keyboard and named for a screen reader); a block of HTML, shown as text, ran into the next
// line with no paragraph of its own; and a heading could skip levels ("# A" then "#### B" gave h2 then h4).
import { describe, expect, it } from "vitest";
import { MARKDOWN_CLASSES, renderMarkdown } from "~/domain/content/markdown.server.ts";

describe("renderMarkdown", () => {
  it("puts a table in a focusable, named box that scrolls", () => {
    const html = renderMarkdown("| Day | Hours |\n|---|---|\n| Monday | 9 to 5 |\n");
    expect(html).toMatch(
      /^<div class="overflow-x-auto" role="region" aria-label="Table: Day, Hours" tabindex="0"><table>[\s\S]*<\/table>\s*<\/div>/,
    );
    expect(MARKDOWN_CLASSES).toContain("overflow-x-auto");
  });

  it("keeps a writer's own div out: their HTML is text", () => {
    const html = renderMarkdown('<div role="region" tabindex="0">x</div>');
    expect(html).toBe('<p>&lt;div role="region" tabindex="0"&gt;x&lt;/div&gt;</p>\n');
  });

  it("shows a block of HTML as a paragraph of its text, apart from the next", () => {
    const html = renderMarkdown("<img src=x onerror=alert(1)>\n\nNext paragraph");
    expect(html).toBe("<p>&lt;img src=x onerror=alert(1)&gt;</p>\n<p>Next paragraph</p>\n");
  });

  it.each([
    ["# A\n\n#### B", ["h2", "h3"]],
    ["## A\n\n###### B\n\n#### C", ["h2", "h3", "h4"]],
    ["#### A\n\n## B\n\n### C", ["h2", "h2", "h3"]],
    ["# A\n\n### B\n\n###### C\n\n# D", ["h2", "h3", "h4", "h2"]],
  ])("never skips a heading level: %j", (source, levels) => {
    expect([...renderMarkdown(source).matchAll(/<(h\d)>/g)].map((m) => m[1])).toEqual(levels);
  });

  it("starts each page's headings afresh", () => {
    renderMarkdown("# A\n\n## B\n\n### C");
    expect(renderMarkdown("#### D")).toBe("<h2>D</h2>\n");
  });
});

describe("renderMarkdown for an editor's preview", () => {
  it("puts the body's headings below the preview's own h2, never skipping a level", () => {
    const html = renderMarkdown("# A\n\n#### B\n\n###### C\n\n## D", { firstLevel: 3 });
    expect([...html.matchAll(/<(h\d)>/g)].map((m) => m[1])).toEqual(["h3", "h4", "h5", "h3"]);
  });
});
