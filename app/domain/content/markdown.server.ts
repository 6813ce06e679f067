// Guidance is written by council admins in Markdown; readers must never receive HTML a writer typed.
import { Marked } from "marked";
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
  const html = markdown.parse(source, { async: false });
  return sanitizeHtml(html, allowed);
}
