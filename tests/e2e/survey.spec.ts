import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test, visit, waitForEmail, withoutJavaScript } from "./helpers.ts";

const SME = "sme@demo.test";

async function openSurvey(page: Page) {
  await visit(page, "/survey");
  await page.getByRole("link", { name: "Northshire County Council 2026" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Supplier diversity survey 2026" })).toBeVisible();
  await expectAccessible(page);
}

async function saveAndContinue(page: Page) {
  await page.getByRole("button", { name: /^Save and (continue|return to your answers)$/ }).click();
}

// Answers "Prefer not to say" to every question on the page.
async function preferNotToSayOnThisPage(page: Page) {
  const options = page.getByLabel("Prefer not to say", { exact: true });
  for (let i = 0; i < (await options.count()); i++) await options.nth(i).check();
}

async function changeFromCheckAnswers(page: Page, section: string) {
  await page.getByRole("link", { name: `Change ${section.toLowerCase()}` }).click();
  await expect(page.getByRole("link", { name: /^‹?Back$/ })).toHaveAttribute("href", /check-answers$/);
  await expectAccessible(page);
}

test("an SME answers the whole questionnaire, changes answers from check your answers and sends them", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, SME);
  await openSurvey(page);
  await page.getByLabel("Yes, I agree to take part").check();
  await page.getByRole("button", { name: "Continue" }).click();

  // Kite Digital answered last year: its answers are filled in already.
  await expect(page.getByText("We have filled in your answers from last year")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "About your business's size" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("group", { name: /How many staff/ })
    .getByLabel("10 to 49")
    .check();
  await page
    .getByRole("group", { name: /turnover/ })
    .getByLabel("More than £2 million, up to £10 million")
    .check();
  await page
    .getByRole("group", { name: /balance sheet/ })
    .getByLabel("£2 million or less")
    .check();
  await saveAndContinue(page);

  await expect(page.getByRole("group", { name: /age group/ }).getByLabel("35 to 49")).toBeChecked();
  await expectAccessible(page);
  await saveAndContinue(page);
  await page.getByLabel("Yes").check(); // disability
  await saveAndContinue(page);
  await expect(page.getByLabel("Female")).toBeChecked();
  await saveAndContinue(page);
  for (const question of [
    /gender .* identify with the same as their sex registered at birth/,
    /sexual orientation/,
    /married couple or civil partners/,
    /pregnant or on maternity leave/,
  ]) {
    // gender identity, sexual orientation, marriage, pregnancy: the page before has the same "Prefer not to say"
    // and button, so wait for this page's question before answering
    await expect(page.getByRole("heading", { level: 1, name: question })).toBeVisible();
    await expectAccessible(page);
    await preferNotToSayOnThisPage(page);
    await saveAndContinue(page);
  }
  await expect(page.getByLabel("Asian or Asian British")).toBeChecked();
  await saveAndContinue(page);
  await expect(page.getByLabel("Indian")).toBeChecked();
  await expectAccessible(page);
  await saveAndContinue(page);
  await page.getByLabel("No religion").check();
  await saveAndContinue(page);
  await expect(page.getByLabel("Too much paperwork or a complicated process")).toBeChecked();
  await page.getByLabel("Finding out about opportunities").check();
  await page.getByLabel("Anything else that makes it hard (optional)").fill("Portals that time out");
  await expectAccessible(page);
  await saveAndContinue(page);
  await page.getByLabel(/What could the council do/).fill("Split large contracts into smaller lots.");
  await saveAndContinue(page);
  await page
    .getByRole("group", { name: /Meet the Buyer/ })
    .getByLabel("Yes")
    .check();
  await page
    .getByRole("group", { name: /May the council contact/ })
    .getByLabel("Yes")
    .check();
  await saveAndContinue(page);
  // consent to contact without an email address: error summary, answers kept
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Who should we contact?").fill("Kit Kite");
  await page.getByLabel("Their email address").fill("kit@kite.example");
  await saveAndContinue(page);

  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText("your business is small")).toBeVisible();
  await expect(page.getByText("Portals that time out")).toBeVisible();

  // Change links return to check your answers. With JavaScript the page changes in place: focus goes to the
  // question's answer (the one chosen), as the link's #fragment takes a browser without it, not to the page itself.
  await changeFromCheckAnswers(page, "Age");
  await expect(page).toHaveURL(/\?return=check#age$/);
  await expect(page.getByLabel("35 to 49")).toBeFocused();
  // from there the keyboard answers the question
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("50 to 64")).toBeChecked();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByLabel("35 to 49")).toBeChecked();
  await saveAndContinue(page);
  await expect(page).toHaveURL(/check-answers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  await changeFromCheckAnswers(page, "Disability");
  await expect(page.getByLabel("Yes", { exact: true })).toBeFocused();
  await page.getByLabel("Prefer not to say").check();
  await saveAndContinue(page);
  await expect(page).toHaveURL(/check-answers$/);
  await changeFromCheckAnswers(page, "Ethnic group");
  await expect(page.getByLabel("Asian or Asian British")).toBeFocused();
  await page.getByLabel("White").check();
  await saveAndContinue(page);
  // a new broad group asks for the background, then returns
  await expect(page.getByRole("heading", { level: 1, name: /White background/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Irish", { exact: true }).check();
  await saveAndContinue(page);
  await expect(page).toHaveURL(/check-answers$/);
  // the address changes before the page renders, and the background page has an "Irish" label
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  await expect(page.getByText("Irish", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Send answers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Answers sent" })).toBeVisible();
  await expectAccessible(page);
  const email = await waitForEmail(SME, /answers received/);
  expect(email.text).not.toContain("Irish");
});

test(
  "without JavaScript: an SME withdraws, starts again and answers 'Prefer not to say' throughout",
  withoutJavaScript(async (page, check) => {
    await signIn(page, SME);
    await page.goto("/survey");
    await check();
    await page.getByRole("link", { name: "Northshire County Council 2026" }).click();
    await check();
    await page.getByRole("link", { name: "Withdraw your answers" }).click();
    await check();
    await page.getByRole("button", { name: "Withdraw and delete my answers" }).click();
    await expect(page.getByText("Your answers have been withdrawn and deleted.")).toBeVisible();

    // consent is required: continuing without choosing shows the error summary
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Select whether you agree to take part").first()).toBeVisible();
    await check();
    await page.getByLabel("Yes, I agree to take part").check();
    await page.getByRole("button", { name: "Continue" }).click();

    let pages = 0;
    while (!/check-answers$/.test(page.url())) {
      await check();
      if (/barriers$/.test(page.url())) {
        // last year's barriers are ticked: "Prefer not to say" must be on its own
        await preferNotToSayOnThisPage(page);
        await saveAndContinue(page);
        await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
        await check();
        for (const box of await page.getByRole("checkbox").all())
          if ((await box.getAttribute("value")) !== "PREFER_NOT_TO_SAY") await box.uncheck();
      } else await preferNotToSayOnThisPage(page);
      await saveAndContinue(page);
      expect(++pages).toBeLessThan(20);
    }
    await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
    await check();
    await expect(page.getByText("Prefer not to say").first()).toBeVisible();

    await page.getByRole("link", { name: "Change age" }).click();
    await expect(page.getByRole("link", { name: /^‹?Back$/ })).toHaveAttribute("href", /check-answers$/);
    await check();
    await page.getByLabel("50 to 64").check();
    await saveAndContinue(page);
    await expect(page).toHaveURL(/check-answers$/);
    await expect(page.getByText("50 to 64")).toBeVisible();

    await page.getByRole("link", { name: "Change religion or belief" }).click();
    await page.getByLabel("Sikh").check();
    await page.getByRole("button", { name: "Save and come back later" }).click();
    await expect(page.getByText(/Your answers are saved/)).toBeVisible();
    await check();

    await page.goto("/survey");
    await page.getByRole("link", { name: "Northshire County Council 2026" }).click();
    await page.getByRole("link", { name: "See or change your answers" }).click();
    await expect(page.getByText("Sikh")).toBeVisible();
    await page.getByRole("button", { name: /^Send (changed )?answers$/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Answers sent" })).toBeVisible();
    await check();
  }),
);

test("a survey officer sees no report while the cycle is open, and the suppressed report once closed", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await visit(page, "/council/survey");
  await page.getByRole("link", { name: "2026" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Supplier diversity survey 2026" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByText("Answers sent", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "See the report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /report/ })).toBeVisible();
  await expect(page.getByText("The report is available once the survey closes")).toBeVisible();
  await expectAccessible(page);
  const open = await page.request.get(page.url().replace(/report$/, "aggregate.csv"));
  expect(open.status()).toBe(409);
  const contacts = await page.request.get(page.url().replace(/report$/, "contacts.csv"));
  expect(await contacts.text()).toContain("Business,Contact name,Contact email,Barriers");

  await visit(page, "/council/survey");
  await page.getByRole("link", { name: "2025" }).click();
  await page.getByRole("link", { name: "See the report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /2025: report/ })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("cell", { name: "<5" }).first()).toBeVisible();
  const csv = await page.request.get(page.url().replace(/report$/, "aggregate.csv"));
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Question,Answer,Count 2025");
});

test("an officer without the survey role cannot open the survey pages", async ({ page }) => {
  await signIn(page, "officer.eastvale@demo.test");
  const response = await page.goto("/council/survey");
  // their own council's page: refused, not hidden (decision 043; the wording: s41-refusal-pages.spec.ts)
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/You do not have permission/);
  await expect(page.getByRole("link", { name: /See the report/ })).toHaveCount(0);
});

test("an officer opening a survey with dates the wrong way round and empty fields is told everything at once", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await visit(page, "/council/survey/new");
  const next = new Date().getFullYear() + 1;
  await page.getByLabel("Opens on").fill(`${next}-03-01`);
  await page.getByLabel("Closes on").fill(`${next}-02-01`);
  await page.getByRole("button", { name: "Open the survey" }).click();
  // with JavaScript, in one answer: the dates' error too, not only once the empty fields are filled in
  const summary = page.getByRole("alert");
  await expect(summary.getByText("There is a problem")).toBeVisible();
  await expect(summary.getByRole("link")).toHaveText([
    "The closing date must be on or after the opening date",
    "Enter the privacy notice respondents will read",
    "Enter the reference of the data protection impact assessment",
  ]);
  await expect(page.getByLabel("Opens on")).toHaveValue(`${next}-03-01`);
  await expectAccessible(page);
});

test("a survey officer opens a cycle, invites eligible businesses and cancels it before it opens", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await visit(page, "/council/survey/new");
  // the year is not asked: the survey is for the year it opens in
  await expect(page.getByLabel("Year")).toHaveCount(0);
  await page.getByRole("button", { name: "Open the survey" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expectAccessible(page);
  // a closing date must not have passed: next spring, whenever this runs
  const next = new Date().getFullYear() + 1;
  await page.getByLabel("Opens on").fill(`${next}-04-01`);
  await page.getByLabel("Closes on").fill(`${next}-06-30`);
  await page
    .getByLabel("Privacy notice")
    .fill("We use your answers to plan how we engage with local businesses.");
  await page.getByLabel("Data protection impact assessment reference").fill("DPIA-2027-003");
  await page.getByRole("button", { name: "Open the survey" }).click();
  await expect(page.getByText(`The ${next} survey is open`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Invite eligible businesses" }).click();
  await expect(page.getByText(/Invitations sent to \d+ businesses/)).toBeVisible();
  await page.getByLabel("Invite any business by email").fill("owner@new-business.example");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent to owner@new-business.example")).toBeVisible();
  const invitation = await waitForEmail("owner@new-business.example", /supplier survey/);
  expect(invitation.text).toContain("/survey/invitation/");
  // it opens next year: before then it is cancelled (deleted, its year free again), not closed
  await expect(page.getByRole("button", { name: "Close the survey" })).toHaveCount(0);
  await page.getByRole("button", { name: "Cancel this survey" }).click();
  await expect(page.getByRole("alert").getByText("Confirm that you want to cancel the survey")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("I understand the survey is deleted").check();
  await page.getByRole("button", { name: "Cancel this survey" }).click();
  await expect(page.getByText(`The ${next} survey is cancelled and deleted`)).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`${next}`) })).toHaveCount(0);
  await expectAccessible(page);
});
