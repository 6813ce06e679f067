import path from "node:path";
import { expect, expectAccessible, signIn, test, visit, withoutJavaScript } from "./helpers.ts";

const SAMPLE = path.resolve("public/samples/contracts-import-sample.csv");

test("an officer imports the sample CSV through the preview, then the supplier sees its contracts", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await visit(page, "/contracts");
  await page.getByRole("link", { name: "Import contracts from a CSV file" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Import contracts from a CSV file" }),
  ).toBeVisible();
  await expectAccessible(page);

  // nothing chosen: the error summary, not a crash
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert").getByText("Choose a CSV file")).toBeVisible();
  await expectAccessible(page);

  // a file with a problem: listed by line and column, nothing imported
  await page.getByLabel("CSV file").setInputFiles({
    name: "broken.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date\n" +
        "NCC-BAD-1,Broken,99999999,Resources,1000,2026-04-01,2027-03-31\n",
    ),
  });
  await page.getByRole("button", { name: "Check the file" }).click();
  const problems = page.getByRole("table", { name: "Problems in the file" });
  await expect(problems).toContainText("No supplier with company number 99999999");
  await expect(problems.getByRole("rowheader", { name: "2" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("CSV file").setInputFiles(SAMPLE);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("No problems found")).toBeVisible();
  // the numbers the officer is asked to check: 7 rows, 4 contracts, 6 commitments (NCC-IMP-004 has none yet)
  await expect(page.getByRole("status").filter({ hasText: "No problems found" })).toContainText(
    "7 rows: 4 new contracts, 0 changed, 0 unchanged; 6 new commitments, 0 changed, 0 unchanged. Nothing has been saved yet.",
  );
  const preview = page.getByRole("table", { name: "What the import will do" });
  await expect(preview.getByRole("row")).toHaveCount(5);
  await expect(preview).toContainText("NCC-IMP-001");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import 4 new contracts" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Import complete" })).toHaveText(
    "Import complete: 4 new contracts, 0 changed, 0 unchanged; 6 new commitments, 0 changed, 0 unchanged",
  );
  await page.getByLabel("Reference or title").fill("NCC-IMP");
  await page.getByRole("button", { name: "Apply filters" }).click();
  const list = page.getByRole("table", { name: "Contracts" });
  await expect(list.getByRole("row")).toHaveCount(5);
  await expectAccessible(page);
  await list.getByRole("link", { name: "NCC-IMP-001" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Schools capital works programme" }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "Commitments in NCC-IMP-001" }).getByRole("row")).toHaveCount(
    4,
  );
  await expect(page.getByRole("heading", { name: "Contract imported" })).toBeVisible();
  await expectAccessible(page);

  await page.context().clearCookies();
  await signIn(page, "supplier@demo.test");
  await visit(page, "/contracts");
  await expect(page.getByRole("heading", { level: 1, name: "Your contracts" })).toBeVisible();
  const mine = page.getByRole("table", { name: "Commitments in NCC-IMP-001" });
  await expect(mine).toContainText("No. of apprentices");
  await expect(mine.getByRole("columnheader", { name: "Plan to date" })).toBeVisible();
  await expect(mine.getByRole("columnheader", { name: "Delivered to date" })).toBeVisible();
  await expect(page.getByRole("link", { name: /NCC-IMP-003/ })).toHaveCount(0); // Kite Digital's, not Greenway's
  await page.getByRole("link", { name: /NCC-IMP-002/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Library refurbishment" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History of changes" })).toHaveCount(0);
  await expectAccessible(page);
});

