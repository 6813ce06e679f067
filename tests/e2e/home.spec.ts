import { expect, expectAccessible, test } from "./helpers.ts";

test("the home page lists the newest open requests and is accessible", async ({ page }) => {
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 1, name: "Social value that gets delivered" }),
  ).toBeVisible();
  const newest = page.getByRole("region", { name: "Newest needs" });
  await expect(newest.getByRole("listitem").first()).toBeVisible();
  await expectAccessible(page);
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();
});

test("an unknown address shows the 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});

test("pages arrive whole and compressed, and built assets are cached for good", async ({ request }) => {
  const plain = await request.get("/requests", { headers: { "accept-encoding": "identity" } });
  expect(plain.status()).toBe(200);
  const html = await plain.body();
  expect(plain.headers()["content-length"]).toBe(String(html.byteLength));
  expect(plain.headers()["transfer-encoding"]).toBeUndefined();
  expect(html.toString()).toMatch(/<\/html>$/);

  const gzipped = await request.get("/requests", { headers: { "accept-encoding": "gzip" } });
  expect(gzipped.headers()["content-encoding"]).toBe("gzip");

  const asset = html.toString().match(/"(\/build\/[^"]+\.js)"/)?.[1];
  expect(asset).toBeDefined();
  const script = await request.get(asset!);
  expect(script.status()).toBe(200);
  expect(script.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});

test("the running portal sends its security headers, and every script it serves carries the page's nonce", async ({
  request,
}) => {
  // "/requests" twice: the second comes from the page cache, with this response's nonce put in
  for (const path of ["/", "/requests", "/requests", "/sign-in"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const nonce = csp.match(/script-src 'self' 'nonce-([^']+)'/)?.[1];
    expect(nonce, `${path}: ${csp}`).toBeDefined();
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    // served over http here, so no HSTS (it is sent when the portal's address is https)
    expect(headers["strict-transport-security"]).toBeUndefined();
    const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
});
