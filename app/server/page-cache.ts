// A few seconds' cache of the public pages as anonymous visitors see them (the marketplace list, a request's
// page, the impact page): a surge of visitors after a council's press release costs one render per page and
// address every few seconds instead of one per visitor (decision 021). Only what is the same for everyone is
// kept: a document (not Remix's `?_data=` requests), fetched by GET with none of the portal's cookies (no
// session, no flash message), answered 200 without setting a cookie. The script nonce each response carries
// in its Content-Security-Policy header is put in place of the one the page was rendered with. Any form sent
// to this instance that is not refused empties the cache, so whoever just pledged or published sees the change
// at once; another instance's change shows here within the lifetime.
import type express from "express";
import { LRUCache } from "lru-cache";

export type PageCacheOptions = {
  // how long a rendered page is served again; 0 turns the cache off
  ttlSeconds: number;
  // the most page bytes kept (least recently used go first)
  maxBytes?: number;
  // the clock, for tests
  now?: () => number;
};

type Page = { parts: Buffer[]; contentType: string; size: number };

// the public pages worth keeping: the home page, the list, one request's page, the impact page
const CACHEABLE = /^\/(?:requests(?:\/[^/]+)?|impact)?\/?$/;
const PORTAL_COOKIE = /(?:^|;)\s*svm_/;
// a rendered page larger than this is not kept
const MAX_PAGE_BYTES = 512 * 1024;

function cacheable(req: express.Request) {
  return (
    req.method === "GET" &&
    CACHEABLE.test(req.path) &&
    !("_data" in req.query) &&
    !PORTAL_COOKIE.test(req.headers.cookie ?? "")
  );
}

// The body split around every occurrence of the nonce it was rendered with.
function splitOn(body: Buffer, nonce: string): Buffer[] {
  const parts: Buffer[] = [];
  if (!nonce) return [body];
  let start = 0;
  for (let at = body.indexOf(nonce); at !== -1; at = body.indexOf(nonce, start)) {
    parts.push(body.subarray(start, at));
    start = at + nonce.length;
  }
  parts.push(body.subarray(start));
  return parts;
}

function joinWith(parts: Buffer[], nonce: string): Buffer {
  if (parts.length === 1) return parts[0];
  const glue = Buffer.from(nonce);
  return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [glue, part])));
}

const toBuffer = (chunk: unknown, encoding?: unknown) =>
  Buffer.isBuffer(chunk)
    ? chunk
    : typeof chunk === "string"
      ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
      : Buffer.from(chunk as Uint8Array);

export function publicPageCache(options: PageCacheOptions): express.RequestHandler {
  if (options.ttlSeconds <= 0) return (_req, _res, next) => next();
  const pages = new LRUCache<string, Page>({
    // a few hundred pages: the busy ones. Kept small, and dropped as soon as they expire, so that a stream of
    // addresses asked for once (varied searches) does not hold tens of megabytes for the garbage collector.
    maxSize: options.maxBytes ?? 16 * 1024 * 1024,
    sizeCalculation: (page) => page.size,
    ttl: options.ttlSeconds * 1000,
    ttlAutopurge: true,
    perf: options.now ? { now: options.now } : undefined,
    // lru-cache otherwise reuses a reading of the clock for a millisecond of real time, so a test's clock moved
    // on within that millisecond would go unnoticed
    ttlResolution: options.now ? 0 : 1,
  });
  // bumped whenever the cache is emptied: a page whose render began before is not kept
  let generation = 0;

  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS") {
      // a change made through this instance shows at once: the cache is emptied once the form is answered
      res.on("finish", () => {
        if (res.statusCode < 400) {
          generation += 1;
          pages.clear();
        }
      });
      return next();
    }
    if (!cacheable(req)) return next();
    const nonce = String(res.locals.cspNonce ?? "");
    const key = req.originalUrl;
    const page = pages.get(key);
    if (page) {
      const body = joinWith(page.parts, nonce);
      res.status(200).setHeader("Content-Type", page.contentType);
      res.setHeader("Content-Length", String(body.byteLength));
      res.setHeader("X-Page-Cache", "hit");
      res.end(body);
      return;
    }

    // A miss: the page is rendered as usual and kept as it was sent.
    const chunks: Buffer[] = [];
    const begun = generation;
    let size = 0;
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => express.Response;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk == null || typeof chunk === "function" || size > MAX_PAGE_BYTES) return;
      const buffer = toBuffer(chunk, encoding);
      size += buffer.byteLength;
      chunks.push(buffer);
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as typeof res.end;
    res.setHeader("X-Page-Cache", "miss");
    res.on("finish", () => {
      const contentType = String(res.getHeader("Content-Type") ?? "");
      if (
        res.statusCode !== 200 ||
        res.getHeader("Set-Cookie") !== undefined ||
        !contentType.startsWith("text/html") ||
        size > MAX_PAGE_BYTES ||
        generation !== begun
      )
        return;
      const body = Buffer.concat(chunks);
      pages.set(key, { parts: splitOn(body, nonce), contentType, size: body.byteLength });
    });
    next();
  };
}
