// A page as a browser gets it, in this process: the app's routes are assembled into a server build the way the
// compiler would, and Remix's own request handler answers the GET, so the root and page loaders run and every
// component renders to HTML. A value that breaks a component (not only a loader) makes this answer a 500.
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import remixConfig from "../../remix.config.js";
import { remixRoutes } from "./route-manifest.ts";
import { sessionCookieFor } from "./factories.ts";

const BASE = "http://localhost:3000";
const appDirectory = path.resolve(import.meta.dirname, "../../app");

type Build = Pick<ServerBuild, "routes" | "assets">;

async function assembleBuild(): Promise<ServerBuild> {
  const [entry, root] = await Promise.all([import("~/entry.server.tsx"), import("~/root.tsx")]);
  const routes: Build["routes"] = { root: { id: "root", path: "", module: root } };
  const assets: Build["assets"] = {
    entry: { imports: [], module: "/build/entry.client.js" },
    routes: {},
    url: "/build/manifest.js",
    version: "test",
  };
  const configured = Object.values(remixRoutes());
  const modules = await Promise.all(
    configured.map((r) => import(/* @vite-ignore */ path.join(appDirectory, r.file))),
  );
  configured.forEach(({ id, parentId, path: routePath, index }, i) => {
    routes[id] = {
      id,
      parentId,
      path: routePath,
      index,
      module: modules[i] as ServerBuild["routes"][string]["module"],
    };
  });
  for (const { id, parentId, path: routePath, index, module } of Object.values(routes)) {
    assets.routes[id] = {
      id,
      parentId,
      path: routePath,
      index,
      module: `/build/${id}.js`,
      imports: [],
      hasAction: "action" in module,
      hasLoader: "loader" in module,
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: "ErrorBoundary" in module,
    };
  }
  return {
    mode: "production",
    entry: { module: entry },
    routes,
    assets,
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: remixConfig.future as ServerBuild["future"],
    isSpaMode: false,
  };
}

let handler: ReturnType<typeof createRequestHandler> | undefined;

// `location` as a redirect names it (a path, or an absolute URL on the portal); `headers` as a browser adds them
// (e.g. the Accept of a link followed).
export async function renderPage(
  location: string,
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  handler ??= createRequestHandler(await assembleBuild(), "production");
  return handler(
    new Request(new URL(location, BASE), { headers: { ...headers, ...(cookie ? { cookie } : {}) } }),
    {
      cspNonce: "test",
    },
  );
}

/** The page's HTML as a browser gets it, signed in as `userId` (it must answer 200), without React's markers between
 * joined pieces of text, so a sentence built from several reads as one string. */
export async function pageHtmlAs(location: string, userId: string): Promise<string> {
  const response = await renderPage(location, await sessionCookieFor(userId));
  if (response.status !== 200) throw new Error(`${location} answered ${response.status}`);
  return (await response.text()).replace(/<!-- -->/g, "");
}

/** The "Go to page N, the last page" link itself, to `href`, as a list shows it past its end (other links on the page
 * may have the same address: the menu, the state tabs). */
export const lastPageLink = (href: string, page = 1) =>
  new RegExp(
    `<a [^>]*href="${href.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}">Go to page ${page}, the last page</a>`,
  );

/** A form's fields as a browser sends them, one value each, for `postPage` or an action. */
export function formOf(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  return form;
}

// A form posted to a page as a browser without JavaScript sends it: the action runs, then (unless it redirects)
// the page renders with its answer, as the document the browser shows.
export async function postPage(location: string, form: FormData, cookie?: string): Promise<Response> {
  handler ??= createRequestHandler(await assembleBuild(), "production");
  return handler(
    new Request(new URL(location, BASE), {
      method: "POST",
      body: form,
      headers: { origin: BASE, host: new URL(BASE).host, ...(cookie ? { cookie } : {}) },
    }),
    { cspNonce: "test" },
  );
}

// A body posted as is (raw bytes a browser would not send, a body that says it is one type and is another).
export async function postRawPage(
  location: string,
  body: BodyInit,
  contentType: string,
  cookie?: string,
): Promise<Response> {
  handler ??= createRequestHandler(await assembleBuild(), "production");
  return handler(
    new Request(new URL(location, BASE), {
      method: "POST",
      body,
      headers: {
        origin: BASE,
        host: new URL(BASE).host,
        "content-type": contentType,
        ...(cookie ? { cookie } : {}),
      },
    }),
    { cspNonce: "test" },
  );
}

// A page's text as a person reads it: tags dropped (each a space), React's markers gone, spaces run together.
export function readableText(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

// The text of a page's main part only (no header, navigation or footer), as a person reads it.
export function readableMainText(html: string): string {
  return readableText(html.slice(html.indexOf("<main"), html.indexOf("</main>")));
}

// An attribute's value in an HTML tag, as written (entities not decoded).
const attributeOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Text or an attribute's value as the browser reads it from the HTML React writes: the five XML entities and
 * numeric references (&#39; &#x27;) decoded in one pass, so "&amp;lt;" reads "&lt;" as written. Any other named
 * entity is left as it is (React writes none). */
export function decodeEntities(html: string): string {
  return html.replace(
    /&(?:#(\d+)|#[xX]([\da-fA-F]+)|(amp|lt|gt|quot|apos));/g,
    (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name) return NAMED_ENTITIES[name]!;
      const code = decimal === undefined ? parseInt(hex!, 16) : Number(decimal);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}
const decoded = decodeEntities;

/** What a browser sends from the page's form that posts to `action`, as the page shows it: its inputs (a radio or a
 * box only if ticked, nothing disabled), its text areas and its first named button (the one pressed), with `typed`
 * filled in over what the page shows. Fails on a form it cannot read (none posting there, or one with a select). */
export function formAsShown(html: string, action: string, typed: Record<string, string> = {}): FormData {
  const start = html.search(
    new RegExp(`<form\\b[^>]*\\saction="${action.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`),
  );
  if (start === -1) throw new Error(`no form posting to ${action} in the page`);
  const shown = html.slice(start, html.indexOf("</form>", start));
  if (shown.includes("<select"))
    throw new Error(`the form posting to ${action} has a select, which this does not read`);
  const form = new FormData();
  const send = (name: string | undefined, value: string) => {
    if (name && !(decoded(name) in typed)) form.append(decoded(name), value);
  };
  for (const [input] of shown.matchAll(/<input\b[^>]*>/g)) {
    const type = attributeOf(input, "type");
    if (/\sdisabled=""/.test(input) || type === "submit" || type === "button" || type === "reset") continue;
    const checkable = type === "checkbox" || type === "radio";
    if (checkable && !/\schecked=""/.test(input)) continue;
    send(attributeOf(input, "name"), decoded(attributeOf(input, "value") ?? (checkable ? "on" : "")));
  }
  // the browser drops the one line break React writes before a text area's text
  for (const [, tag, text] of shown.matchAll(/(<textarea\b[^>]*>)([^<]*)<\/textarea>/g))
    if (!/\sdisabled=""/.test(tag!)) send(attributeOf(tag!, "name"), decoded(text!.replace(/^\n/, "")));
  const button = /<button\b[^>]*\sname="[^"]*"[^>]*>/.exec(shown)?.[0];
  if (button) send(attributeOf(button, "name"), decoded(attributeOf(button, "value") ?? ""));
  for (const [name, value] of Object.entries(typed)) form.append(name, value);
  return form;
}
