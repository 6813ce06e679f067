// A charity registered by mistake: its owner invites someone, who declines from the emailed link without an
// account; the owner sees the invitation declined, then deletes the organisation. Every page is checked with axe,
// as is the page explaining why an organisation with records cannot be deleted.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, firstLink, signIn, test, visit, waitForEmail } from "./helpers.ts";

const PASSWORD = "a long enough passphrase";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("an invitation is declined, then the organisation registered by mistake is deleted", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const email = `mistake.${stamp}@example.test`;
  const invitee = `not.joining.${stamp}@example.test`;
  const groupName = `Registered By Mistake ${stamp}`;

  await visit(page, "/sign-up");
  await page.getByLabel("Full name").fill("Morgan Mistake");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("To register a charity, community group or social enterprise").check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  await page.goto(firstLink(await waitForEmail(email, /Confirm your email address/), "/verify-email"));
  await page.getByRole("button", { name: "Confirm email address" }).click();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Organisation name").fill(groupName);
  await page.getByLabel("Council area").selectOption({ label: "Northshire County Council" });
  await page.getByLabel("Area you serve").fill("Riverside ward");
  await page.getByLabel("What your organisation does").fill("Registered twice by mistake.");
  await page.getByRole("button", { name: "Register organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: groupName })).toBeVisible();
  const organisationPage = new URL(page.url()).pathname;

  await page.getByLabel("Their email address").fill(invitee);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${invitee}`)).toBeVisible();
  await signOut(page);

  // the invitee declines from the emailed link, without an account
  const link = firstLink(await waitForEmail(invitee, /Join/), "/invitations/");
  await visit(page, link);
  await page.getByRole("button", { name: `No, I do not want to join ${groupName}` }).click();
  // signed out, the link shows only that it has ended (as to anyone holding it); the decliner is told once
  await expect(page.getByText("You have declined the invitation. Its link no longer works.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "This invitation has ended" })).toBeVisible();
  await expectAccessible(page);

  // the owner sees it declined, then deletes the organisation
  await signIn(page, email, PASSWORD);
  await visit(page, organisationPage);
  await expect(page.getByRole("heading", { level: 2, name: "Invitations declined" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: invitee })).toBeVisible();
  await page.getByRole("link", { name: `Delete ${groupName}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Delete ${groupName}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Delete ${groupName}` }).click();
  await expect(page.getByText(`${groupName} has been deleted`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your organisations" })).toBeVisible();
  await expectAccessible(page);
});

test("an organisation with records explains why it cannot be deleted", async ({ page }) => {
  await signIn(page, "charity@demo.test");
  await visit(page, "/organisations");
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByRole("link", { name: /^Delete / }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^You cannot delete / })).toBeVisible();
  await expect(
    page.getByRole("heading", { level: 2, name: "It has records that must be kept" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /^Delete / })).toHaveCount(0);
  await expectAccessible(page);
});
