// Guidance is written by council admins in Markdown; readers must never receive HTML a writer typed.
import { Marked, type Token } from "marked";
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

/** Whether Markdown nests quotes and lists deeper than a page may (or too deep to read at all). */
export function nestsTooDeeply(source: string): boolean {
  try {
    return nestedDeeperThan(markdown.lexer(source), MAX_MARKDOWN_NESTING);
  } catch {
    return true;
  }
}
