import type { Page } from "@playwright/test";
import {
  DEMO_PASSWORD,
  expect,
  expectAccessible,
  firstLink,
  signIn,
  test,
  visit,
  waitForEmail,
} from "./helpers.ts";

const PASSWORD = "a long enough passphrase";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

// Reads an email where the user does, at the (fake) email provider, and returns the first link in it that
// contains `path`. The portal's own mailbox page never shows message bodies once a provider is set up.
async function linkFromInbox(to: string, subject: RegExp, path: string) {
  const email = await waitForEmail(to, subject);
  return path ? firstLink(email, path) : "";
}

test("a new charity signs up, is verified by the council and brings in a colleague", async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const email = `owner.${stamp}@example.test`;
  const colleague = `colleague.${stamp}@example.test`;
  const groupName = `Riverside Repair Café ${stamp}`;

  // Sign up
  await visit(page, "/sign-up");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Full name").fill("Rosa Repair");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("To register a charity, community group or social enterprise").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByText("straight to registering your charity")).toBeVisible();
  await expectAccessible(page);

  // Verify through the emailed link
  await visit(page, (await linkFromInbox(email, /Confirm your email address/, "/verify-email"))!);
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page.getByText("Your email address is confirmed")).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  // Register the VCSE they said they came for: confirming led straight to its form
  await expect(
    page.getByRole("heading", { name: "Your charity, community group or social enterprise" }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Organisation name").fill(groupName);
  await page.getByLabel("Council area").selectOption({ label: "Northshire County Council" });
  await page.getByLabel("Area you serve").fill("Riverside ward");
  await page
    .getByLabel("What your organisation does")
    .fill("We fix broken things so they are not thrown away.");
  await page.getByRole("button", { name: "Register organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  await expect(page.getByText("Waiting for the council to verify this organisation")).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // A council officer verifies it
  await signIn(page, "officer@demo.test");
  await visit(page, "/council/verification");
  await page.getByRole("link", { name: groupName }).click();
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Verify organisation" }).click();
  await expect(page.getByText("Organisation verified")).toBeVisible();
  await expect(page.getByRole("link", { name: groupName })).toHaveCount(0);
  await expectAccessible(page);
  await linkFromInbox(email, /has been verified/, "");
  await signOut(page);

  // The owner invites a colleague
  await signIn(page, email, PASSWORD);
  await visit(page, "/organisations");
  await page.getByRole("link", { name: groupName }).click();
  // the list's row also says "Verified": wait for the organisation's own page
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  await expect(page.getByText("Verified", { exact: true })).toBeVisible();
  await page.getByLabel("Their email address").fill(colleague);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${colleague}`)).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  // The colleague joins from the email, creating an account on the way
  await visit(page, (await linkFromInbox(colleague, /Join/, "/invitations/"))!);
  await page.getByRole("link", { name: "Create an account and join" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel("Email address")).toHaveValue(colleague);
  await page.getByLabel("Full name").fill("Cal Colleague");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Cal Colleague (you)" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Rosa Repair" })).toBeVisible();
  await expectAccessible(page);
});

test("sign-in failures never say which part was wrong", async ({ page }) => {
  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill("nobody@example.test");
  await page.getByLabel("Password", { exact: true }).fill("wrong password here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Incorrect email or password")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue("nobody@example.test");
  // the password is never sent back, and the field the browser kept is emptied (useServerForm's key)
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expectAccessible(page);
});

test("a partnership officer works for each partner council in turn with one sign-in", async ({ page }) => {
  await signIn(page, "partnership.officer@demo.test");
  await visit(page, "/organisations");
  await expect(page.getByRole("rowheader", { name: "Northshire County Council", exact: true })).toBeVisible();
  await expect(
    page.getByText("Partner council, through your role at Northshire County Council"),
  ).toBeVisible();
  await expectAccessible(page);

  await visit(page, "/council/verification");
  await expect(
    page.locator("#main-content").getByText("Northshire County Council", { exact: true }),
  ).toBeVisible();
  await visit(page, "/organisations");
  await page.getByRole("button", { name: /Work for this one\s*: Eastvale District Council/ }).click();
  // the choice is made once the header carries the partner's name (navigating sooner would cancel it)
  await expect(
    page.getByRole("banner").getByRole("link", { name: /^Eastvale District Council/ }),
  ).toBeVisible();
  await visit(page, "/council/verification");
  await expect(
    page.locator("#main-content").getByText("Eastvale District Council", { exact: true }),
  ).toBeVisible();
  await expectAccessible(page);
});

test("a form sent after switching council in another window acts for the council its page was shown for", async ({
  page,
}) => {
  // an admin of Northshire and Eastvale, working for Northshire (the first)
  await signIn(page, "council.admin@demo.test");
  await visit(page, "/council/categories");
  await expect(
    page.getByRole("banner").getByRole("link", { name: /^Northshire County Council/ }),
  ).toBeVisible();

  // a second window of the same browser switches to the other council
  const other = await page.context().newPage();
  await visit(other, "/organisations");
  await other.getByRole("button", { name: /Work for this one\s*: Eastvale District Council/ }).click();
  await expect(
    other.getByRole("banner").getByRole("link", { name: /^Eastvale District Council/ }),
  ).toBeVisible();

  // the first window's form, shown for Northshire, is sent
  const name = `Warm spaces ${Date.now()}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Add category" }).click();
  await expect(page.getByRole("status").getByText("Categories updated")).toBeVisible();

  // Eastvale, worked for now, did not get it
  await visit(other, "/council/categories");
  await expect(other.getByRole("main").getByText(name)).toHaveCount(0);
  await visit(other, "/organisations");
  await other.getByRole("button", { name: /Work for this one\s*: Northshire County Council/ }).click();
  await expect(
    other.getByRole("banner").getByRole("link", { name: /^Northshire County Council/ }),
  ).toBeVisible();
  await visit(other, "/council/categories");
  await expect(other.getByRole("main").getByRole("rowheader", { name })).toBeVisible();
  await expectAccessible(other);
});

test("someone without an account who opens a survey invitation signs up and lands back on it", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const email = `new.business.${stamp}@example.test`;
  // the council's survey officer invites the address to its open survey (a link that does not work says so to
  // everyone, before any signing up: session 45)
  const context = await browser.newContext({ baseURL });
  try {
    const officer = await context.newPage();
    await signIn(officer, "officer@demo.test");
    await visit(officer, "/council/survey");
    await officer.getByRole("link", { name: "2026" }).click();
    await officer.getByLabel("Invite any business by email").fill(email);
    await officer.getByRole("button", { name: "Send invitation" }).click();
    await expect(officer.getByText(`Invitation sent to ${email}`)).toBeVisible();
  } finally {
    await context.close();
  }
  const invitation = new URL(await linkFromInbox(email, /supplier survey/, "/survey/invitation/"), baseURL)
    .pathname;

  await visit(page, invitation);
  await expect(
    page.getByRole("heading", { level: 1, name: "Sign in to answer the supplier survey" }),
  ).toBeVisible();
  await expect(page.getByText("A council has invited your business")).toBeVisible();
  // the page's own links, not the header's
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
  await expect(page.getByText("we will take you back to where you were going")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Full name").fill("Nadia New");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await expect(page.getByText("we will take you back to where you were going")).toBeVisible();
  await expectAccessible(page);

  await visit(page, (await linkFromInbox(email, /Confirm your email address/, "/verify-email"))!);
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await expect(page.getByText("Your email address is confirmed")).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  // back on the invitation, now signed in: it tells them the next step (their business)
  await expect(page).toHaveURL(new RegExp(`${invitation}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Add your business first" })).toBeVisible();
  await expectAccessible(page);

  // registering the business leads back to the invitation (session 44)
  await page.getByRole("main").getByRole("link", { name: "Add your business" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your business" })).toBeVisible();
  await expect(page.getByText("we will take you back to where you were going")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Business name").fill(`New Business ${stamp}`);
  await page.getByLabel("Council you supply").selectOption({ label: "Northshire County Council" });
  await page.getByLabel("Companies House number").fill(String(10_000_000 + (Date.now() % 89_999_999)));
  await page.getByLabel("Registered office postcode").fill("GU1 3UW");
  await page.getByLabel("Number of staff").fill("12");
  await page.getByRole("group", { name: "Annual turnover" }).getByRole("radio").first().check();
  await page.getByRole("group", { name: "Balance sheet total" }).getByRole("radio").first().check();
  await page.getByRole("button", { name: "Register business" }).click();
  // back on the invitation, now for the new business: opening it took nothing up (decision 055); the business
  // takes it up, with nothing to confirm as it went to the address they sign in with, and the survey opens
  await expect(page).toHaveURL(new RegExp(`${invitation}$`));
  await expect(page.getByText(`You will answer for New Business ${stamp}`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Continue to the survey" }).click();
  await expect(page).toHaveURL(/\/survey\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Supplier diversity survey 2026" })).toBeVisible();
  await expectAccessible(page);
});

test("a change of email address waits on the account page until it is confirmed or cancelled", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const current = "charity.member@demo.test";
  const newEmail = `charity.member.${stamp}@example.test`;
  await signIn(page, current);
  await visit(page, "/account/email");
  await page.getByLabel("New email address").fill(newEmail);
  await page.getByLabel("Your current password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Send confirmation link" }).click();

  // back on the account page: told where the link went, and the change shown beside the address in use
  await expect(page).toHaveURL(/\/account$/);
  await expect(
    page.getByText(
      `If ${newEmail} is not used by another account, we have sent it a link. Your email address stays ${current} until the link is opened.`,
    ),
  ).toBeVisible();
  const waiting = page.locator("dd").filter({ hasText: "Waiting for confirmation" });
  await expect(waiting).toContainText(newEmail);
  await expect(waiting).toContainText(/Link sent on .+\. It works until .+\./);
  await expectAccessible(page);

  // the link's page names the address it confirms (not pressed: the change is cancelled below)
  const link = firstLink(
    await waitForEmail(newEmail, /Confirm your new email address/),
    "/account/confirm-email",
  );
  await visit(page, link);
  await expect(
    page.getByText(`Confirm that you want your account to use ${newEmail} from now on.`),
  ).toBeVisible();

  // asked for again straight away: the first link is still on its way
  await visit(page, "/account");
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(page.getByText(`A link for ${newEmail} was sent moments ago`)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Cancel the change of email address" }).click();
  await expect(
    page.getByText(
      `The change of email address is cancelled: its link no longer works. Your email address is still ${current}.`,
    ),
  ).toBeVisible();
  await expect(page.getByText("Waiting for confirmation")).toHaveCount(0);
  await expect(page.getByRole("main").getByText(newEmail)).toHaveCount(0);
  await expectAccessible(page);

  // the emailed link has ended
  await visit(page, link);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});
