// The Back link's chevron was a "‹" inside the link's text, underlined with it. As GOV.UK's back link, it is now drawn
// by CSS beside the words: in a real browser, the link's text is its words only, the chevron box is not underlined
// and has its two borders, it turns black with the words on the yellow of keyboard focus, and the link still works
// as a plain link with JavaScript off.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, signIn, test } from "./helpers.ts";

const chevron = (page: Page) =>
  page.getByRole("link", { name: "Back to your account" }).evaluate((link) => {
    const before = getComputedStyle(link, "::before");
    return {
      text: link.textContent,
      linkUnderlined: getComputedStyle(link).textDecorationLine,
      linkBackground: getComputedStyle(link).backgroundColor,
      content: before.content,
      position: before.position,
      underlined: before.textDecorationLine,
      borders: [
        before.borderTopWidth,
        before.borderLeftWidth,
        before.borderRightWidth,
        before.borderBottomWidth,
      ],
      colour: before.borderTopColor,
      rotate: before.rotate,
    };
  });

test("the Back link draws its chevron beside its underlined words, and shows keyboard focus", async ({
  page,
}) => {
  await signIn(page, "supplier@demo.test", DEMO_PASSWORD);
  await page.goto("/account/name");
  await expectAccessible(page);
  const drawn = await chevron(page);
  expect(drawn).toMatchObject({
    text: "Back to your account",
    linkUnderlined: "underline",
    content: '""',
    position: "absolute",
    underlined: "none",
    borders: ["2px", "2px", "0px", "0px"],
    rotate: "-45deg",
  });

  // keyboard focus: the site's yellow with black words, and the chevron black with them
  await page.getByRole("link", { name: "Back to your account" }).focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Back to your account" })).toBeFocused();
  const focused = await chevron(page);
  expect(focused.linkBackground).toBe("rgb(255, 221, 0)");
  expect(focused.linkUnderlined).toBe("none");
  expect(focused.colour).toBe("rgb(11, 12, 12)");
});

test("the Back link is a plain link that works without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const nojs = await context.newPage();
  try {
    await nojs.goto("/sign-in");
    await nojs.getByLabel("Email address").fill("supplier@demo.test");
    await nojs.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await nojs.getByRole("button", { name: "Sign in" }).click();
    await expect(nojs.getByRole("button", { name: "Sign out" })).toBeVisible();
    await nojs.goto("/account/name");
    await nojs.getByRole("link", { name: "Back to your account" }).click();
    await expect(nojs).toHaveURL(/\/account$/);
  } finally {
    await context.close();
  }
});
