import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { applyProtections, MAX_BODY_BYTES, MAX_EVIDENCE_POST_BYTES } from "~/server/http.ts";

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function serve(options: { production: boolean; https: boolean }) {
  const app = express();
  applyProtections(app, { ...options, allowedOrigins: ["https://portal.example.gov.uk"] });
  app.get("/", (_req, res) => res.send(`<script nonce="${res.locals.cspNonce}"></script>`));
  app.post("/form", (_req, res) => res.send("accepted"));
  app.post("/returns/:id", (_req, res) => res.send("accepted"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("security headers", () => {
  it("sends a script CSP with a per-request nonce and no unsafe-inline, and forbids framing", async () => {
    const base = await serve({ production: true, https: true });
    const first = await fetch(base);
    const second = await fetch(base);
    const csp = first.headers.get("content-security-policy")!;
    const directives = new Map(
      csp.split(";").map((d) => {
        const [name, ...sources] = d.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get("script-src")).toEqual([
      "'self'",
      expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]+'$/),
    ]);
    // no way around the nonce for any script: not script-src-elem, not event-handler attributes (script-src-attr),
    // and not through default-src, which the script directives fall back to
    for (const [name, sources] of directives) {
      if (name.startsWith("script-src") || name === "default-src")
        expect(sources, name).not.toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^'(unsafe-inline|unsafe-eval|unsafe-hashes)'$|^\*$|^https?:$|^data:$/),
          ]),
        );
    }
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("form-action")).toEqual(["'self'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("sends no HSTS when the portal is not served over https", async () => {
    const base = await serve({ production: true, https: false });
    const response = await fetch(base);
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });
});

describe("caching", () => {
  it("keeps pages shown to a signed-in person out of every cache, and leaves public pages alone", async () => {
    const base = await serve({ production: true, https: false });
    const signedIn = await fetch(base, { headers: { cookie: "theme=x; svm_session=abc" } });
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
    const anonymous = await fetch(base);
    expect(anonymous.headers.get("cache-control")).toBeNull();
  });
});

describe("cross-site request forgery", () => {
  it("refuses a POST from another origin and accepts one from the portal itself", async () => {
    const base = await serve({ production: true, https: false });
    const evil = await fetch(`${base}/form`, {
      method: "POST",
      headers: { origin: "https://evil.example" },
      body: "x=1",
    });
    expect(evil.status).toBe(403);
    const crossSite = await fetch(`${base}/form`, {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site" },
      body: "x",
    });
    expect(crossSite.status).toBe(403);
    // a sandboxed frame or a redirect from another site says "null"; a sibling subdomain is same-site, not ours;
    // and every unsafe method is checked, not only POST
    const refusedHeaders: Record<string, string>[] = [{ origin: "null" }, { "sec-fetch-site": "same-site" }];
    for (const headers of refusedHeaders) {
      const refused = await fetch(`${base}/form`, { method: "POST", headers, body: "x=1" });
      expect(refused.status, JSON.stringify(headers)).toBe(403);
    }
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const refused = await fetch(`${base}/form`, { method, headers: { origin: "https://evil.example" } });
      expect(refused.status, method).toBe(403);
    }
    const own = await fetch(`${base}/form`, { method: "POST", headers: { origin: base }, body: "x=1" });
    expect(own.status).toBe(200);
    const configured = await fetch(`${base}/form`, {
      method: "POST",
      headers: { origin: "https://portal.example.gov.uk" },
      body: "x",
    });
    expect(configured.status).toBe(200);
  });

  it("refuses bodies larger than the upload limit before reading them", async () => {
    const base = await serve({ production: true, https: false });
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${base}/form`, {
        method: "POST",
        headers: { origin: base, "content-length": String(MAX_BODY_BYTES + 1) },
      });
      request.on("response", (response) => resolve(response.statusCode ?? 0));
      request.on("error", reject);
      request.write("x".repeat(1024)); // the rest never comes: the answer must not wait for it
    });
    expect(status).toBe(413);
  });

  it("lets an oversized evidence file reach the return page, which answers next to the field", async () => {
    const base = await serve({ production: true, https: false });
    const post = (path: string, bytes: number, type = "multipart/form-data; boundary=x") =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(`${base}${path}`, {
          method: "POST",
          headers: { origin: base, "content-type": type, "content-length": String(bytes) },
        });
        request.on("response", (response) => resolve(response.statusCode ?? 0));
        request.on("error", reject);
        request.write("x".repeat(1024));
      });
    expect(await post("/returns/r1", 20 * 1024 * 1024)).toBe(200);
    expect(await post("/returns/r1", MAX_EVIDENCE_POST_BYTES + 1)).toBe(413);
    expect(await post("/form", 20 * 1024 * 1024)).toBe(413);
    expect(await post("/returns/r1", 20 * 1024 * 1024, "application/x-www-form-urlencoded")).toBe(413);
  });
});
