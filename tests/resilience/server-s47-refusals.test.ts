// What the built portal answers for a request it refuses before any route's own code runs (a body over the size
// limit, an address it cannot decode), as a browser sends it with JavaScript off (a page) and on (Remix's client
// router asks with `?_data=` and shows a thrown response marked X-Remix-Catch as the route's error page).
import http from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { disconnectDb } from "~/db.server.ts";
import { MAX_BODY_BYTES } from "~/server/http.ts";
import { createUser, sessionCookieFor } from "../helpers/factories.ts";
import { startApp, startCluster, useDatabase, type AppProcess, type Cluster } from "./harness.ts";

let cluster: Cluster;
let app: AppProcess;

beforeAll(async () => {
  cluster = await startCluster();
  const databaseUrl = await cluster.createDatabase("refusals");
  await useDatabase(databaseUrl);
  app = await startApp({ databaseUrl, runJobs: false });
});

afterAll(async () => {
  await disconnectDb();
  await app?.stop();
  await cluster?.destroy();
});

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const OVERSIZED = 20 * 1024 * 1024;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

// What a browser accepts for a page (a form sent without JavaScript, a link followed).
const PAGE = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

// A form over the limit: the first kilobyte of its body is sent and the rest never comes; the answer must not
// wait for it.
function postOversized(path: string, contentType: string, cookie?: string, accept?: string) {
  return new Promise<Answer>((resolve, reject) => {
    const request = http.request(app.url + path, {
      method: "POST",
      headers: {
        origin: app.url,
        "content-type": contentType,
        "content-length": String(OVERSIZED),
        ...(cookie ? { cookie } : {}),
        ...(accept ? { accept } : {}),
      },
    });
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.write("x".repeat(1024));
  });
}

const TEXT = "application/x-www-form-urlencoded";
const UPLOAD = "multipart/form-data; boundary=x";

it.each([
  // a page with a form, and one without (the refusal comes first either way)
  ["/sign-in", TEXT, "Too much text", "shorten the text"],
  ["/sign-in", UPLOAD, "The file is too large", "choose a smaller file"],
  ["/guidance/some-council/some-page", TEXT, "Too much text", "up to 11 MB of text"],
  ["/requests/new", UPLOAD, "The file is too large", "10 MB or smaller"],
])(
  "answers a page sent to %s as %s over the limit with 413 and the error page",
  async (path, type, title, words) => {
    expect(OVERSIZED).toBeGreaterThan(MAX_BODY_BYTES);
    const { status, headers, body } = await postOversized(path, type);
    expect(status).toBe(413);
    expect(headers.connection).toBe("close");
    expect(titleOf(body)).toBe(`${title} – Social Value Marketplace`);
    expect(body).toContain(`>${title}</h1>`);
    expect(body).toContain(words);
    expect(body).toContain("<header");
    // the words are the page's own, so the browser's render of the same error (hydration) keeps them
    expect(body).toContain(`"refusedRequest":"${type === TEXT ? "text" : "upload"}"`);
    expect(body).not.toContain("Page not found");
  },
);

it("shows the 413 page in the layout of whoever is signed in", async () => {
  const user = await createUser({ name: "Refused Rowena" });
  const { status, body } = await postOversized("/sign-in", TEXT, await sessionCookieFor(user.id));
  expect(status).toBe(413);
  expect(titleOf(body)).toBe("Too much text – Social Value Marketplace");
  expect(body).toContain("Refused Rowena");
});

it.each([
  [TEXT, "text"],
  [UPLOAD, "upload"],
])(
  "answers a form sent with JavaScript (%s) over the limit as a thrown 413 the client router shows",
  async (type, refusedRequest) => {
    const { status, headers, body } = await postOversized("/sign-in?_data=routes%2Fsign-in", type);
    expect(status).toBe(413);
    expect(headers["x-remix-catch"]).toBe("yes");
    expect(headers["content-type"]).toMatch(/^application\/json/);
    expect(headers.connection).toBe("close");
    expect(JSON.parse(body)).toEqual({ refusedRequest });
  },
);

it("answers an address it cannot decode with 400 in its own words, as a page and to the client router", async () => {
  const page = await fetch(`${app.url}/guidance/%ff/%ff`);
  const html = await page.text();
  expect(page.status).toBe(400);
  expect(titleOf(html)).toBe("The web address could not be read – Social Value Marketplace");
  expect(html).toContain(">The web address could not be read</h1>");
  expect(html).toContain("cut off or only partly copied");

  const data = await fetch(`${app.url}/guidance/%ff/%ff?_data=routes%2Fguidance.%24councilId.%24slug`);
  expect(data.status).toBe(400);
  expect(data.headers.get("x-remix-catch")).toBe("yes");
  expect(await data.json()).toEqual({ refusedRequest: "address" });
});

