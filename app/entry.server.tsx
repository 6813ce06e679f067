import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { loader as rootLoader } from "~/root.tsx";
import { loggedPath, logger } from "~/server/logger.ts";
import { isFlashCookie } from "~/ui/flash.server.ts";
import { NonceProvider } from "~/ui/nonce.tsx";

export { startBackgroundWork } from "~/jobs/background.server.ts";

const ABORT_DELAY = 5_000;

// The whole document is rendered before anything is sent, then sent as one buffer: no page streams (there is
// no defer or Suspense), and one write is far cheaper than a chunk at a time through a web stream, the
// Express adapter and the compression middleware (which flushes a gzip block per chunk).
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  await readRootAfterActionError(request, responseHeaders, remixContext, loadContext);
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const document = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timeout);
        const html = Buffer.concat(chunks);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        responseHeaders.set("Content-Length", String(html.byteLength));
        resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
        done();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(document);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "render error");
        },
      },
    );
    const timeout = setTimeout(abort, ABORT_DELAY);
  });
}

// A form sent without JavaScript whose action threw (a form it could not read, an address naming two councils, a
// record the person may not change) is shown by the error page of the route that catches it, for nearly every page
// the root's. Remix runs only the loaders above that route after an action's error (@remix-run/router's
// getLoaderMatchesUntilBoundary), so the root's loader, which reads who is signed in for the header, did not run, and
// the error page showed the signed-out header ("Sign in") to the person signed in. It runs here as Remix runs a
// loader after an action (a GET of the same address with the same headers, no body), its cookies are sent with the
// page, and its data goes to the page and to the scripts the page wakes up with (the hand-off string is made before
// this function is called). If it fails, the page keeps the signed-out header as before, and the failure is logged.
// With JavaScript the browser's router keeps the root's data it already has.
//
// A one-off message waiting to be shown (app/ui/flash.server.ts) is left waiting: the error page does not show it,
// so the cookie that would clear it is not sent and the data says there is none; the next page shows it.
async function readRootAfterActionError(
  request: Request,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const state = remixContext.staticHandlerContext;
  if (request.method === "GET" || request.method === "HEAD") return;
  if (!state.errors || !Object.hasOwn(state.errors, "root") || !rootLoaderSkipped(state)) return;
  // Remix calls the entry a second time, with the same request, when the first render throws
  if (rootLoaderRunHere.has(request)) return;
  rootLoaderRunHere.add(request);
  let answer: Awaited<ReturnType<typeof rootLoader>>;
  try {
    answer = await rootLoader({
      request: new Request(request.url, { headers: request.headers, signal: request.signal }),
      params: {},
      context: loadContext,
    });
  } catch (error) {
    // what failed, not its words (an error's message can quote what the person sent)
    const failure =
      error instanceof Response
        ? `answer ${error.status}`
        : error instanceof Error
          ? error.name
          : typeof error;
    logger.warn(
      { url: loggedPath(new URL(request.url).pathname), failure },
      "the root loader failed for an action's error page; it shows the signed-out header",
    );
    return;
  }
  if (!answer.ok) return;
  const data = await answer.json();
  state.loaderData.root = { ...data, flash: null };
  for (const cookie of answer.headers.getSetCookie())
    if (!isFlashCookie(cookie)) responseHeaders.append("Set-Cookie", cookie);
  if (remixContext.serverHandoffString) {
    const handoff = JSON.parse(remixContext.serverHandoffString) as { state?: { loaderData?: unknown } };
    if (handoff.state) {
      handoff.state.loaderData = state.loaderData;
      remixContext.serverHandoffString = escapeForScript(JSON.stringify(handoff));
    }
  }
}

const rootLoaderRunHere = new WeakSet<Request>();

// Whether Remix left the root's loader out for this request, read from how @remix-run/router's static handler fills
// loaderData: a route whose loader it did not call is null (an action's error caught at the root calls none, and
// says so with null for every route) or absent (no route matched the address, or it has no action: 404 or 405),
// while one whose loader threw is there as undefined. `actionData` is null when the action gave no data (it threw,
// or there was none); after an action that answered, every loader ran. So a root loader that threw after the
// action (the error at the root is then the action's, if it threw, or the loader's) is not run again.
function rootLoaderSkipped(state: EntryContext["staticHandlerContext"]) {
  if (state.actionData !== null) return false;
  return !Object.hasOwn(state.loaderData, "root") || state.loaderData.root === null;
}

// As Remix escapes the hand-off string it writes into a script (escapeHtml in @remix-run/server-runtime's markup).
const SCRIPT_ESCAPES: Record<string, string> = {
  "&": "\\u0026",
  ">": "\\u003e",
  "<": "\\u003c",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};
function escapeForScript(json: string) {
  return json.replace(/[&><\u2028\u2029]/g, (match) => SCRIPT_ESCAPES[match] ?? match);
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger.error({ err: error, url: loggedPath(new URL(request.url).pathname) }, "unhandled error");
}
