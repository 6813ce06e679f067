// With JavaScript, a form the server took and whose page comes back (a redirect to the same page) stayed holding what
// was sent, as if not yet done: "Add council" showed "Council created" above the council's name and email still in
// their boxes, and a second press sent them again. Such a form is now emptied once done, as the fresh page it is
// without JavaScript; a form whose problems came back keeps what was typed, for them to be put right.
import { expect, expectAccessible, signIn, test, visit } from "./helpers.ts";

test("a form done and shown again on its page is empty; one refused keeps what was typed", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  await signIn(page, "platform.admin@demo.test");
  await visit(page, "/admin/councils");

  await page.getByLabel("Council name").fill(`Emptied Council ${stamp}`);
  await page.getByLabel("Email of the council's first admin").fill(`first.${stamp}@example.test`);
  await page.getByRole("button", { name: "Add council" }).click();
  await expect(page.getByRole("status").getByText("Council created")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: `Emptied Council ${stamp}` })).toBeVisible();
  await expect(page.getByLabel("Council name")).toHaveValue("");
  await expect(page.getByLabel("Email of the council's first admin")).toHaveValue("");
  await expectAccessible(page);

  // refused (too short): the name stays, beside its problem
  await page.getByLabel("Partnership name").fill("ab");
  await page.getByRole("button", { name: "Add partnership" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByLabel("Partnership name")).toHaveValue("ab");
  // put right and done: emptied
  await page.getByLabel("Partnership name").fill(`Emptied Partnership ${stamp}`);
  await page.getByRole("button", { name: "Add partnership" }).click();
  await expect(page.getByRole("status").getByText("Partnership created")).toBeVisible();
  await expect(page.getByLabel("Partnership name")).toHaveValue("");
});

test("a council's category added is gone from the form, which is ready for the next", async ({ page }) => {
  await signIn(page, "council.admin@demo.test");
  await visit(page, "/council/categories");
  const name = `Emptied category ${Date.now().toString(36)}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Add category" }).click();
  await expect(page.getByRole("status").getByText("Categories updated")).toBeVisible();
  await expect(page.getByRole("main").getByRole("rowheader", { name })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");
});
