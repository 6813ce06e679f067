// A refused request asked for as a page at a download's address is answered by a copy of the portal's routes in
// which each download renders as a page with nothing of its own (app/server/http.ts, refusalPages). A page nested
// under such a download must still be shown in its place: when the download has no loader of its own to refuse
// (an action alone), the refusal is the nested page's, and its own error page answers, inside the download's
// place in the layout. Rendering nothing there left a 400 with an empty page. Built here from the smallest routes
// that make the case, served by the portal's own createApp.
import type { AddressInfo } from "node:net";
import type { EntryContext, ServerBuild } from "@remix-run/node";
import { isRouteErrorResponse, Outlet, RemixServer, useRouteError } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApp } from "~/server/http.ts";

type Route = ServerBuild["routes"][string];

function NestedRefusal() {
  const error = useRouteError();
  return <p>The nested page refused: {isRouteErrorResponse(error) ? error.status : "something else"}</p>;
}

const routes: Record<string, Route> = {
  root: {
    id: "root",
    path: "",
    module: {
      default: () => (
        <html lang="en">
          <body>
            <main>
              <Outlet />
            </main>
          </body>
        </html>
      ),
      ErrorBoundary: () => <p>The root error page</p>,
    },
  },
  // a download with an action and no page, nor a loader of its own (a build's module for it has no default)
  download: {
    id: "download",
    parentId: "root",
    path: "download",
    module: { action: () => new Response("done") } as Partial<Route["module"]> as Route["module"],
  },
  nested: {
    id: "nested",
    parentId: "download",
    path: ":name",
    module: {
      loader: () => ({ name: "a page" }),
      default: () => <p>The nested page</p>,
      ErrorBoundary: NestedRefusal,
    },
  },
};

const build: ServerBuild = {
  mode: "production",
  entry: {
    module: {
      default: (request: Request, status: number, headers: Headers, context: EntryContext) => {
        headers.set("Content-Type", "text/html; charset=utf-8");
        const html = renderToString(<RemixServer context={context} url={request.url} />);
        return new Response(`<!doctype html>${html}`, { status, headers });
      },
    },
  },
  routes,
  assets: {
    entry: { imports: [], module: "/build/entry.client.js" },
    url: "/build/manifest.js",
    version: "test",
    routes: Object.fromEntries(
      Object.values(routes).map(({ id, parentId, path, module }) => [
        id,
        {
          id,
          parentId,
          path,
          module: `/build/${id}.js`,
          imports: [],
          hasAction: "action" in module,
          hasLoader: "loader" in module,
          hasClientAction: false,
          hasClientLoader: false,
          hasErrorBoundary: "ErrorBoundary" in module,
        },
      ]),
    ),
  },
  publicPath: "/build/",
  assetsBuildDirectory: "public/build",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
  isSpaMode: false,
};

let base = "";
let close = () => Promise.resolve();

beforeAll(async () => {
  const app = createApp({
    build,
    assetsDir: "public/build",
    publicDir: "public",
    production: true,
    https: false,
    trustProxy: false,
    pageCacheSeconds: 0,
    allowedOrigins: [],
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(() => close());

it("shows a page nested under a download, not refused, as it is", async () => {
  const response = await fetch(`${base}/download/a-page`, { headers: { accept: "text/html" } });
  expect(response.status).toBe(200);
  expect(await response.text()).toContain("<p>The nested page</p>");
});

it("shows the error page of a page nested under a download refused as a page, in the download's place", async () => {
  const response = await fetch(`${base}/download/%ff`, { headers: { accept: "text/html" } });
  expect(response.status).toBe(400);
  const html = (await response.text()).replace(/<!-- -->/g, "");
  expect(html).toContain("<main><p>The nested page refused: 400</p></main>");
});
