// Guidance Markdown lost GitHub-style task lists' ticks ("- [x] Sign up" read as "Sign up", the same as a task
// still to do), tables' column alignment (the sanitiser dropped align=, and a style= would be refused by the CSP),
// and header cells did not say they head their column (no scope="col").
import postcss from "postcss";
import tailwind from "@tailwindcss/postcss";
import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MARKDOWN_CLASSES, renderMarkdown } from "~/domain/content/markdown.server.ts";
import { GuidanceBody } from "~/ui/guidance-body.tsx";

describe("task lists in guidance", () => {
  it("say in words which tasks are done and which are still to do", () => {
    expect(renderMarkdown("- [x] Register your organisation\n- [ ] Post a request\n- Read this")).toBe(
      "<ul>\n" +
        '<li><span class="font-bold">Done:</span> Register your organisation</li>\n' +
        '<li><span class="font-bold">To do:</span> Post a request</li>\n' +
        "<li>Read this</li>\n" +
        "</ul>\n",
    );
  });

  it("keep the state in a loose list and an upper-case X", () => {
    const html = renderMarkdown("- [X] First\n\n  More about it\n\n- [ ] Second\n");
    expect(html).toContain('<p><span class="font-bold">Done:</span> First</p>');
    expect(html).toContain('<p><span class="font-bold">To do:</span> Second</p>');
  });

  it("never become form controls", () => {
    expect(renderMarkdown("- [x] a\n- [ ] b")).not.toMatch(/<input/i);
  });
});

describe("tables in guidance", () => {
  const table = "| Item | Hours | Cost |\n| :--- | :---: | ---: |\n| Paint | 4 | £20 |\n";

  it("mark each header cell as heading its column", () => {
    const html = renderMarkdown(table);
    expect(html.match(/<th scope="col"[ >]/g)).toHaveLength(3);
  });

  it("keep each column's alignment as a class, with no style or align attribute", () => {
    const html = renderMarkdown(table);
    expect(html).toContain('<th scope="col" class="text-left">Item</th>');
    expect(html).toContain('<th scope="col" class="text-center">Hours</th>');
    expect(html).toContain('<th scope="col" class="text-right">Cost</th>');
    expect(html).toContain('<td class="text-left">Paint</td>');
    expect(html).toContain('<td class="text-center">4</td>');
    expect(html).toContain('<td class="text-right">£20</td>');
    expect(html).not.toMatch(/\s(style|align)=/i);
  });

  it("leave a header cell with no alignment on the left, and its data cells as they are", () => {
    const html = renderMarkdown("| A |\n| --- |\n| 1 |\n");
    expect(html).toContain('<th scope="col" class="text-left">A</th>');
    expect(html).toContain("<td>1</td>");
  });
});

describe("what a writer types", () => {
  it("cannot give a cell or span its own class, scope or style", () => {
    const html = renderMarkdown(
      '<span class="font-bold fixed inset-0">x</span>\n\n<table><tr><th scope="row" class="hidden">h</th></tr></table>',
    );
    expect(html).not.toMatch(/<(span|th|td|table)\b/i);
    expect(html).toContain("&lt;span");
  });

  it("still loses a link that is not to the web, email or this site, keeping its words", () => {
    expect(renderMarkdown("[click me](javascript:alert(1))")).toBe("<p>click me</p>\n");
  });
});

describe("the stylesheet", () => {
  // Tailwind puts in the CSS only the class names it finds written out in the source files
  it("has every class the Markdown renderer gives, and no page rule that overrides a column's alignment", async () => {
    const source = readFileSync("app/tailwind.css", "utf8");
    const { css } = await postcss([tailwind()]).process(source, { from: "app/tailwind.css" });
    for (const className of MARKDOWN_CLASSES) expect(css).toMatch(new RegExp(`\\.${className}\\s*\\{`));
    // such as a left alignment for every th of the guidance page's body (more specific than .text-center); a rule
    // scoped by a class the body does not carry (a dashboard table's) cannot reach it
    const bodyClasses = new Set(
      /class="([^"]*)"/
        .exec(renderToStaticMarkup(createElement(GuidanceBody, { html: "" })))![1]
        .replaceAll("&amp;", "&")
        .split(" "),
    );
    const reachingGuidance: string[] = [];
    postcss.parse(css).walkRules((rule) => {
      if (!rule.some((node) => node.type === "decl" && node.prop === "text-align")) return;
      for (const selector of rule.selectors) {
        if (!/(^|[\s>+~])th(?![\w-])/.test(selector)) continue;
        const scope = /^\.((?:\\.|[\w-])+)/.exec(selector)?.[1].replace(/\\(.)/g, "$1");
        if (!scope || bodyClasses.has(scope)) reachingGuidance.push(selector);
      }
    });
    expect(reachingGuidance).toEqual([]);
  }, 30_000);
});
