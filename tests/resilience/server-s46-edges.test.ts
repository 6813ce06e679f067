// What the built portal answers at the edges Express sees before any route: addresses that cannot be decoded.
// Each is the portal's own page (its layout and a title of its own), never Express's bare one.
import { afterAll, beforeAll, expect, it } from "vitest";
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
    expect(titleOf(body)).toBe("Page not found – Social Value Marketplace");
    // the site's layout: its header and the way home
    expect(body).toContain('href="/"');
    expect(body).toContain("<header");
  },
);
