// A guidance page's body as readers see it: HTML rendered from the council's Markdown and sanitised on the server
// (app/domain/content/markdown.server.ts: no raw HTML, only http(s), mailto and this site's links).
const PROSE =
  "[&_a]:underline [&_blockquote]:mb-4 [&_blockquote]:border-l-8 [&_blockquote]:border-line [&_blockquote]:pl-4 " +
  "[&_h2]:mt-8 [&_h2]:mb-3 [&_h2]:text-2xl [&_h2]:font-bold [&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:text-xl [&_h3]:font-bold " +
  "[&_h4]:mt-4 [&_h4]:mb-2 [&_h4]:font-bold [&_h5]:mt-4 [&_h5]:mb-2 [&_h5]:font-bold [&_li]:mb-1 [&_ol]:mb-4 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:mb-4 " +
  "[&_p]:text-lg [&_ul]:mb-4 [&_ul]:list-disc [&_ul]:pl-6 [&_table]:mb-4 [&_td]:border-b [&_td]:p-2 [&_th]:border-b-2 [&_th]:p-2";

// A long address or word (a link pasted as its own text) breaks onto the next line, and so does a long line of a
// code block, rather than widening the page past a phone's screen (WCAG 1.4.10, reflow at 320 pixels wide).
const REFLOW = "wrap-break-word [&_pre]:whitespace-pre-wrap";

export function GuidanceBody({ html }: { html: string }) {
  return <div className={`max-w-3xl ${REFLOW} ${PROSE}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
