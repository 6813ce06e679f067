// Guidance is written by council admins in Markdown; readers must never receive HTML a writer typed.
import { Lexer, Marked, type Token } from "marked";
import sanitizeHtml from "sanitize-html";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Raw HTML in the Markdown is shown as text, not interpreted.
const markdown = new Marked({
  gfm: true,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    // A picture is not embedded (each reader's browser would fetch it from wherever the writer pointed): it
    // becomes a link to the picture named by its description, so the words the writer gave it stay.
    image({ href, text }) {
      return `<a href="${escapeHtml(href)}">Picture: ${escapeHtml(text.trim() || "no description given")}</a>`;
    },
  },
});

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
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
  ],
  allowedAttributes: { a: ["href", "title"], th: ["scope"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // A page already has its h1 (the title): headings in the body start at h2.
  transformTags: {
    h1: "h2",
    h5: "h4",
    h6: "h4",
    // A link to anything but the web, email or this site is unwrapped: the words stay, the link goes.
    a: (tagName, attribs) => {
      const href = (attribs.href ?? "").trim();
      if (/^https?:\/\//i.test(href)) return { tagName, attribs: { ...attribs, rel: "noopener noreferrer" } };
      if (/^mailto:/i.test(href) || /^\/(?!\/)/.test(href) || href.startsWith("#"))
        return { tagName, attribs };
      return { tagName: "span", attribs: {} };
    },
  },
};
allowed.allowedAttributes = { ...allowed.allowedAttributes, a: ["href", "title", "rel"] };

export function renderMarkdown(source: string): string {
  // too many * or _ to render in time (saved before they were limited): its words, as text
  if (emphasisTooCostly(source)) return `<p>${escapeHtml(source)}</p>`;
  let html: string;
  try {
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
