import { redirect } from "@remix-run/node";

// A download (a resource route: a CSV, a return's evidence file) renders no page of its own, so a 404 thrown while
// checking who asks reached the browser as the bare words "Not found" rather than through the root's error page.
// A person who followed the link (their browser asks for a page) is sent to the page the download belongs to,
// which makes the same check and refuses in the portal's own layout ("Page not found", with the header and the way
// back). A program that asks for the file alone keeps the plain 404. Any other answer (a redirect to sign in, a
// 403 saying who can give access) is left as it was.
//
// No link of the portal's own pages to one of these routes carries the `download` attribute (a test holds them to
// it; the contract import's sample, a fixed file under /samples that nothing refuses, keeps it): for such a link
// Chromium sends no Accept header, so a refused one ended as a silently failed download rather than this page. A
// plain link still downloads a file the person may have (each of these routes answers with Content-Disposition:
// attachment, but the open data's JSON, which opens in the browser) and the page they clicked it on stays where it
// is.
//
// Both refusals depend on the Accept header, so they say so (Vary: Accept): a cache, the browser's own included,
// must not answer a page's request with the 404 kept from a program's, nor a program's with the redirect. And
// neither is kept at all (Cache-Control: no-store): once the person may have the file, or signs in as someone
// who may, the link must give it, not a refusal remembered from before.
export async function downloadRefusedToPage<T>(
  request: Request,
  page: string,
  check: () => Promise<T>,
): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof Response && error.status === 404) {
      if (asksForPage(request.headers.get("accept")))
        throw redirect(page, { status: 303, headers: { Vary: "Accept", "Cache-Control": NO_STORE } });
      const headers = new Headers(error.headers);
      headers.append("Vary", "Accept");
      headers.set("Cache-Control", NO_STORE);
      throw new Response(error.body, { status: 404, statusText: error.statusText, headers });
    }
    throw error;
  }
}

const NO_STORE = "private, no-store";

// Whether a request was sent by a browser showing its answer as a page (a link followed, an address typed, a form
// sent without JavaScript), from its Accept header: those answers are pages, a program's are not. The server's
// refusals before any route runs (app/server/http.ts) tell the two apart the same way.
export function asksForPage(accept: string | null | undefined) {
  return (accept ?? "").includes("text/html");
}