test("an officer registers a contract, adds a commitment with a quarterly plan and sees the history", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await visit(page, "/contracts/new");
  await page.getByRole("button", { name: "Register contract" }).click();
  await expect(
    page.getByRole("alert").getByRole("link", { name: "Enter the contract reference" }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Contract reference").fill("NCC-E2E-1");
  await page.getByLabel("Title").fill("Park cafés");
  await page.getByLabel("Supplier", { exact: true }).selectOption({ label: "Kite Digital Ltd" });
  await page.getByLabel("Department or service").fill("Communities");
  await page.getByLabel("Contract value in pounds").fill("120000");
  await page.getByLabel("Start date").fill("2026-04-01");
  await page.getByLabel("End date").fill("2027-03-31");
  await page.getByRole("button", { name: "Register contract" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Park cafés" })).toBeVisible();

  await page.getByRole("link", { name: "Add a commitment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a social value commitment" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel("Measure", { exact: true })
    .selectOption({ label: "SOC-01 Volunteering hours (hours)" });
  await page.getByLabel("Target over the contract term").fill("100");
  for (const q of ["Q1", "Q2", "Q3"]) await page.getByLabel(`${q} 2026/27`).fill("25");
  await page.getByRole("button", { name: "Add commitment" }).click();
  await expect(page.getByRole("alert")).toContainText("adds up to 75 hours but the target is 100 hours");
  await expect(page.getByLabel("Q1 2026/27")).toHaveValue("25");
  await expectAccessible(page);
  await page.getByLabel("Q4 2026/27").fill("25");
  await page.getByRole("button", { name: "Add commitment" }).click();
  await expect(page.getByRole("status").getByText("Commitment added")).toBeVisible();

  await page.getByRole("link", { name: "Change commitment SOC-01" }).click();
  await expect(page.getByLabel("Q4 2026/27")).toHaveValue("25");
  await expectAccessible(page);
  await page.getByLabel("Target over the contract term").fill("110");
  await page.getByLabel("Q4 2026/27").fill("35");
  await page.getByRole("button", { name: "Save commitment" }).click();
  await expect(page.getByRole("status").getByText("Commitment saved")).toBeVisible();

  await page.getByRole("link", { name: "Change contract details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change contract details" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Title").fill("Park cafés and kiosks");
  await page.getByRole("button", { name: "Save changes" }).click();
  const history = page.getByRole("region", { name: "History of changes" });
  await expect(history.getByRole("heading", { name: "Contract details changed" })).toBeVisible();
  await expect(history.getByRole("row", { name: /Title Park cafés Park cafés and kiosks/ })).toBeVisible();
  await expect(history.getByRole("heading", { name: "Commitment changed (SOC-01)" })).toBeVisible();
  await expect(history.getByRole("row", { name: /Target 100 hours 110 hours/ })).toBeVisible();
  await expectAccessible(page);

  // removing asks first, and is not held up by a half-edited answer, with JavaScript as without
  await page.getByRole("link", { name: "Change commitment SOC-01" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByLabel("Target over the contract term").fill("lots");
  await page.getByRole("link", { name: "Remove this commitment" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Are you sure you want to remove");
  await expectAccessible(page);
  await page.getByRole("button", { name: /^Yes, remove SOC-01/ }).click();
  await expect(page.getByRole("status").getByText("Commitment removed")).toBeVisible();
  await expect(page.getByRole("link", { name: "Change commitment SOC-01" })).toHaveCount(0);
  await expectAccessible(page);
});

test("the contract form tells every problem in one go with JavaScript, a reference in use among them", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await visit(page, "/contracts/new");
  await page.getByLabel("Contract reference").fill(" ncc-2400 ");
  await page.getByLabel("Title").fill("T".repeat(600));
  await page.getByLabel("Supplier", { exact: true }).selectOption({ label: "Kite Digital Ltd" });
  await page.getByLabel("Department or service").fill("Communities");
  await page.getByLabel("Contract value in pounds").fill("£1,000,000.999");
  await page.getByLabel("Award date (optional)").fill("2027-01-01");
  await page.getByLabel("Start date").fill("2026-04-01");
  await page.getByLabel("End date").fill("2026-03-31");
  await page.getByRole("button", { name: "Register contract" }).click();
  const summary = page.getByRole("alert");
  for (const problem of [
    /^Reference NCC-2400 is already used by/,
    "The contract title must be 200 characters or fewer",
    "The contract value can have up to 2 decimal places (pence), for example 250000.50",
    "The award date must be on or before the end date",
    "The end date must be on or after the start date",
  ])
    await expect(summary.getByRole("link", { name: problem })).toBeVisible();
  await expect(page.getByRole("link", { name: /the contract with this reference$/ })).toBeVisible();
  await expect(page.getByLabel("Contract reference")).toHaveValue(" ncc-2400 ");
  await expectAccessible(page);
});

test("a council admin manages the measure library", async ({ page }) => {
  await signIn(page, "council.admin@demo.test");
  await visit(page, "/council/measures");
  await page.getByRole("link", { name: "Add a measure" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a measure" })).toBeVisible();
  await expectAccessible(page);
  // a code in use is told with the form's other problems (no theme chosen), with JavaScript as without
  await page.getByLabel("Code").fill("soc-01");
  await page.getByLabel("Name").fill("Care leavers employed");
  await page.getByRole("button", { name: "Add measure" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Choose a theme" })).toBeVisible();
  await expect(
    page.getByRole("alert").getByRole("link", { name: "Another measure already uses this code" }),
  ).toBeVisible();
  await page.getByLabel("Code").fill("JOB-09");
  await page.getByLabel("Name").fill("Care leavers employed");
  await page.getByLabel("Jobs").check();
  await page.getByLabel("Unit", { exact: true }).selectOption("PEOPLE");
  await page.getByLabel("Work placements and training").check();
  await page.getByRole("button", { name: "Add measure" }).click();
  await expect(page.getByText("Measure JOB-09 added")).toBeVisible();
  await page.getByRole("link", { name: "Care leavers employed" }).click();
  await page.getByRole("button", { name: "Retire this measure" }).click();
  await expect(page.getByText("Measure retired")).toBeVisible();
  await expect(page.getByRole("row", { name: /JOB-09.*Retired/ })).toBeVisible();
  await expectAccessible(page);
});

test(
  "without JavaScript the import works end to end (upload, preview, import), and so do the edit forms",
  withoutJavaScript(async (nojs, check) => {
    await signIn(nojs, "officer@demo.test");
    await nojs.goto("/contracts/import");
    await check();
    await nojs.getByLabel("CSV file").setInputFiles({
      name: "no-js.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "Contract Reference,Contract Title,Supplier Name,Department,Value GBP,Start Date,End Date,Measure Code,Target Quantity,Delivery Plan\r\n" +
          'NCC-NOJS-1,"Parks, play and open spaces",Oak & Ash Landscapes Ltd,Communities,90000,2026-04-01,2026-09-30,SOC-01,30,"Q1 2026/27=10; Q2 2026/27=20"\r\n',
      ),
    });
    await nojs.getByRole("button", { name: "Check the file" }).click();
    await expect(nojs.getByText("No problems found")).toBeVisible();
    await check();
    await nojs.getByRole("button", { name: "Import 1 new contract" }).click();
    await expect(nojs.getByRole("status").filter({ hasText: "Import complete" })).toHaveText(
      "Import complete: 1 new contract, 0 changed, 0 unchanged; 1 new commitment, 0 changed, 0 unchanged",
    );
    await nojs.goto("/contracts?q=NCC-NOJS");
    await nojs.getByRole("link", { name: "NCC-NOJS-1" }).click();
    await expect(nojs.getByRole("heading", { level: 1, name: "Parks, play and open spaces" })).toBeVisible();
    await expect(nojs.getByRole("table", { name: "Commitments in NCC-NOJS-1" })).toContainText(
      "Volunteering hours",
    );
    await check();

    // the edit forms carry the version they were read from without JavaScript
    await nojs.getByRole("link", { name: "Change commitment SOC-01" }).click();
    await nojs.getByLabel("Note (optional)").fill("Two days a quarter");
    await nojs.getByRole("button", { name: "Save commitment" }).click();
    await expect(nojs.getByRole("status").getByText("Commitment saved")).toBeVisible();
    await nojs.getByRole("link", { name: "Change contract details" }).click();
    await nojs.getByLabel("Department or service").fill("Parks");
    await nojs.getByRole("button", { name: "Save changes" }).click();
    await expect(nojs.getByRole("status").getByText("Contract details saved")).toBeVisible();

    // one that lost it (a page cached from before) is refused with the answers kept, and saves when sent again
    await nojs.getByRole("link", { name: "Change contract details" }).click();
    await nojs.locator('input[type="hidden"][name="version"]').evaluate((input) => input.remove());
    await nojs.getByLabel("Department or service").fill("Parks and Countryside");
    await nojs.getByRole("button", { name: "Save changes" }).click();
    await expect(nojs.getByRole("alert")).toContainText("Your changes were not saved");
    await expect(nojs.getByLabel("Department or service")).toHaveValue("Parks and Countryside");
    await check();
    await nojs.getByRole("button", { name: "Save changes" }).click();
    await expect(nojs.getByRole("status").getByText("Contract details saved")).toBeVisible();
    await expect(
      nojs
        .getByRole("region", { name: "History of changes" })
        .getByRole("row", { name: /Parks Parks and Countryside/ }),
    ).toBeVisible();

    // answers refused (a blank title) while a colleague saved keep the version they were based on: the next save
    // shows the colleague's change beside them instead of overwriting it
    await nojs.getByRole("link", { name: "Change contract details" }).click();
    const colleague = await nojs.context().newPage();
    await colleague.goto(nojs.url());
    await colleague.getByLabel("Department or service").fill("Parks and Gardens");
    await colleague.getByRole("button", { name: "Save changes" }).click();
    await expect(colleague.getByRole("status").getByText("Contract details saved")).toBeVisible();
    await colleague.close();
    await nojs.getByLabel("Title", { exact: true }).fill("");
    await nojs.getByRole("button", { name: "Save changes" }).click();
    await expect(nojs.getByRole("alert")).toContainText("Enter the contract title");
    await nojs.getByLabel("Title", { exact: true }).fill("Parks, play and green spaces");
    await nojs.getByRole("button", { name: "Save changes" }).click();
    const comparison = nojs.getByRole("table", { name: "Saved now, and your answers" });
    await expect(
      comparison.getByRole("row", { name: /Department or service Parks and Gardens/ }),
    ).toBeVisible();
    await expect(nojs.getByLabel("Title", { exact: true })).toHaveValue("Parks, play and green spaces");
    await check();
    await nojs.getByRole("button", { name: "Save changes" }).click();
    await expect(nojs.getByRole("status").getByText("Contract details saved")).toBeVisible();
  }),
);
