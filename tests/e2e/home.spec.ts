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
