// Every page, for every role: each role crawls the pages it can reach from the home page and its navigation,
// and every distinct page (one per route) is checked with axe. Routes come from the same manifest as the
// authorization matrix, so a new page is covered without anyone listing it.
import fs from "node:fs";
import path from "node:path";
import { routeManifest } from "../helpers/route-manifest.ts";
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from "./helpers.ts";

const manifest = routeManifest();
const patterns = manifest
  .filter((r) => r.id !== "routes/$")
  .map((r) => ({
    id: r.id,
    regex: new RegExp(
      `^${r.path
        .replace(/[.]/g, "\\.")
        .replace(/:(\w+)\?/g, "([^/]*)?")
        .replace(/:(\w+)/g, "[^/]+")
        .replace(/\/$/, "")}/?$`,
    ),
  }));

function routeIdOf(pathname: string) {
  return patterns.find((p) => p.regex.test(pathname))?.id;
}

const ROLES = [
  { role: "anonymous", email: null },
  { role: "platform admin", email: "platform.admin@demo.test" },
  { role: "council admin", email: "council.admin@demo.test" },
  { role: "council officer", email: "officer@demo.test" },
  { role: "officer of the other council", email: "officer.eastvale@demo.test" },
  { role: "supplier owner", email: "supplier@demo.test" },
  { role: "supplier member", email: "supplier.member@demo.test" },
  { role: "SME supplier owner", email: "sme@demo.test" },
  { role: "VCSE owner", email: "charity@demo.test" },
  { role: "VCSE member", email: "charity.member@demo.test" },
  { role: "pending VCSE owner", email: "pending@demo.test" },
] as const;

const PAGES_PER_ROLE = 45;
// Playwright restarts its worker after a failure, so what each role reached is kept in the run's folder.
const visitedFile = path.resolve(`.e2e/${process.env.E2E_RUN_ID}/sweep-visited.txt`);
function recordVisit(routeId: string) {
  fs.mkdirSync(path.dirname(visitedFile), { recursive: true });
  fs.appendFileSync(visitedFile, `${routeId}\n`);
}

for (const { role, email } of ROLES) {
  test(`every page a ${role} can reach is accessible`, async ({ page }) => {
    test.setTimeout(240_000);
    if (email) await signIn(page, email, DEMO_PASSWORD);
    const seenRoutes = new Set<string>();
    const queue = ["/"];
    const queued = new Set(queue);
    let visited = 0;
    while (queue.length && visited < PAGES_PER_ROLE) {
      const url = queue.shift()!;
      const response = await page.goto(url).catch((error: Error) => {
        // a file download (CSV, JSON export) is not a page
        if (error.message.includes("Download is starting")) return null;
        throw error;
      });
      if (!response) continue;
      const type = response?.headers()["content-type"] ?? "";
      if (!type.includes("text/html")) continue;
      visited++;
      expect(response?.status(), `${url} as ${role}`).toBeLessThan(500);
      await expectAccessible(page);
      const id = routeIdOf(new URL(page.url()).pathname);
      if (id) {
        seenRoutes.add(id);
        recordVisit(id);
      }
      const links = await page
        .locator("a[href^='/']")
        .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
      for (const href of links) {
        const target = new URL(href, "http://x");
        if (
          /\.(csv|json|pdf|png|jpe?g|xlsx)$/i.test(target.pathname) ||
          target.pathname.startsWith("/evidence/")
        )
          continue;
        const targetId = routeIdOf(target.pathname);
        // one page per route is enough; pagination and filters are the same page
        if (!targetId || seenRoutes.has(targetId) || queued.has(target.pathname)) continue;
        if ([...queued].some((q) => routeIdOf(q) === targetId)) continue;
        queued.add(target.pathname);
        queue.push(target.pathname + target.search);
      }
    }
    expect(visited).toBeGreaterThan(1);
  });
}

// Pages no crawl can reach by following links (they need an emailed token, or are reached by a form post).
const REACHED_OTHERWISE: Record<string, string> = {
  "routes/healthz": "JSON for load balancers, not a page",
};

test("the crawl reached every page of the app", async () => {
  const pages = manifest.filter((r) => r.id !== "routes/$" && !(r.id in REACHED_OTHERWISE)).map((r) => r.id);
  const visited = new Set(fs.existsSync(visitedFile) ? fs.readFileSync(visitedFile, "utf8").split("\n") : []);
  const missed = pages.filter((id) => !visited.has(id));
  expect(missed, "pages no role reached: link to them, or list them in REACHED_OTHERWISE with why").toEqual(
    [],
  );
});