// A download (a resource route) has no page of its own: its refusal reached the browser as the bare JSON
// {"refusedRequest":"address"}. Asked for as a page, it is the error page in the site's layout, as anywhere else.
it.each(["/evidence/%ff", "/evidence/%E0%A4%"])(
  "answers a download's address it cannot decode (%s) with the 400 page, not JSON",
  async (address) => {
    const response = await fetch(app.url + address, { headers: { accept: "text/html" } });
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(titleOf(html)).toBe("The web address could not be read – Social Value Marketplace");
    expect(html).toContain(">The web address could not be read</h1>");
    expect(html).toContain("<header");
  },
);

it.each([
  // downloads, one with an action of none
  ["/evidence/some-file", TEXT, "Too much text"],
  ["/impact/data.csv", UPLOAD, "The file is too large"],
  ["/healthz", TEXT, "Too much text"],
  // addresses no route of the portal claims
  ["/no-such-page", TEXT, "Too much text"],
  ["/no/such/page/at/all", UPLOAD, "The file is too large"],
])("answers a page sent to %s (%s) over the limit with the 413 page", async (path, type, title) => {
  const { status, headers, body } = await postOversized(path, type, undefined, PAGE);
  expect(status).toBe(413);
  expect(headers["content-type"]).toMatch(/^text\/html/);
  // the same address refused answers a program otherwise (below)
  expect(headers.vary).toMatch(/\bAccept\b/);
  expect(titleOf(body)).toBe(`${title} – Social Value Marketplace`);
  expect(body).toContain(`>${title}</h1>`);
  expect(body).toContain("<header");
  expect(body).not.toContain("Page not found");
});

// A program (curl, a load balancer, a script fetching the open data) asks for no page: a download refused before
// its own code runs answers it as it answers any request of its own, not with a page of HTML meant for a person.
it.each([
  // curl's own Accept, and none at all
  ["/healthz", TEXT, "*/*", "text"],
  ["/healthz", UPLOAD, undefined, "upload"],
  ["/impact/data.json", TEXT, "application/json", "text"],
  ["/impact/data.csv", UPLOAD, "text/csv", "upload"],
  ["/evidence/some-file", TEXT, "*/*", "text"],
])(
  "answers a program posting to the download %s (%s, Accept %s) over the limit with the 413 as JSON",
  async (path, type, accept, refusedRequest) => {
    const { status, headers, body } = await postOversized(path, type, undefined, accept);
    expect(status).toBe(413);
    expect(headers["content-type"]).toMatch(/^application\/json/);
    expect(headers.vary).toMatch(/\bAccept\b/);
    expect(headers.connection).toBe("close");
    expect(JSON.parse(body)).toEqual({ refusedRequest });
  },
);

it.each(["*/*", "application/json"])(
  "answers a program asking for a download's address it cannot decode (Accept %s) with the 400 as JSON",
  async (accept) => {
    const response = await fetch(`${app.url}/evidence/%ff`, { headers: { accept } });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("vary")).toMatch(/\bAccept\b/);
    expect(await response.json()).toEqual({ refusedRequest: "address" });
  },
);

it("answers a form sent with JavaScript to an address no route claims over the limit with the thrown 413", async () => {
  const { status, headers, body } = await postOversized("/no-such-page?_data=routes%2F%24", TEXT);
  expect(status).toBe(413);
  expect(headers["x-remix-catch"]).toBe("yes");
  expect(JSON.parse(body)).toEqual({ refusedRequest: "text" });
});

// Closed at once, the connection would be reset under the browser while it still sends, and the reset can overtake
// the 413 (the browser then shows "connection reset"): it must get the answer, then the end of the connection,
// and never send the whole body. Five times, since the reset only sometimes wins the race.
it("answers a large upload and closes the connection without reading the upload", async () => {
  const declared = 200 * 1024 * 1024;
  const chunk = Buffer.alloc(256 * 1024, "x");
  const upload = () =>
    new Promise<{ status: number; written: number; error?: string }>((resolve, reject) => {
      let status = 0;
      let written = 0;
      let error: string | undefined;
      const request = http.request(app.url + "/sign-in", {
        method: "POST",
        headers: { origin: app.url, "content-type": UPLOAD, "content-length": String(declared) },
      });
      request.on("response", (response) => {
        status = response.statusCode ?? 0;
        response.resume();
      });
      // sends as fast as the server takes it, until the connection closes
      const send = () => {
        while (written < declared && !request.destroyed) {
          written += chunk.length;
          if (!request.write(chunk)) return void request.once("drain", send);
        }
      };
      request.on("socket", (socket) => socket.on("close", () => resolve({ status, written, error })));
      request.on("error", (e) => (error ??= e.message));
      setTimeout(() => reject(new Error(`still open after ${written} bytes`)), 20_000).unref();
      send();
    });
  for (let attempt = 0; attempt < 5; attempt++) {
    const outcome = await upload();
    expect(outcome.status, JSON.stringify(outcome)).toBe(413);
    // what the kernel's buffers hold on each side, far short of the declared body
    expect(outcome.written).toBeLessThan(declared / 4);
  }
});
