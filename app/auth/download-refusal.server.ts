import { redirect } from "@remix-run/node";

const NO_STORE = "private, no-store";

// A download (a resource route: a CSV, a return's evidence file) renders no page of its own, so a refusal thrown
// while checking who asks reached the browser as a bare answer: the words "Not found", or the raw JSON of "Choose one
// council" for an address naming two councils. A person who followed the link (their browser asks for a page) is sent
// to the page the download belongs to, which makes the same check and refuses in the portal's own layout: for a 404
// or a 403 the page `page` names ("Page not found", or who can give access), and for a 400 (the download's own
// address refused, as `refuse` in app/ui/route-refusal.server.ts throws it) that page with the download's own query,
// so the page refuses the same address in its words. A program that asks for the file alone keeps the plain answer
// (the 404's words, the 403's, the 400's JSON). Any other answer (a redirect to sign in) is left as it was.
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
    if (error instanceof Response && REFUSALS.has(error.status)) {
      if (asksForPage(request.headers.get("accept")))
        throw redirect(error.status === 400 ? withQueryOf(request, page) : page, toPageInit());
      const headers = new Headers(error.headers);
      // (the survey's 403, made plain text for a program, says so already)
      if (!/\baccept\b/i.test(headers.get("Vary") ?? "")) headers.append("Vary", "Accept");
      headers.set("Cache-Control", NO_STORE);
      throw new Response(error.body, { status: error.status, statusText: error.statusText, headers });
    }
    throw error;
  }
}

// The answers a download's check refuses with: an address it will not read (400), no permission here (403), nothing
// to see (404).
const REFUSALS = new Set([400, 403, 404]);

// How a person is sent from a download to its page: 303 (the page is asked for with GET), kept by no cache and said
// to depend on Accept.
export function toPageInit() {
  return { status: 303, headers: { Vary: "Accept", "Cache-Control": NO_STORE } };
}

// `page`'s path with the query of the download's own address.
function withQueryOf(request: Request, page: string) {
  return new URL(page, "http://portal").pathname + new URL(request.url).search;
}

// Whether a request was sent by a browser showing its answer as a page (a link followed, an address typed, a form
// sent without JavaScript), from its Accept header: those answers are pages, a program's are not. The server's
// refusals before any route runs (app/server/http.ts) tell the two apart the same way.
export function asksForPage(accept: string | null | undefined) {
  return (accept ?? "").includes("text/html");
}

// Whether a request is no one looking at its answer yet: a HEAD (a link checker), or a browser fetching ahead of a
// click (a link prefetched or prerendered says so in Sec-Purpose, older browsers in Purpose). An answer that leaves a
// one-off message for the next page (a flash) must not leave it for these.
export function looksAhead(request: Request) {
  if (request.method === "HEAD") return true;
  return [request.headers.get("sec-purpose"), request.headers.get("purpose")].some((purpose) =>
    /\bprefetch\b/i.test(purpose ?? ""),
  );
}
