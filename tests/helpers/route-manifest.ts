// Every route of the app, read the way Remix reads them (flat routes in app/routes), so a new route file is
// picked up by the authorization matrix and the accessibility sweep without anyone listing it.
import { createRequire } from "node:module";
import path from "node:path";
import type { ActionFunction, LoaderFunction } from "@remix-run/node";

const require = createRequire(import.meta.url);
const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js") as {
  flatRoutes: (
    appDirectory: string,
    ignored: string[],
  ) => Record<string, { id: string; path?: string; file: string; index?: boolean; parentId?: string }>;
};

export type ManifestRoute = { id: string; path: string; file: string };

const appDirectory = path.resolve(import.meta.dirname, "../../app");

// as Remix's compiler configures them (remix.config.js ignores the same files)
export function remixRoutes() {
  return flatRoutes(appDirectory, ["**/.*", "**/*.test.{ts,tsx}", "**/*.spec.{ts,tsx}"]);
}

export function routeManifest(): ManifestRoute[] {
  return Object.values(remixRoutes())
    .map((r) => ({ id: r.id, path: `/${r.path ?? ""}`, file: r.file }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export type RouteModule = { loader?: LoaderFunction; action?: ActionFunction; default?: unknown };

export async function importRoute(route: ManifestRoute): Promise<RouteModule> {
  return (await import(/* @vite-ignore */ path.join(appDirectory, route.file))) as RouteModule;
}

// "/requests/:id/pledge" + { id: "abc" } → "/requests/abc/pledge"
export function fillPath(routePath: string, params: Record<string, string>) {
  return routePath
    .replace(/:(\w+)\??/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`))
    .replace(/\/\*$/, `/${params["*"] ?? "no-such-page"}`);
}
