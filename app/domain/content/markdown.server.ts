// Guidance is written by council admins in Markdown; readers must never receive HTML a writer typed.
import { Lexer, Marked, Renderer, type Token, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
// an address as Markdown gives it, for an attribute: an entity already written (&amp;) is kept, as marked keeps it
const escapeAddress = (text: string) =>
  text
    .replace(/&(?!#?\w+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

// The text a reader sees in rendered inline HTML (a table's headings), for an attribute. That HTML is the renderer's
// own tags (bold, code, links, line breaks) around text it has escaped, a writer's own tags included (html() and
// text() below). A real parser reads it, as the sanitiser does: a line break becomes a space, the other tags are
// dropped and the entities decoded. What it gives back has &, < and > escaped again but not quotes, so those are
// escaped here and nothing in the text can end the attribute or cut the name short; runs of white space become one.
const TEXT_ONLY: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {} };
const attributeText = (html: string) =>
  sanitizeHtml(html.replace(/<br\s*\/?>/g, " "), TEXT_ONLY)
    .replace(/"/g, "&quot;")
    .replace(/\s+/g, " ")
    .trim();

const pictureWords = (text: string) => `Picture: ${text.trim() || "no description given"}`;

// A column's alignment as a class (the CSP refuses style attributes, and HTML's align is obsolete), spelt out in
// full so that Tailwind, which finds class names by reading the source files, puts each of them in the CSS.
const ALIGN_CLASS = { left: "text-left", center: "text-center", right: "text-right" } as const;
// A task-list item's state, in words: a disabled checkbox outside any form is a control nobody can use, and
// its state reaches neither a keyboard user nor every screen reader as clearly as a word does.
const TASK_STATE = {
  done: { className: "font-bold", text: "Done:" },
  toDo: { className: "font-bold", text: "To do:" },
} as const;

// A table scrolls sideways inside its own box (WCAG 1.4.10: a wide table at 320 pixels does not widen the page),
// which a keyboard reaches and a screen reader names, as the portal's own tables do (Table in app/ui/components.tsx).
const TABLE_SCROLL_CLASS = "overflow-x-auto";

/** Every class renderMarkdown may put in a page (the stylesheet must have each). */
export const MARKDOWN_CLASSES = [
  ...new Set([
    ...Object.values(ALIGN_CLASS),
    ...Object.values(TASK_STATE).map((s) => s.className),
    TABLE_SCROLL_CLASS,
  ]),
];

// The level of the heading last rendered in the page being rendered (1: the page's own title): a heading is at most
// one level below it, so "# A" then "#### B" is h2 then h3, not a skipped level (WCAG 1.3.1). Reset for each page.
let lastHeading = 1;
// the level a page's top headings take: 2 under the page's title, 3 in an editor's preview, under its "Preview"
let firstHeading = 2;

// Raw HTML in the Markdown is shown as text, not interpreted.
const markdown = new Marked({
  gfm: true,
  renderer: {
    // a block of HTML is a paragraph of its text, not bare text run into the next block
    html({ text, block }) {
      return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
    },
    // Text after a writer's <pre>, <code>, <kbd> or <script> is text like any other (the tag itself is shown as text,
    // above), but marked leaves it unescaped as if the tag were HTML passed through: "<pre>a<b & c</pre>" lost all
    // after its "a" to the sanitiser, which read "<b & c…" as a tag.
    text(token) {
      return Renderer.prototype.text.call(this, "escaped" in token ? { ...token, escaped: false } : token);
    },
    heading({ tokens, depth }) {
      const level = Math.min(
        Math.max(depth + firstHeading - 2, firstHeading),
        lastHeading + 1,
        firstHeading + 2,
      );
      lastHeading = level;
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    table(token) {
      const table = Renderer.prototype.table.call(this, token);
      // named by its column headings as the reader sees them ("Fees", not the "**Fees**" written)
      const columns = token.header
        .map((cell) => attributeText(this.parser.parseInline(cell.tokens)))
        .filter(Boolean);
      const name = columns.length ? `Table: ${columns.join(", ")}` : "Table";
      return `<div class="${TABLE_SCROLL_CLASS}" role="region" aria-label="${name}" tabindex="0">${table}</div>\n`;
    },
    // A picture is not embedded (each reader's browser would fetch it from wherever the writer pointed): it
    // becomes a link to the picture named by its description, so the words the writer gave it stay.
    image({ href, text }) {
      return `<a href="${escapeHtml(href)}">${escapeHtml(pictureWords(text))}</a>`;
    },
    // A link's words without the spaces around them ("[ open requests ](/requests)" underlined a space either side,
    // and "[ x](/y)" began the link with one): the spaces stay, outside the link. A picture inside a link is its
    // words there ("Picture: …"), not a second link inside the first, which browsers split into an empty link.
    link({ href, title, text, tokens, autolink }: Tokens.Link) {
      const words = autolink
        ? escapeHtml(text)
        : this.parser.parseInline(
            tokens.map((token) =>
              token.type === "image"
                ? ({ type: "text", raw: token.raw, text: pictureWords(token.text) } satisfies Tokens.Text)
                : token,
            ),
          );
      let address: string;
      try {
        address = encodeURI(href).replace(/%25/g, "%");
      } catch {
        return words;
      }
      const [, before = "", inside = "", after = ""] = /^(\s*)([\s\S]*?)(\s*)$/.exec(words) ?? [];
      const titled = title ? ` title="${escapeHtml(title)}"` : "";
      // a link with no words ("[ ](/requests)") is named by its address, not left empty for a screen reader
      return `${before}<a href="${escapeAddress(address)}"${titled}>${inside || escapeHtml(href)}</a>${after}`;
    },
    checkbox({ checked }) {
      const state = checked ? TASK_STATE.done : TASK_STATE.toDo;
      return `<span class="${state.className}">${state.text}</span> `;
    },
    // a header cell says it heads its column; every cell keeps the column's alignment (a header cell is left
    // aligned unless told otherwise, as the rest of the portal's tables are)
    tablecell(cell) {
      const content = this.parser.parseInline(cell.tokens);
      const align = cell.align ?? (cell.header ? "left" : null);
      const className = align ? ` class="${ALIGN_CLASS[align]}"` : "";
      return cell.header
        ? `<th scope="col"${className}>${content}</th>\n`
        : `<td${className}>${content}</td>\n`;
    },
  },
});

// An address as the sanitiser judges it: without the spaces and control characters browsers skip (so does it).
// eslint-disable-next-line no-control-regex -- those characters are what is being removed
const asTheSanitiserReads = (href: string) => href.replace(/[\x00-\x20]+/g, "");

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    "div",
    "h2",
    "h3",
    "h4",
    // in a preview, below its own heading
    "h5",
    "p",
    "a",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    // ~~struck through~~: the words alone would say the opposite of what was meant
    "del",
    "blockquote",
    "code",
    "pre",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    // a task-list item's "Done:" or "To do:"
    "span",
  ],
  allowedAttributes: {
    // a table's scrolling box (only the renderer makes one: a writer's HTML is text)
    div: [
      { name: "role", multiple: false, values: ["region"] },
      { name: "tabindex", multiple: false, values: ["0"] },
      "aria-label",
      "class",
    ],
    a: ["href", "title"],
    th: [{ name: "scope", multiple: false, values: ["col"] }, "class"],
    td: ["class"],
    span: ["class"],
  },
  // only the classes the renderer gives (a writer's own HTML never reaches here as HTML)
  allowedClasses: {
    div: [TABLE_SCROLL_CLASS],
    th: Object.values(ALIGN_CLASS),
    td: Object.values(ALIGN_CLASS),
    span: [...new Set(Object.values(TASK_STATE).map((s) => s.className))],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // A page already has its h1 (the title): headings in the body start at h2.
  transformTags: {
    h1: "h2",
    h6: "h5",
    // A link to anything but the web, email or this site is unwrapped: the words stay, the link goes.
    a: (tagName, attribs) => {
      const href = asTheSanitiserReads(attribs.href ?? "");
      if (/^https?:\/\//i.test(href)) return { tagName, attribs: { ...attribs, rel: "noopener noreferrer" } };
      // a path on this site: "/\host" and "/ /host" are another site's address, which the sanitiser would strip
      // from the link, leaving a link to nowhere
      if (/^mailto:/i.test(href) || /^\/(?![/\\])/.test(href) || href.startsWith("#"))
        return { tagName, attribs };
      // any other link loses its address here, and exclusiveFilter (below) drops the tag and keeps its words.
      // Renaming the tag to one no page may have instead made sanitize-html rename the next closing tag at the
      // same depth too ("<strong>…</unwrapped-link>"): bold ran on, list items stayed open, tables became links.
      return { tagName, attribs: {} };
    },
  },
  // A link left with no address (refused above, or by the sanitiser's own scheme check) is its words, as text:
  // never a link to nowhere, which no key reaches and no screen reader names.
  exclusiveFilter: (frame) => (frame.tag === "a" && !frame.attribs.href ? "excludeTag" : false),
};
allowed.allowedAttributes = { ...allowed.allowedAttributes, a: ["href", "title", "rel"] };

export function renderMarkdown(source: string, { firstLevel = 2 }: { firstLevel?: 2 | 3 } = {}): string {
  // too many * or _ to render in time (saved before they were limited): its words, as text
  if (emphasisTooCostly(source)) return `<p>${escapeHtml(source)}</p>`;
  let html: string;
  try {
    firstHeading = firstLevel;
    lastHeading = firstLevel - 1;
    html = markdown.parse(source, { async: false });
  } catch {
    // nested too deeply to render (saved before nesting was limited): its words, as text
    return `<p>${escapeHtml(source)}</p>`;
  }
  return sanitizeHtml(html, allowed);
}

// Quotes and lists may nest this deep. marked recurses once a level: a few thousand levels ("> - " over and
// over, 4,000 characters) overflow its stack, and a few hundred take most of a second on every view.
export const MAX_MARKDOWN_NESTING = 10;

function nestedDeeperThan(tokens: Token[], levels: number): boolean {
  for (const token of tokens) {
    const nests = token.type === "blockquote" || token.type === "list";
    if (nests && levels === 0) return true;
    const children = [
      ...("tokens" in token && Array.isArray(token.tokens) ? (token.tokens as Token[]) : []),
      ...(token.type === "list" ? (token.items as Token[]) : []),
    ];
    if (nestedDeeperThan(children, nests ? levels - 1 : levels)) return true;
  }
  return false;
}

// The blocks only (quotes, lists, paragraphs, headings, table cells), as marked.lexer reads them, each block's text
// left unread in the lexer's queue: reading the text is where * and _ take their time (below).
function blocksOf(source: string) {
  const lexer = new Lexer(markdown.defaults);
  const tokens = lexer.blockTokens(source.replace(/\r\n?/g, "\n"));
  return { tokens, texts: lexer.inlineQueue.map((queued) => queued.src) };
}

/** Whether Markdown nests quotes and lists deeper than a page may (or too deep to read at all). */
export function nestsTooDeeply(source: string): boolean {
  try {
    return nestedDeeperThan(blocksOf(source).tokens, MAX_MARKDOWN_NESTING);
  } catch {
    return true;
  }
}

// marked looks for the closing mark of each * or _ (or ~) that may open emphasis through the rest of its paragraph
// (markedjs/marked#4099), so the time grows with marks × the paragraph's length: 1,000 in a 6,000-character
// paragraph took half a second, 16,000 in a 48,000-character one three minutes, while every other visitor
// waited. This allows, over a page, 200 in 10,000 characters of paragraphs, in about a quarter of a second.
export const MAX_EMPHASIS_WORK = 2_000_000;
// the runs that may open emphasis: followed by a character, not escaped (\*), and an _ not inside a word
// (snake_case, a_link)
const OPENING_MARKS = /(?<![\\*])\*+(?=[^\s*])|(?<![\\~])~+(?=[^\s~])|(?<![\\\p{L}\p{N}_])_+(?=[^\s_])/gu;

/** Whether the page's paragraphs (headings, table cells, list items) have too many * and _ to render in time. */
export function emphasisTooCostly(source: string): boolean {
  let texts: string[];
  try {
    texts = blocksOf(source).texts;
  } catch {
    // nested too deeply to read: renderMarkdown shows it as text
    return false;
  }
  let work = 0;
  for (const text of texts) work += (text.match(OPENING_MARKS)?.length ?? 0) * text.length;
  return work > MAX_EMPHASIS_WORK;
}
