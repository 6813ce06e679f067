// Every page, for every role: each role crawls the pages it can reach from the home page and its navigation,
// and every distinct page (one per route) is checked with axe. Routes come from the same manifest as the
// authorization matrix, so a new page is covered without anyone listing it.
import fs from "node:fs";
import path from "node:path";
import { routeManifest } from "../helpers/route-manifest.ts";
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from "./helpers.ts";

const manifest = routeManifest();
// Static segments win over parameters, as in Remix: /requests/new is the new-request page, not a request.
const patterns = manifest
  .filter((r) => r.id !== "routes/$")
  .map((r) => ({
    id: r.id,
    params: (r.path.match(/:/g) ?? []).length,
    regex: new RegExp(
      `^${r.path
        .replace(/[.]/g, "\\.")
        .replace(/:(\w+)\?/g, "([^/]*)?")
        .replace(/:(\w+)/g, "[^/]+")
        .replace(/\/$/, "")}/?$`,
    ),
  }))
  .sort((a, b) => a.params - b.params);

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

const PAGES_PER_ROLE = 80;
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
const DOWNLOAD = "a file download (CSV, JSON or evidence), not a page";
const EMAILED = "opened from an emailed link with a one-off token";
const BY_FORM = "reached by submitting a form; the feature's end-to-end test checks it with axe";
const REACHED_OTHERWISE: Record<string, string> = {
  "routes/healthz": "JSON for load balancers, not a page",
  "routes/contracts.$id.commitments.$commitmentId_.remove":
    "asks before removing a commitment; the crawl does not reach it, and contracts.spec checks it with axe",
  "routes/admin.councils_.$id.partnership":
    "asks before a council leaves, moves or joins a partnership, reached by the Save button's post: accounts-s39-partnership-removal.spec checks it with axe",
  "routes/pledges.$id_.call-off":
    "asks before a group calls off a pledge it accepted; the crawl reaches no such pledge first: marketplace.spec checks it with axe",
  "routes/council.guidance.$id_.delete":
    "asks before deleting a guidance page, linked only from its edit form: guidance.spec checks it with axe",
  "routes/bench.bare": "the benchmark's reference route, not linked",
  "routes/account.data": DOWNLOAD,
  "routes/council.reports.departmental[.]csv": DOWNLOAD,
  "routes/council.survey.$cycleId.aggregate[.]csv": DOWNLOAD,
  "routes/council.survey.$cycleId.contacts[.]csv": DOWNLOAD,
  "routes/impact.data[.]csv": DOWNLOAD,
  "routes/impact.data[.]json": DOWNLOAD,
  "routes/evidence.$id": DOWNLOAD,
  "routes/account.confirm-email": EMAILED,
  "routes/invitations.$token": EMAILED,
  "routes/survey.invitation.$token": EMAILED,
  "routes/reset-password": EMAILED,
  "routes/verify-email": EMAILED,
  "routes/sign-out": "a form post; a GET goes home",
  "routes/switch-organisation": "a form post; a GET goes home",
  "routes/sign-up.check-email": BY_FORM,
  "routes/survey.$cycleId.questions.$topic": BY_FORM,
  "routes/survey.$cycleId.check-answers": BY_FORM,
  "routes/survey.$cycleId.confirmation": BY_FORM,
  "routes/survey.$cycleId.withdraw": BY_FORM,
  "routes/admin._index": "redirects to /admin/councils",
  "routes/admin.mailbox.$id":
    "lists only mail kept when no email provider is set; these runs use the fake provider",
  "routes/organisations.new.supplier": BY_FORM,
  "routes/organisations.new.vcse": BY_FORM,
  "routes/returns.$id.review":
    "linked only from a submitted return; tests/e2e/returns.spec.ts checks it with axe",
};

// Pages a crawl (one page per route) can miss because only some records link to them.
test("a draft request's edit page is accessible", async ({ page }) => {
  await signIn(page, "charity@demo.test", DEMO_PASSWORD);
  await page.goto("/my-requests");
  const draft = page.getByRole("row").filter({ hasText: /draft/i }).getByRole("link").first();
  await draft.click();
  await page.getByRole("link", { name: "Edit request" }).click();
  await expect(page).toHaveURL(/\/requests\/[^/]+\/edit$/);
  // the address changes before the page renders: wait for the edit page itself before checking it
  await expect(page.getByRole("heading", { level: 1, name: "Edit request" })).toBeVisible();
  await expectAccessible(page);
  recordVisit("routes/requests.$id.edit");
});

// linked only from an organisation the council has not verified (or has refused), for its owner
test("an organisation's 'Change your organisation's details' page is accessible", async ({ page }) => {
  await signIn(page, "pending@demo.test", DEMO_PASSWORD);
  await page.goto("/organisations");
  await page
    .getByRole("main")
    .getByRole("link", { name: "New Horizons Community Choir", exact: true })
    .click();
  await page.getByRole("link", { name: /^Change details/ }).click();
  await expect(page).toHaveURL(/\/organisations\/[^/]+\/edit$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Change your organisation's details" }),
  ).toBeVisible();
  await expectAccessible(page);
  recordVisit("routes/organisations.$id.edit");
});

test("a group's full lists of pledges waiting on it are accessible", async ({ page }) => {
  await signIn(page, "charity@demo.test", DEMO_PASSWORD);
  for (const queue of ["to-answer", "to-confirm"]) {
    await page.goto(`/dashboard/pledges?queue=${queue}`);
    // the demo group has deliveries to confirm but may have no offers to answer: the page, not its table, is checked
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
  recordVisit("routes/dashboard_.pledges");
});

// the question before removing a member is the organisation page with ?remove=: the crawl sees that route once
test("the question before removing a member is accessible", async ({ page }) => {
  await signIn(page, "supplier@demo.test", DEMO_PASSWORD);
  await page.goto("/organisations");
  await page.getByRole("main").getByRole("link", { name: "Greenway Construction Ltd", exact: true }).click();
  await page.getByRole("link", { name: "Remove Mo Member" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Remove Mo Member/ })).toBeVisible();
  await expectAccessible(page);
});

test("the crawl reached every page of the app", async () => {
  const pages = manifest.filter((r) => r.id !== "routes/$" && !(r.id in REACHED_OTHERWISE)).map((r) => r.id);
  const visited = new Set(fs.existsSync(visitedFile) ? fs.readFileSync(visitedFile, "utf8").split("\n") : []);
  const missed = pages.filter((id) => !visited.has(id));
  expect(missed, "pages no role reached: link to them, or list them in REACHED_OTHERWISE with why").toEqual(
    [],
  );
});
