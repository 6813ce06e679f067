// Guidance Markdown with a link the sanitiser refuses (javascript:, tel:, a bare "www.example.org", …) lost the
// first closing tag after it: sanitize-html renamed it to the tag the refused link had been renamed to
// ("<strong>opening hours</unwrapped-link>"), so bold ran on, list items stayed open, and in a browser the rest of
// the page, tables included, became part of a link, with an empty link that axe flags. A refused link is now its
// words, as text, and every other tag closes as it opened.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/domain/content/markdown.server.ts";

const VOID = new Set(["br", "hr"]);

// Whether every tag closes in the order it opened, with no tag left open, and no "<" that is not a tag. (A browser
// forgives what this refuses: it is stricter than parsing the HTML and writing it out again.)
function tagProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*>/g)) {
    if (VOID.has(name)) continue;
    if (!closing) open.push(name);
    else if (open.at(-1) === name) open.pop();
    else problems.push(`</${name}> closes <${open.at(-1) ?? "nothing"}>`);
  }
  if (open.length) problems.push(`left open: ${open.join(", ")}`);
  if (html.replace(/<\/?[a-zA-Z][\w-]*[^>]*>/g, "").includes("<")) problems.push("a < that is not a tag");
  return problems;
}

describe("a guidance link the sanitiser refuses", () => {
  it("leaves its words as text, and a table after it is a table, not part of a link", () => {
    const html = renderMarkdown(
      "[click](javascript:alert(1)) and [ok](https://example.org) <img src=x onerror=alert(1)>\n\n" +
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
    );
    expect(html).toBe(
      '<p>click and <a href="https://example.org" rel="noopener noreferrer">ok</a> ' +
        "&lt;img src=x onerror=alert(1)&gt;</p>\n" +
        '<div class="overflow-x-auto" role="region" aria-label="Table: a, b" tabindex="0"><table>\n<thead>\n<tr>\n' +
        '<th scope="col" class="text-left">a</th>\n<th scope="col" class="text-left">b</th>\n' +
        "</tr>\n</thead>\n<tbody><tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody></table>\n</div>\n",
    );
    expect(tagProblems(html)).toEqual([]);
  });

  it("leaves bold after it closed", () => {
    const html = renderMarkdown(
      "Visit [our site](www.northshire.gov.uk) for **opening hours** and [email us](mailto:a@b.org).",
    );
    expect(html).toBe(
      '<p>Visit our site for <strong>opening hours</strong> and <a href="mailto:a@b.org">email us</a>.</p>\n',
    );
  });

  it("leaves each list item after it closed", () => {
    expect(renderMarkdown("[Call us](tel:01234567890)\n\n- one\n- two")).toBe(
      "<p>Call us</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n",
    );
  });

  it("keeps the emphasis inside its words", () => {
    expect(renderMarkdown("[Call *us* now](tel:0123) or **write**")).toBe(
      "<p>Call <em>us</em> now or <strong>write</strong></p>\n",
    );
  });

  // every kind of address the file's rules refuse (only http(s), mailto, a path on this site and #… are links),
  // as a link, a picture and a reference link, followed by every kind of tag a page may have ("/\host" and
  // "/ /host", refused as a picture and kept as a link as a path on this site, are in the s24 test)
  const REFUSED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,hi",
    "vbscript:x",
    "tel:01234567890",
    "sms:01234567890",
    "ftp://example.org/a",
    "file:///etc/passwd",
    "www.example.org",
    "example.org/page",
    "page.html",
    "../up",
    "?q=1",
    "//example.org/a",
    "<>",
    "",
  ];
  // each as the words in the paragraph and any definition, which goes at the end
  const FORMS = [
    (address: string) => [`[Words here](${address})`, ""],
    (address: string) => [`![Words here](${address})`, ""],
    (address: string) => ["[Words here][r]", `\n\n[r]: ${address || "<>"}`],
  ];
  const AFTER = [
    "**bold** and *slanted* and ~~struck~~ and `code` and [a link](/guidance)",
    "- one\n- two\n\n1. first\n2. second",
    "| a | b |\n| :-- | --: |\n| 1 | 2 |",
    "> quoted\n\n## Heading\n\n---\n\n```\ncode block\n```",
    "- [x] done\n- [ ] to do",
  ];

  it("never leaves a tag unclosed or misclosed, whatever the address and whatever follows", () => {
    for (const address of REFUSED)
      for (const form of FORMS)
        for (const after of AFTER) {
          const [words, definition] = form(address);
          const source = `Before ${words} between\n\n${after}\n\nLast **words**${definition}`;
          const html = renderMarkdown(source);
          expect(tagProblems(html), source).toEqual([]);
          expect(html, source).not.toMatch(/unwrapped/);
          expect(html, source).toMatch(/<p>Before (Picture: )?Words here between<\/p>/);
          expect(html, source).toMatch(/<p>Last <strong>words<\/strong><\/p>\n$/);
          // the only links left are the ones a page may have, each with its address and words
          for (const [, attributes, words] of html.matchAll(/<a(\s[^>]*)?>(.*?)<\/a>/g)) {
            expect(attributes, source).toMatch(/^ href="(\/[^/\\]|https?:\/\/|mailto:|#)/);
            expect(words.trim(), source).not.toBe("");
          }
        }
  });

  it("never lets HTML the writer typed through", () => {
    const html = renderMarkdown(
      '[x](tel:1) <a href="javascript:alert(1)">y</a> <script>alert(1)</script>\n\n' +
        '[z](www.example.org) <b onclick="alert(1)">w</b>\n\n<div>block</div>',
    );
    expect(html).toBe(
      '<p>x &lt;a href="javascript:alert(1)"&gt;y&lt;/a&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>\n' +
        '<p>z &lt;b onclick="alert(1)"&gt;w&lt;/b&gt;</p>\n' +
        "<p>&lt;div&gt;block&lt;/div&gt;</p>\n",
    );
    expect(tagProblems(html)).toEqual([]);
  });
});
