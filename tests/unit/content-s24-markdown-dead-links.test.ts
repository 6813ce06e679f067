// Guidance Markdown with a picture or link to an address no page may link to must show its words as plain text,
// never as a link to nowhere (an <a> without an href: announced as a link by nothing, reached by no key, and read
// as one by sighted readers). javascript: and data: were unwrapped already; "/\host" and "/ /host", which the
// sanitiser reads as another site's address, were kept as links by the renderer and then lost their address.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "~/domain/content/markdown.server.ts";

const HOSTILE = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,hi",
  "data:image/png;base64,AAAA",
  "vbscript:x",
  "//evil.test/a.png",
  "/\\evil.test/a.png",
  "</ /evil.test/a.png>",
  "</\\ evil.test>",
  "ftp://evil.test/a.png",
];

// an opening <a> tag with no href
const deadLink = /<a(?![^>]*\shref=)[\s>]/;

describe("a guidance picture or link to an address no page may link to", () => {
  it("is its words, as text", () => {
    expect(renderMarkdown("![Map of the ward](/\\evil.test/map.png)")).toBe(
      "<p>Picture: Map of the ward</p>\n",
    );
    expect(renderMarkdown("![Map of the ward](</ /evil.test/map.png>)")).toBe(
      "<p>Picture: Map of the ward</p>\n",
    );
    expect(renderMarkdown("![Map](javascript:alert(1))")).toBe("<p>Picture: Map</p>\n");
    expect(renderMarkdown("[Apply](data:text/html,hi)")).toBe("<p>Apply</p>\n");
  });

  it("never becomes a link without an address, whatever the address", () => {
    for (const address of HOSTILE)
      for (const source of [`![Picture](${address})`, `[Link](${address})`, `[Link][r]\n\n[r]: ${address}`]) {
        const html = renderMarkdown(source);
        expect(html, source).not.toMatch(deadLink);
        // any address kept is a path on this site ("/\evil.test" in a link is encoded as one, "/%5Cevil.test")
        for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) expect(href, source).toMatch(/^\/[^/\\]/);
      }
  });

  it("leaves the links a page may have as links", () => {
    expect(renderMarkdown("![Map](/images/map.png)")).toBe(
      '<p><a href="/images/map.png">Picture: Map</a></p>\n',
    );
    expect(renderMarkdown("[Help](/guidance)")).toBe('<p><a href="/guidance">Help</a></p>\n');
    expect(renderMarkdown("[Top](#top)")).toBe('<p><a href="#top">Top</a></p>\n');
    expect(renderMarkdown("[Us](mailto:help@council.test)")).toBe(
      '<p><a href="mailto:help@council.test">Us</a></p>\n',
    );
    expect(renderMarkdown("[Site](https://council.test/a)")).toBe(
      '<p><a href="https://council.test/a" rel="noopener noreferrer">Site</a></p>\n',
    );
  });
});
