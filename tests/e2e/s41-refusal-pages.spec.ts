// The pages that refuse someone and tell them why (session 41): a council's administrator pages and survey pages to
// its own officer without the role or survey access (403, naming who can give it), and a survey invitation link
// followed by a business other than the one it was sent to. Each is checked in the browser, where the page the
// server sent must wake up with the same heading and title, and with axe.
import type { Page } from "@playwright/test";
import {
  expect,
  expectAccessible,
  firstLink,
  signIn,
  test,
  waitForEmail,
  withoutJavaScript,
} from "./helpers.ts";

const SITE = "Social Value Marketplace";

// the page's own scripts have taken over the page the server sent (which they may have drawn again)
async function hydrated(page: Page) {
  await page.waitForFunction(
    () => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined,
  );
}

async function expectRefusal(page: Page, path: string, doing: string, sentence: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(403);
  await hydrated(page);
  await expect(
    page.getByRole("heading", { level: 1, name: `You do not have permission to ${doing}`, exact: true }),
  ).toBeVisible();
  await expect(page.getByRole("main").getByText(sentence, { exact: true })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("Page not found");
  await expect(page).toHaveTitle(`You do not have permission to ${doing} – ${SITE}`);
  await expectAccessible(page);
}

const NORTHSHIRE = "Northshire County Council";
const ASK_FOR_ADMIN = `Ask ${NORTHSHIRE}’s administrator, Alex Admin, to give you the administrator role.`;

test("a council officer without the administrator role is told who can give it on the council's admin pages", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  for (const [path, doing] of [
    ["/council/settings", "change the council settings"],
    ["/council/audit", "see the audit log"],
    ["/council/guidance", "add or change guidance pages"],
  ]) {
    await expectRefusal(
      page,
      path,
      doing,
      `Only administrators of ${NORTHSHIRE} can ${doing}. ${ASK_FOR_ADMIN}`,
    );
  }
});

test("a council officer without survey access is told who can give it on the council's survey pages", async ({
  page,
}) => {
  await signIn(page, "officer.eastvale@demo.test");
  const doing = "run the supplier diversity survey";
  const council = "Eastvale District Council";
  await expectRefusal(
    page,
    "/council/survey",
    doing,
    `Only officers with survey access of ${council} can ${doing}. ` +
      `Ask ${council}’s administrator, Alex Admin, to give you survey access.`,
  );
});

test(
  "the administrator role's refusal without JavaScript",
  withoutJavaScript(async (nojs, check) => {
    await signIn(nojs, "officer@demo.test");
    const response = await nojs.goto("/council/audit");
    expect(response?.status()).toBe(403);
    await expect(
      nojs.getByRole("heading", { level: 1, name: "You do not have permission to see the audit log" }),
    ).toBeVisible();
    await expect(
      nojs
        .getByRole("main")
        .getByText(`Only administrators of ${NORTHSHIRE} can see the audit log. ${ASK_FOR_ADMIN}`, {
          exact: true,
        }),
    ).toBeVisible();
    await expect(nojs).toHaveTitle(`You do not have permission to see the audit log – ${SITE}`);
    await check();
  }),
);

test(
  "a business that follows a survey invitation sent to another business's address is told it is not theirs",
  withoutJavaScript(async (nojs, check, page) => {
    // Northshire's survey officer invites Greenway's owner by their (confirmed) account address
    await signIn(page, "officer@demo.test");
    await page.goto("/council/survey");
    await page.getByRole("link", { name: "2026" }).click();
    await page.getByLabel("Invite any business by email").fill("supplier@demo.test");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("Invitation sent to supplier@demo.test")).toBeVisible();
    const link = new URL(
      firstLink(await waitForEmail("supplier@demo.test", /supplier survey/), "/survey/invitation/"),
    );
    await page.context().clearCookies();

    // Kite Digital's owner follows the forwarded link, with JavaScript on and then off
    const sentence =
      "The council sent this link to an email address that belongs to another business on this service, so " +
      "Kite Digital Ltd cannot use it to answer the survey. Nothing has been recorded, and the link still works " +
      "for the business it was sent to.";
    for (const [browser, scripts] of [
      [page, true],
      [nojs, false],
    ] as const) {
      await signIn(browser, "sme@demo.test");
      const response = await browser.goto(link.pathname);
      expect(response?.status()).toBe(403);
      if (scripts) await hydrated(browser);
      await expect(
        browser.getByRole("heading", { level: 1, name: "This invitation is for another business" }),
      ).toBeVisible();
      await expect(browser.getByRole("main").getByText(sentence, { exact: true })).toBeVisible();
      // one business only: not told to choose another at the top of the page
      await expect(browser.getByText("choose that business at the top of this page")).toHaveCount(0);
      await expect(browser).toHaveTitle(`Survey invitation – ${SITE}`);
      if (scripts) await expectAccessible(browser);
      else await check();
    }
  }),
);
