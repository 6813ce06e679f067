import crypto from "node:crypto";
import type net from "node:net";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import { json, type ServerBuild } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { createElement } from "react";
import { asksForPage } from "../auth/download-refusal.server.ts";
import { SESSION_COOKIE } from "../auth/session-cookie-name.ts";
import { maxBodyBytes } from "../ui/body-limits.ts";
import { refusedRequestText, type RefusedRequest } from "../ui/error-text.ts";
import { loggedPath, logger } from "./logger.ts";
import { publicPageCache } from "./page-cache.ts";
import { runInRequestScope } from "./request-scope.ts";

// Why a request is refused before any route's own code runs (decision 008, addendum of session 47): an address
// that cannot be decoded (400) or a body over the size limit (413, the body never read).
export type Refusal = { status: 400 | 413; refusedRequest: RefusedRequest };
export type AppLoadContext = { cspNonce: string; refusal?: Refusal };

type Options = {
  build: ServerBuild;
  assetsDir: string;
  publicDir: string;
  production: boolean;
  // served over https: turn on HSTS and upgrade-insecure-requests
  https: boolean;
  trustProxy: boolean;
  // seconds a public page rendered for anonymous visitors is served again (0: never)
  pageCacheSeconds: number;
  // the origins a browser may post from: the portal's own address
  allowedOrigins: string[];
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Cross-site request forgery defence: a non-GET request must come from our own origin.
export function isSameOrigin(req: express.Request, allowedOrigins: string[]): boolean {
  const origin = req.get("origin");
  if (origin) {
    const own = `${req.protocol}://${req.get("host")}`;
    return origin === own || allowedOrigins.includes(origin);
  }
  // Browsers that omit Origin still send Sec-Fetch-Site; non-browser clients send neither.
  const site = req.get("sec-fetch-site");
  return site === undefined || site === "same-origin" || site === "none";
}

// The size limits live with the browser's own check of a form (app/ui/body-limits.ts), so both apply the same.
export { MAX_BODY_BYTES, MAX_EVIDENCE_POST_BYTES } from "../ui/body-limits.ts";

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// A body over the limit without the portal's routes (applyProtections alone): a bare page in the same words.
const barePage = (message: { title: string; body: string }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(message.title)} – Social Value Marketplace</title></head>
<body><main><h1>${escapeHtml(message.title)}</h1>
<p>${escapeHtml(message.body)}</p>
</main></body></html>`;

type Protections = {
  production: boolean;
  https: boolean;
  allowedOrigins: string[];
  // the portal's routes answer a body over the limit (createApp): its error page, or the error Remix's client
  // router shows for a form sent with JavaScript
  routesAnswerRefusals?: boolean;
};

// Security headers (CSP with a per-request script nonce), the cross-site request check and the body size cap.
export function applyProtections(app: express.Express, options: Protections) {
  app.use((req, res, next) => {
    // The client address for rate limits and the audit log, as Express resolved it (see TRUST_PROXY).
    req.headers["x-svm-client-ip"] = req.ip ?? "";
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use((req, _res, next) => {
    if (req.method === "GET" || req.method === "HEAD") runInRequestScope(next);
    else next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          "style-src": ["'self'"],
          "style-src-attr": ["'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'", ...(options.production ? [] : ["ws:"])],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "base-uri": ["'self'"],
          "object-src": ["'none'"],
          "upgrade-insecure-requests": options.https ? [] : null,
        },
      },
      strictTransportSecurity: options.https ? { maxAge: 63072000, includeSubDomains: true } : false,
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // A page shown to a signed-in person is theirs alone: no shared cache keeps it and the browser does not store
  // it (survey answers or a contract must not come back from the Back button after signing out). A response
  // that sets its own Cache-Control (a download, /healthz) replaces this.
  app.use((req, res, next) => {
    if (req.headers.cookie?.includes(`${SESSION_COOKIE}=`))
      res.setHeader("Cache-Control", "private, no-store");
    next();
  });
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method) || isSameOrigin(req, options.allowedOrigins)) return next();
    res.status(403).type("text/plain").send("This form was sent from another website, so it was refused.");
  });
  app.use((req, res, next) => {
    const declared = Number(req.get("content-length") ?? 0);
    if (declared > maxBodyBytes(req.method, req.path, Boolean(req.is("multipart/form-data")))) {
      // a form of text (20 MB pasted into a guidance page) is told so in its own words; only an upload is told
      // about files
      const refusedRequest: RefusedRequest = req.is("multipart/form-data") ? "upload" : "text";
      // the body is never read: the connection closes once the answer is sent
      res.set("Connection", "close");
      closeWithoutReading(req.socket);
      if (options.routesAnswerRefusals) {
        res.locals.refusal = { status: 413, refusedRequest } satisfies Refusal;
        return next();
      }
      res.status(413).type("html").send(barePage(refusedRequestText[refusedRequest]));
      return;
    }
    next();
  });
}

// Node closes a `Connection: close` connection as soon as the answer is written (destroySoon). While the browser
// is still sending a large body, the kernel answers the data never read with a reset, which can reach the browser
// before it has read the 413: it then shows "the connection was reset", not the page. So the connection stops
// being read, gets its end (FIN) after the answer, and is destroyed a moment later (a lingering close, as nginx
// does, without reading the rest): the browser has the answer well before the reset.
const LINGER_MS = 2000;

function closeWithoutReading(socket: net.Socket) {
  socket.destroySoon = () => {
    socket.pause();
    if (socket.writable) socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

// A path segment with a broken escape (/guidance/%ff/%ff, a link cut off mid-character) cannot be decoded, and
// Express answered it with its own bare "Bad Request" page. Its percent signs are escaped instead, so the portal
// reads the address as written and the route it reaches answers 400, the address could not be read
// (refusedBeforeRoutes), with the portal's error page in its layout.
function undecodablePaths(req: express.Request, res: express.Response, next: express.NextFunction) {
  const [pathname = "", query] = splitOnce(req.url, "?");
  const segments = pathname.split("/");
  if (segments.every(decodes)) return next();
  const readable = segments.map((segment) => (decodes(segment) ? segment : segment.replace(/%/g, "%25")));
  req.url = req.originalUrl = readable.join("/") + (query === undefined ? "" : `?${query}`);
  res.locals.refusal = { status: 400, refusedRequest: "address" } satisfies Refusal;
  next();
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function decodes(segment: string) {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

// The portal's routes as Remix runs them, but refusing what the middleware refused (res.locals.refusal, handed on
// in the load context) before a route's own code runs: every loader but the root's (which still runs, for the
// header of whoever is signed in and its cookies) and every action throw the refusal as a Response. Remix answers
// that as it answers any Response a route throws: a page is its error page in the site's layout (a refused page
// is rendered as its GET, see createApp, so this works at any address and never reads the body); a request from
// its client router (`?_data=`, a form sent with JavaScript) gets the thrown response marked `X-Remix-Catch`,
// which the router shows as the route's error page. So the page says the same with JavaScript on or off, in the
// words of app/ui/error-text.ts, like every other error page.
function refusedBeforeRoutes(build: ServerBuild): ServerBuild {
  const refuse = (context: unknown) => {
    const refusal = (context as Partial<AppLoadContext> | undefined)?.refusal;
    if (refusal) throw json({ refusedRequest: refusal.refusedRequest }, { status: refusal.status });
  };
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    const module = { ...route.module };
    if (loader && route.parentId !== undefined)
      module.loader = (args) => {
        refuse(args.context);
        return loader(args);
      };
    if (action)
      module.action = (args) => {
        refuse(args.context);
        return action(args);
      };
    routes[id] = { ...route, module };
  }
  return { ...build, routes };
}

// A download (a resource route: no page of its own) answers with what its loader returns or throws, so a refusal
// reached the browser as the bare JSON `{"refusedRequest":"address"}` (GET /evidence/%ff). For a refused request
// asked for as a page (asksForPage, as a download refused by its own loader tells them apart), each such route
// renders as a page with nothing of its own (Remix treats a route with a component as a page): its loader still
// refuses before its own code runs, and the error page in the site's layout answers, as at any other address. In
// the browser the page wakes up with the error it was rendered with, so the words stay; nothing is ever downloaded
// from this build. A request that does not ask for a page (a program: curl, a load balancer, a fetch of the open
// data) is answered by the portal's own routes: a download's refusal stays what its program reads (JSON).
//
// The copy has a manifest of its own (the same routes in a new object): RemixServer keeps the route tree it renders
// per manifest (the patch of decision 009), so sharing the portal's would render one copy's pages with the other's
// components, whichever rendered first.
function refusalPages(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { module } = route;
    routes[id] =
      module.default == null && module.ErrorBoundary == null
        ? { ...route, module: { ...module, default: NothingOfItsOwn } }
        : route;
  }
  return { ...build, routes, assets: { ...build.assets, routes: { ...build.assets.routes } } };
}

// Nothing of its own, but a page nested under the download (whose own error page may be the one that answers) is
// still shown in its place.
function NothingOfItsOwn() {
  return createElement(Outlet);
}

export function createApp(options: Options) {
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", true);

  app.use(compression());
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url?.startsWith("/build/") === true },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
      serializers: {
        req: (req) => ({ method: req.method, url: loggedPath(req.url) }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(undecodablePaths);
  applyProtections(app, { ...options, routesAnswerRefusals: true });

  // Fingerprinted build assets never change; everything else in public/ may.
  app.use("/build", express.static(options.assetsDir, { immutable: true, maxAge: "1y", index: false }));
  // Mounted by name, so a page request is not first looked for on disk.
  app.use("/favicon.ico", express.static(path.join(options.publicDir, "favicon.ico"), { maxAge: "1h" }));
  app.use(
    "/samples",
    express.static(path.join(options.publicDir, "samples"), { maxAge: "1h", index: false }),
  );

  app.use(publicPageCache({ ttlSeconds: options.pageCacheSeconds }));
  // A refused page (not a request from Remix's client router) is rendered as its GET: its loaders refuse it
  // (refusedBeforeRoutes), the root's runs, and no body is handed on. After the page cache, which keeps no
  // answer to a POST; the request log shows GET for it.
  app.use((req, res, next) => {
    if (res.locals.refusal && !("_data" in req.query)) req.method = "GET";
    next();
  });
  const build = refusedBeforeRoutes(options.build);
  const handler = (build: ServerBuild) =>
    createRequestHandler({
      build,
      mode: options.production ? "production" : "development",
      getLoadContext: (_req, res): AppLoadContext => ({
        cspNonce: res.locals.cspNonce,
        refusal: res.locals.refusal as Refusal | undefined,
      }),
    });
  const portal = handler(build);
  // a refused request asked for as a page (not by the client router, nor by a program) at a download's address:
  // the error page, as elsewhere
  const refusedPage = handler(refusalPages(build));
  app.all("*", (req, res, next) => {
    if (!res.locals.refusal) return portal(req, res, next);
    // the same address refused is answered as a page or as data by what the request accepts
    res.vary("Accept");
    const asPage = !("_data" in req.query) && asksForPage(req.get("accept"));
    return (asPage ? refusedPage : portal)(req, res, next);
  });
  return app;
}
