// The "Error: " title of a form sent back with errors (decision 034), in a browser: after a submit handled in the
// page (JavaScript on), and when the page sent back by the server wakes up in the browser, which must render the
// same title as the server did (else React throws the server's page away and draws it again).
import { expect, test, withoutJavaScript } from "./helpers.ts";

test("a form sent back with errors says so in the title, and loses it once put right", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page).toHaveTitle("Sign in – Social Value Marketplace");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expect(page).toHaveTitle("Error: Sign in – Social Value Marketplace");
  await page.getByRole("link", { name: "Create an account" }).first().click();
  await expect(page).toHaveTitle(/^Create an account/);
});

test("the server's page with errors wakes up in the browser with the same title", async ({
  page,
  baseURL,
}) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    // (the page itself comes with its 400, which the console reports too)
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  // the page a browser without JavaScript gets back, then opened with JavaScript on
  const sentBack = await page.request.post("/sign-in", {
    form: { email: "", password: "" },
    headers: { origin: baseURL! },
    failOnStatusCode: false,
  });
  expect(sentBack.status()).toBe(400);
  const html = await sentBack.text();
  await page.route("**/sign-in", (route) =>
    route.request().method() === "GET"
      ? route.fulfill({ status: 400, contentType: "text/html", body: html })
      : route.continue(),
  );
  await page.goto("/sign-in");
  await expect(page).toHaveTitle("Error: Sign in – Social Value Marketplace");
  // hydrated: the page's own scripts now handle the form
  await page.waitForFunction(
    () => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined,
  );
  await expect(page).toHaveTitle("Error: Sign in – Social Value Marketplace");
  expect(problems).toEqual([]);
});

test(
  "without JavaScript too",
  withoutJavaScript(async (nojs, check) => {
    await nojs.goto("/sign-in");
    await nojs.getByRole("button", { name: "Sign in" }).click();
    await expect(nojs).toHaveTitle("Error: Sign in – Social Value Marketplace");
    await check();
  }),
);
