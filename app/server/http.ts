import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import { createRequestHandler as createRemixHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { SESSION_COOKIE } from "../auth/session-cookie-name.ts";
import { errorText } from "../ui/error-text.ts";
import { loggedPath, logger } from "./logger.ts";
import { publicPageCache } from "./page-cache.ts";
import { runInRequestScope } from "./request-scope.ts";

export type AppLoadContext = { cspNonce: string };

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

// Largest request body accepted: a 10 MB evidence file plus the rest of its form.
export const MAX_BODY_BYTES = 11 * 1024 * 1024;
// A return's page reads an oversized evidence file through (storing nothing past 10 MB) up to four times the
// limit, so the supplier gets "must be smaller than 10 MB" next to the file field, with the rest of the form
// kept, instead of a bare refusal. Beyond this it is refused before reading, like everything else.
export const MAX_EVIDENCE_POST_BYTES = 41 * 1024 * 1024;
const EVIDENCE_POST = /^\/returns\/[^/]+\/?$/;

export type PageMessage = { title: string; body: string };

// A body over the limit: a form of text (20 MB pasted into a guidance page) is told so in its own words; only an
// upload (multipart) is told about files.
export const TOO_MUCH_TEXT: PageMessage = {
  title: "The text you entered is too long",
  body: "Use your browser’s Back button, shorten the text you entered or pasted, and send the form again.",
};
export const UPLOAD_TOO_LARGE: PageMessage = {
  title: "This upload is too large",
  body: "Files must be 10 MB or smaller. Use your browser’s Back button, choose a smaller file and try again.",
};

// The portal renders its own pages (createApp); without it (applyProtections alone) a message is a bare page.
export type MessagePage = (
  req: express.Request,
  res: express.Response,
  message: PageMessage,
) => Promise<string>;

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const barePage: MessagePage = async (_req, _res, message) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(message.title)} – Social Value Marketplace</title></head>
<body><main><h1>${escapeHtml(message.title)}</h1>
<p>${escapeHtml(message.body)}</p>
</main></body></html>`;

type Protections = {
  production: boolean;
  https: boolean;
  allowedOrigins: string[];
  messagePage?: MessagePage;
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
    const evidence = req.method === "POST" && EVIDENCE_POST.test(req.path) && req.is("multipart/form-data");
    if (declared > (evidence ? MAX_EVIDENCE_POST_BYTES : MAX_BODY_BYTES)) {
      const message = req.is("multipart/form-data") ? UPLOAD_TOO_LARGE : TOO_MUCH_TEXT;
      const page = options.messagePage ?? barePage;
      // the body is never read: the connection closes once the page is sent
      page(req, res, message)
        .catch(() => barePage(req, res, message))
        .then((html) => res.status(413).set("Connection", "close").type("html").send(html), next);
      return;
    }
    next();
  });
}

// A path segment with a broken escape (/guidance/%ff/%ff, a link cut off mid-character) cannot be decoded, and
// Express answered it with its own bare "Bad Request" page. Its percent signs are escaped instead, so the portal
// reads the address as written, finds no page there and shows its own error page, answered 400: the address
// could not be read.
function undecodablePaths(req: express.Request, res: express.Response, next: express.NextFunction) {
  const [pathname = "", query] = splitOnce(req.url, "?");
  const segments = pathname.split("/");
  if (segments.every(decodes)) return next();
  const readable = segments.map((segment) => (decodes(segment) ? segment : segment.replace(/%/g, "%25")));
  req.url = req.originalUrl = readable.join("/") + (query === undefined ? "" : `?${query}`);
  const status = res.status.bind(res);
  res.status = (code: number) => {
    if (code !== 404) return status(code);
    res.statusMessage = "";
    return status(400);
  };
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

// A message in the site's layout (header for whoever is signed in, footer, styles): the portal's own "Page not
// found" page, rendered for an address no route claims, with the message in place of its words. Rejects if the
// page is not the one expected, so the caller falls back to the bare page.
function portalMessagePage(build: ServerBuild, mode: string): MessagePage {
  const handle = createRemixHandler(build, mode);
  const notFound = errorText[404]!;
  return async (req, res, message) => {
    const url = new URL("/.message", `${req.protocol}://${req.get("host") ?? "localhost"}`);
    const headers = new Headers({ "x-svm-client-ip": req.ip ?? "" });
    const cookie = req.get("cookie");
    if (cookie) headers.set("cookie", cookie);
    const context: AppLoadContext = { cspNonce: String(res.locals.cspNonce) };
    const response = await handle(new Request(url, { headers }), context);
    const html = await response.text();
    let page = html;
    for (const [from, to] of [
      [`<title>${notFound.title} – `, `<title>${escapeHtml(message.title)} – `],
      [`>${notFound.title}</h1>`, `>${escapeHtml(message.title)}</h1>`],
      [`>${notFound.body}</p>`, `>${escapeHtml(message.body)}</p>`],
    ] as const) {
      if (response.status !== 404 || !page.includes(from))
        throw new Error("the portal's error page was not rendered");
      page = page.replace(from, to);
    }
    return page;
  };
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
  applyProtections(app, {
    ...options,
    messagePage: portalMessagePage(options.build, options.production ? "production" : "development"),
  });

  // Fingerprinted build assets never change; everything else in public/ may.
  app.use("/build", express.static(options.assetsDir, { immutable: true, maxAge: "1y", index: false }));
  // Mounted by name, so a page request is not first looked for on disk.
  app.use("/favicon.ico", express.static(path.join(options.publicDir, "favicon.ico"), { maxAge: "1h" }));
  app.use(
    "/samples",
    express.static(path.join(options.publicDir, "samples"), { maxAge: "1h", index: false }),
  );

  app.use(publicPageCache({ ttlSeconds: options.pageCacheSeconds }));
  app.all(
    "*",
    createRequestHandler({
      build: options.build,
      mode: options.production ? "production" : "development",
      getLoadContext: (_req, res): AppLoadContext => ({ cspNonce: res.locals.cspNonce }),
    }),
  );
  return app;
}
