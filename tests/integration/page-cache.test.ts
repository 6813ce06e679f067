// The public-page cache in front of the portal: what it keeps, for whom, for how long, and that every copy
// it sends carries the script nonce of its own response. A real Express server with the portal's protections,
// and a stand-in for Remix that counts its renders.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { applyProtections } from "~/server/http.ts";
import { publicPageCache } from "~/server/page-cache.ts";

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function serve(options: { ttlSeconds?: number } = {}) {
  let clock = 1_000_000;
  const renders: string[] = [];
  let hold: Promise<void> | undefined;
  const app = express();
  applyProtections(app, { production: true, https: false, allowedOrigins: [] });
  app.use(publicPageCache({ ttlSeconds: options.ttlSeconds ?? 5, now: () => clock }));
  app.post("/requests/:id/pledge", (req, res) => {
    res.status(req.query.refuse ? 400 : 302).end();
  });
  app.get(/.*/, async (req, res) => {
    renders.push(req.originalUrl);
    if (hold) await hold;
    const nonce = String(res.locals.cspNonce);
    if (req.query.missing) return res.status(404).type("html").send("<h1>Page not found</h1>");
    if (req.query.flash) res.setHeader("Set-Cookie", "svm_flash=; Max-Age=0");
    // two writes, as the Remix adapter sends a body in chunks
    res.type("html");
    res.write(`<!doctype html><script nonce="${nonce}">1</script>`);
    res.end(`<p>${req.originalUrl}</p><script nonce="${nonce}">2</script>`);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(base + path, { headers });
    const body = await response.text();
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    return { status: response.status, body, nonce, cache: response.headers.get("x-page-cache") };
  };
  const post = (path: string) =>
    fetch(base + path, { method: "POST", redirect: "manual", headers: { origin: base } });
  return {
    get,
    post,
    renders,
    advance: (ms: number) => (clock += ms),
    holdRenders: () => {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      return () => {
        hold = undefined;
        release();
      };
    },
  };
}

const noncesIn = (body: string) => [...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);

describe("the public page cache", () => {
  it("renders a public page once for anonymous visitors, each copy with its own response's nonce", async () => {
    const portal = await serve();
    const first = await portal.get("/requests?sort=closing");
    const second = await portal.get("/requests?sort=closing");
    expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
    expect(portal.renders).toEqual(["/requests?sort=closing"]);
    expect(second.body.replaceAll(second.nonce!, "N")).toBe(first.body.replaceAll(first.nonce!, "N"));
    // the scripts of the copy run under the copy's policy, not under the first visitor's
    expect(second.nonce).not.toBe(first.nonce);
    expect(noncesIn(second.body)).toEqual([second.nonce, second.nonce]);
    // another address is another page
    await portal.get("/requests?sort=newest");
    expect(portal.renders).toHaveLength(2);
  });

  it("keeps the home page, a request's page and the impact page, and nothing else", async () => {
    const portal = await serve();
    const kept = ["/", "/requests", "/requests/abc123", "/impact"];
    const notKept = ["/dashboard", "/requests/abc123/pledge", "/guidance", "/council/dashboard"];
    for (const path of [...kept, ...notKept]) await portal.get(path);
    portal.renders.length = 0;
    for (const path of [...kept, ...notKept]) await portal.get(path);
    expect(portal.renders).toEqual(notKept);
  });

  it("never keeps or serves a page for someone with the portal's cookies, or a Remix data request", async () => {
    const portal = await serve();
    await portal.get("/requests");
    const signedIn = await portal.get("/requests", { cookie: "theme=dark; svm_session=abc" });
    const withFlash = await portal.get("/requests", { cookie: "svm_flash=xyz" });
    expect([signedIn.cache, withFlash.cache]).toEqual([null, null]);
    // a cookie that is not the portal's (a council's analytics, say) changes nothing
    expect((await portal.get("/requests", { cookie: "analytics=1" })).cache).toBe("hit");
    await portal.get("/requests?_data=routes%2Frequests._index");
    await portal.get("/requests?_data=routes%2Frequests._index");
    expect(portal.renders).toEqual([
      "/requests",
      "/requests",
      "/requests",
      "/requests?_data=routes%2Frequests._index",
      "/requests?_data=routes%2Frequests._index",
    ]);
  });

  it("keeps only a plain success: not a missing page, not one that sets a cookie", async () => {
    const portal = await serve();
    for (let i = 0; i < 2; i++) {
      expect((await portal.get("/requests/gone?missing=1")).status).toBe(404);
      await portal.get("/requests?flash=1");
    }
    expect(portal.renders).toHaveLength(4);
  });

  it("renders again once the lifetime is over", async () => {
    const portal = await serve({ ttlSeconds: 5 });
    await portal.get("/impact");
    portal.advance(4_900);
    expect((await portal.get("/impact")).cache).toBe("hit");
    portal.advance(200);
    expect((await portal.get("/impact")).cache).toBe("miss");
    expect(portal.renders).toHaveLength(2);
  });

  it("is emptied by a form this instance accepts, not by one it refuses", async () => {
    const portal = await serve();
    await portal.get("/requests/abc123");
    expect((await portal.post("/requests/abc123/pledge?refuse=1")).status).toBe(400);
    expect((await portal.get("/requests/abc123")).cache).toBe("hit");
    expect((await portal.post("/requests/abc123/pledge")).status).toBe(302);
    expect((await portal.get("/requests/abc123")).cache).toBe("miss");
  });

  it("does not keep a page whose render began before a change was accepted", async () => {
    const portal = await serve();
    const release = portal.holdRenders();
    const rendering = portal.get("/requests");
    await expect.poll(() => portal.renders.length).toBe(1);
    await portal.post("/requests/abc123/pledge");
    release();
    await rendering;
    expect((await portal.get("/requests")).cache).toBe("miss");
  });

  it("can be turned off", async () => {
    const portal = await serve({ ttlSeconds: 0 });
    await portal.get("/requests");
    expect((await portal.get("/requests")).cache).toBeNull();
    expect(portal.renders).toHaveLength(2);
  });
});
