import { redirect } from "@remix-run/node";

// A download (a resource route: a CSV) renders no page of its own, so a 404 thrown while checking who asks reached
// the browser as the bare words "Not found" rather than through the root's error page. A person who followed the
// link (their browser asks for a page) is sent to the page the download belongs to, which makes the same check
// and refuses in the portal's own layout ("Page not found", with the header and the way back). A program that asks
// for the file alone keeps the plain 404. Any other answer (a redirect to sign in, a 403 saying who can give
// access) is left as it was.
//
// The portal's links to a download carry no `download` attribute: for such a link Chromium sends no Accept header,
// so a refused one ended as a silently failed download rather than this page. A file still downloads from a plain
// link (Content-Disposition: attachment) and the page stays where it is.
//
// Both refusals depend on the Accept header, so they say so (Vary: Accept): a cache, the browser's own included,
// must not answer a page's request with the 404 kept from a program's, nor a program's with the redirect.
export async function downloadRefusedToPage<T>(
  request: Request,
  page: string,
  check: () => Promise<T>,
): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof Response && error.status === 404) {
      if (asksForPage(request)) throw redirect(page, { status: 303, headers: { Vary: "Accept" } });
      const headers = new Headers(error.headers);
      headers.append("Vary", "Accept");
      throw new Response(error.body, { status: 404, statusText: error.statusText, headers });
    }
    throw error;
  }
}

function asksForPage(request: Request) {
  return (request.headers.get("accept") ?? "").includes("text/html");
}
