// What the built portal answers at the edges Express sees before any route: addresses that cannot be decoded and
// bodies over the size limit.
// Each is the portal's own page (its layout and a title of its own), never Express's bare one.
import http from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "~/server/http.ts";
import { startApp, startCluster, type AppProcess, type Cluster } from "./harness.ts";

let cluster: Cluster;
let app: AppProcess;

beforeAll(async () => {
  cluster = await startCluster();
  app = await startApp({ databaseUrl: await cluster.createDatabase("edges"), runJobs: false });
});

afterAll(async () => {
  await app?.stop();
  await cluster?.destroy();
});

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

it.each(["/guidance/%ff/%ff", "/requests/%E0%A4%", "/%ff?page=2", "/build/%ff"])(
  "answers an address it cannot decode (%s) with 400 and its own error page",
  async (address) => {
    const response = await fetch(app.url + address);
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(titleOf(body)).toBe("The web address could not be read – Social Value Marketplace");
    expect(body).toContain("check it is correct and complete");
    // the site's layout: its header and the way home
    expect(body).toContain('href="/"');
    expect(body).toContain("<header");
  },
);

// A form posted with a body over the limit, as a browser sends it; the rest of the body never comes, and the
// answer must not wait for it.
function postOversized(path: string, contentType: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(app.url + path, {
      method: "POST",
      headers: { origin: app.url, "content-type": contentType, "content-length": String(20 * 1024 * 1024) },
    });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.write("x".repeat(1024));
  });
}

it.each([
  ["a form of text", "application/x-www-form-urlencoded", "Too much text", "shorten the text"],
  ["an upload", "multipart/form-data; boundary=x", "The file is too large", "choose a smaller file"],
])(
  "answers %s over the size limit with 413 in the site's layout, in its own words",
  async (_, type, title, advice) => {
    expect(20 * 1024 * 1024).toBeGreaterThan(MAX_BODY_BYTES);
    const { status, body } = await postOversized("/guidance/some-council/some-page", type);
    expect(status).toBe(413);
    expect(titleOf(body)).toBe(`${title} – Social Value Marketplace`);
    expect(body).toContain(`>${title}</h1>`);
    expect(body).toContain(advice);
    expect(body).toContain("<header");
    if (type.startsWith("application")) expect(body).not.toContain("smaller file");
  },
);
