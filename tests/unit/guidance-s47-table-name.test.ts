// A table in a guidance page scrolls in a box a screen reader names by the table's column headings: it read them
// as written in Markdown, so a heading "**Fees**" was announced "star star Fees star star" and a linked one as
// "[Fees](/fees)". The box is now named by the headings' text as the reader sees it in the table.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/domain/content/markdown.server.ts";

// the box's name as a browser reads it (entities decoded)
function regionName(html: string) {
  const name = /<div class="overflow-x-auto" role="region" aria-label="([^"]*)"/.exec(html)?.[1];
  if (name === undefined) throw new Error(`no named table box in ${html}`);
  return name
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&copy;/g, "©")
    .replace(/&amp;/g, "&");
}

const table = (headings: string) => `| ${headings} |\n|${" --- |".repeat(headings.split(" | ").length)}\n`;

describe("the name of a guidance table's scrolling box", () => {
  it.each([
    ["bold", "**Fees** | _When_", "Table: Fees, When"],
    ["a link", "[Fees](/guidance/fees) | Hours", "Table: Fees, Hours"],
    ["a link with a title", '[Fees](/fees "All fees") | Hours', "Table: Fees, Hours"],
    ["struck-through and code", "~~Old~~ | `rate` per hour", "Table: Old, rate per hour"],
    ["a picture", "![Council logo](/logo.png) | Name", "Table: Picture: Council logo, Name"],
    ["escaped marks", "\\*Fees\\* | 5 \\| 6", "Table: *Fees*, 5 | 6"],
    ["entities and ampersands", "Fees &amp; charges | &copy; A & B", "Table: Fees & charges, © A & B"],
    ["a writer's HTML, as the text it shows", "<b>Fees</b> | a<br>b", "Table: <b>Fees</b>, a<br>b"],
    ["quotes", '"Fees" | it\'s', 'Table: "Fees", it\'s'],
    ["a heading left empty", " | Hours", "Table: Hours"],
    ["a heading of marks only", "** ** | Hours", "Table: ** **, Hours"],
    // marked leaves the text inside a writer's <pre> unescaped: its quote cut the name to "Table: <pre>"
    [
      "text inside a writer's <pre>",
      '<pre>" onmouseover="alert(1)</pre> | b',
      'Table: <pre>" onmouseover="alert(1)</pre>, b',
    ],
    // and the text inside a writer's <script> was read as HTML: the sanitiser took "<b & …" for a tag
    [
      "text inside a writer's <script>",
      '<script>a<b & "c"</script> | b',
      'Table: <script>a<b & "c"</script>, b',
    ],
  ])("names it by the headings as shown, with %s", (_, headings, name) => {
    expect(regionName(renderMarkdown(table(headings)))).toBe(name);
  });

  it("shows a writer's <script> in its heading cell as the text it is named by", () => {
    const html = renderMarkdown(table('<script>a<b & "c"</script> | b'));
    expect(html).toContain(
      '<th scope="col" class="text-left">&lt;script&gt;a&lt;b &amp; "c"&lt;/script&gt;</th>',
    );
  });

  it.each([
    [
      'x" onfocus="alert(1) | [y](/a "b>c")',
      'aria-label="Table: x&quot; onfocus=&quot;alert(1), y"',
      'Table: x" onfocus="alert(1), y',
    ],
    [
      '<pre>" onmouseover="alert(1)</pre> | b',
      'aria-label="Table: &lt;pre&gt;&quot; onmouseover=&quot;alert(1)&lt;/pre&gt;, b"',
      'Table: <pre>" onmouseover="alert(1)</pre>, b',
    ],
  ])("keeps the name one attribute whatever the headings hold: %s", (headings, label, name) => {
    const html = renderMarkdown(table(headings));
    const box = /<div[^>]*>/.exec(html)![0];
    expect(box).toBe(`<div class="overflow-x-auto" role="region" ${label} tabindex="0">`);
    expect(regionName(html)).toBe(name);
  });
});
