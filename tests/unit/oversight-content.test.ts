import { describe, expect, it } from "vitest";
import { contrastWithWhite, isHexColour } from "~/domain/content/brand-colour.ts";
import { renderMarkdown } from "~/domain/content/markdown.server.ts";
import { councilSettingsSchema } from "~/domain/content/schemas.ts";

describe("guidance Markdown is rendered safely", () => {
  it("renders headings, lists and links", () => {
    const html = renderMarkdown(
      "# Title\n\n## How it works\n\n- one\n- two\n\n[Apply](https://example.org/apply)",
    );
    expect(html).toContain("<h2>Title</h2>");
    expect(html).toContain("<h2>How it works</h2>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.org/apply" rel="noopener noreferrer">Apply</a>');
  });

  it("shows raw HTML as text, never as markup", () => {
    const html = renderMarkdown('Hello <script>alert("x")</script> and <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("removes javascript:, data: and vbscript: links but keeps the words", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,hi",
      "vbscript:msgbox",
    ]) {
      const html = renderMarkdown(`[click me](${href})`);
      expect(html).toContain("click me");
      expect(html).not.toMatch(/href=/i);
      expect(html.toLowerCase()).not.toContain(href.toLowerCase().split(":")[0] + ":");
    }
  });

  it("links to a picture by its description instead of embedding it, and keeps the words of an unsafe one", () => {
    expect(renderMarkdown("![Map of the park](https://example.org/map.png)")).toBe(
      '<p><a href="https://example.org/map.png" rel="noopener noreferrer">Picture: Map of the park</a></p>\n',
    );
    const unsafe = renderMarkdown('![<b>x</b> "y"](javascript:alert(1))');
    expect(unsafe).not.toMatch(/<img|href=|<b>/i);
    expect(unsafe).toContain("Picture: ");
  });

  it("removes event handlers and style attributes smuggled through Markdown", () => {
    const html = renderMarkdown('[a](https://x.test "t" onclick="evil()")\n\n<p style="x">p</p>');
    expect(html).not.toMatch(/<[^>]+onclick/i);
    expect(html).not.toMatch(/<[^>]+style=/i);
  });
});

describe("brand colour", () => {
  it("accepts only six-digit hex colours", () => {
    expect(isHexColour("#1d3d7a")).toBe(true);
    expect(isHexColour("#FFF")).toBe(false);
    expect(isHexColour("red")).toBe(false);
    expect(isHexColour("#1d3d7a; background:url(x)")).toBe(false);
  });

  it("computes WCAG contrast with white", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 1);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastWithWhite("#767676")).toBeCloseTo(4.54, 1);
  });

  it("rejects a colour too light for white text and keeps a dark one", () => {
    const base = {
      councilName: "Northshire",
      returnDueDays: "30",
      reminderDaysBefore: "7",
      overdueReminderDays: "7",
    };
    expect(councilSettingsSchema.safeParse({ ...base, brandColour: "#FFDD00" }).success).toBe(false);
    expect(councilSettingsSchema.safeParse({ ...base, brandColour: "#777777" }).success).toBe(false);
    const ok = councilSettingsSchema.safeParse({ ...base, brandColour: "#005A30" });
    expect(ok.success && ok.data.brandColour).toBe("#005a30");
  });
});
