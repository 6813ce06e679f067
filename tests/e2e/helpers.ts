// End-to-end helpers: accessibility checks on every visited page, sign-in fixtures and the fake mailbox.
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password-2026";

// Runs axe (WCAG 2.2 A and AA rules) on the page as it is now and fails on any violation.
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

// Every test's page is checked with axe once more when the test ends (tests also check each step), nothing on
// any page it visited may have been refused by the portal's Content-Security-Policy (a script without the nonce,
// an inline style): the browser's console says so, the portal answered nothing it asked with a server error
// (one behind a redirect, as after signing in, otherwise passes unseen when the next step goes elsewhere), and no
// page's own JavaScript failed (a page whose browser code threw, as /returns' did reading a server-only value, still
// showed its server-rendered HTML, but its links and forms stopped working).
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use, testInfo) => {
    const refused: string[] = [];
    const failed: string[] = [];
    const thrown: string[] = [];
    page.on("pageerror", (error) => thrown.push(`${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(`${page.url()}: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 500) failed.push(`${response.status()} ${response.url()}`);
    });
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus) return;
    expect(refused, "refused by the Content-Security-Policy").toEqual([]);
    expect(failed, "answered with a server error").toEqual([]);
    expect(thrown, "the page's JavaScript threw").toEqual([]);
    if (page.url().startsWith("http")) await expectAccessible(page);
  },
});

// Without JavaScript axe cannot run in the page itself: each page's HTML (scripts removed) is checked in the
// test's own page, on the same origin so the stylesheet loads. `run` drives a second page with JavaScript off; it
// gets the test's own page too, for steps with JavaScript on before `check` (which replaces that page's content).
export function withoutJavaScript(
  run: (nojs: Page, check: () => Promise<void>, page: Page) => Promise<void>,
) {
  return async ({ page, browser, baseURL }: { page: Page; browser: Browser; baseURL?: string }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const nojs = await context.newPage();
    await page.goto("/healthz");
    const check = async () => {
      await page.setContent((await nojs.content()).replace(/<script\b[\s\S]*?<\/script>/gi, ""));
      await expectAccessible(page);
    };
    try {
      await run(nojs, check, page);
    } finally {
      await context.close();
    }
  };
}

// Go to a page and check it with axe.
export async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await expectAccessible(page);
  return response;
}

export { expect };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

type SentEmail = { to: string[]; subject: string; html: string; text: string };

// Waits for an email to arrive at the fake Resend server and returns it.
export async function waitForEmail(to: string, subject: RegExp): Promise<SentEmail> {
  const url = `http://127.0.0.1:${process.env.FAKE_RESEND_PORT}/emails`;
  for (let i = 0; i < 60; i++) {
    const sent = (await (await fetch(url)).json()) as SentEmail[];
    const found = sent.filter((e) => e.to.includes(to.toLowerCase()) && subject.test(e.subject)).pop();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no email to ${to} matching ${subject}`);
}

export function firstLink(email: SentEmail, pathContains: string) {
  const match = email.text.match(new RegExp(`https?://[^\\s\\]]*${pathContains}[^\\s\\]]*`));
  if (!match) throw new Error(`no link containing ${pathContains} in email "${email.subject}"`);
  return match[0];
}
