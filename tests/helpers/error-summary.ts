// The GOV.UK error summary on a rendered page: the fields it links to, in its order, and the order those fields
// are in on the page, so a test can check the summary follows the page. A page with no summary fails the test.
import { readableText } from "./render-page.ts";

export function errorSummaryOrder(html: string) {
  const start = html.indexOf('id="error-summary-title"');
  if (start === -1) throw new Error("the page has no error summary");
  const summary = html.slice(start, html.indexOf("</ul>", start));
  const linked = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
  const onPage = [...linked].sort((a, b) => html.indexOf(`id="${a}"`) - html.indexOf(`id="${b}"`));
  return { linked, onPage };
}

/** The error shown next to a field of a rendered page (its `<name>-error` paragraph), as a person reads it; null
 * where there is none. */
export function fieldError(html: string, name: string) {
  const match = new RegExp(`<p id="${name}-error"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return match ? readableText(match[1]!).trim() : null;
}
