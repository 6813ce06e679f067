import { redirect } from "@remix-run/node";

// A download (a resource route: a CSV) renders no page of its own, so a 404 thrown while checking who asks reached
// the browser as the bare words "Not found" rather than through the root's error page. A person who followed the
// link (their browser asks for a page) is sent to the page the download belongs to, which makes the same check
// and refuses in the portal's own layout ("Page not found", with the header and the way back). A program that asks
// for the file alone keeps the plain 404. Any other answer (a redirect to sign in, a 403 saying who can give
// access) is left as it was.
export async function downloadRefusedToPage<T>(
  request: Request,
  page: string,
  check: () => Promise<T>,
): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof Response && error.status === 404 && asksForPage(request)) throw redirect(page, 303);
    throw error;
  }
}

function asksForPage(request: Request) {
  return (request.headers.get("accept") ?? "").includes("text/html");
}
