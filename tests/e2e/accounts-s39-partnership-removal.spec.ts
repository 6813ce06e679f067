// Taking a council out of its partnership asks first, without JavaScript too: "Save" with "None" chosen leads to a
// page saying who loses access, checked with axe; Cancel changes nothing, "Yes, remove" removes it.
import { expect, expectAccessible, signIn, test, visit, withoutJavaScript } from "./helpers.ts";

test(
  "removing a council from its partnership asks first, without JavaScript",
  withoutJavaScript(async (nojs, check) => {
    const stamp = Date.now().toString(36);
    const partnership = `Confirm Partnership ${stamp}`;
    const council = `Confirm Council ${stamp}`;
    await signIn(nojs, "platform.admin@demo.test");
    await nojs.goto("/admin/councils");
    await nojs.getByLabel("Partnership name").fill(partnership);
    await nojs.getByRole("button", { name: "Add partnership" }).click();
    await expect(nojs.getByText("Partnership created")).toBeVisible();
    await nojs.getByLabel("Council name").fill(council);
    await nojs.getByLabel("Partnership (optional)").selectOption({ label: partnership });
    await nojs.getByLabel("Email of the council's first admin").fill(`admin.${stamp}@example.test`);
    await nojs.getByRole("button", { name: "Add council" }).click();
    await expect(nojs.getByText("Council created")).toBeVisible();

    const remove = async () => {
      await nojs.getByLabel(`Partnership for ${council}`).selectOption({ label: "None" });
      await nojs.getByRole("button", { name: `Save partnership for ${council}` }).click();
      await expect(
        nojs.getByRole("heading", {
          level: 1,
          name: `Are you sure you want to remove ${council} from ${partnership}?`,
        }),
      ).toBeVisible();
    };
    await remove();
    await expect(nojs.getByText(`No members of ${council} work for the partner councils`)).toBeVisible();
    await check();
    await nojs.getByRole("link", { name: "Cancel" }).click();
    await expect(nojs.getByLabel(`Partnership for ${council}`)).toHaveValue(/.+/);

    await remove();
    await nojs.getByRole("button", { name: `Yes, remove ${council} from ${partnership}` }).click();
    await expect(nojs.getByText(`${council} removed from ${partnership}`)).toBeVisible();
    await expect(nojs.getByLabel(`Partnership for ${council}`)).toHaveValue("");
  }),
);

// Joining a partnership whose councils share staff asks first too, naming them (decision 011, session 54), and each
// council's members page lists the partners' staff who can work for it: both pages checked with axe. The council
// joins the demo partnership and leaves it again, so the demo's two partners are as they were for later tests.
test("joining a partnership names the partners' staff first, and the members page lists them", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const council = `Joining Council ${stamp}`;
  const partnership = "Northshire and Eastvale Social Value Partnership";
  const parveen = "Parveen Partnership (partnership.officer@demo.test), Northshire County Council";
  await signIn(page, "platform.admin@demo.test");
  await visit(page, "/admin/councils");
  await page.getByLabel("Council name").fill(council);
  await page.getByLabel("Email of the council's first admin").fill(`join.${stamp}@example.test`);
  await page.getByRole("button", { name: "Add council" }).click();
  await expect(page.getByText("Council created")).toBeVisible();

  await page.getByLabel(`Partnership for ${council}`).selectOption({ label: partnership });
  await page.getByRole("button", { name: `Save partnership for ${council}` }).click();
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: `Are you sure you want to add ${council} to ${partnership}?`,
    }),
  ).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: parveen }).last()).toHaveText(parveen);
  await expectAccessible(page);
  await page.getByRole("button", { name: `Yes, add ${council} to ${partnership}` }).click();
  await expect(page.getByText(`${council} added to ${partnership}`)).toBeVisible();
  await expect(page.getByLabel(`Partnership for ${council}`)).toHaveValue(/.+/);

  // and out again: the removal names Parveen among those who stop working for it
  await page.getByLabel(`Partnership for ${council}`).selectOption({ label: "None" });
  await page.getByRole("button", { name: `Save partnership for ${council}` }).click();
  await expect(
    page.getByRole("heading", {
      level: 1,
      name: `Are you sure you want to remove ${council} from ${partnership}?`,
    }),
  ).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: parveen }).last()).toHaveText(parveen);
  await page.getByRole("button", { name: `Yes, remove ${council} from ${partnership}` }).click();
  await expect(page.getByText(`${council} removed from ${partnership}`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // Eastvale's admin sees on its members page who of Northshire's staff works for Eastvale
  await signIn(page, "council.admin@demo.test");
  await visit(page, "/organisations");
  await page.getByRole("main").getByRole("link", { name: "Eastvale District Council" }).click();
  const section = "Staff of partner councils who can work for Eastvale District Council";
  await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  const row = page.getByRole("table", { name: section }).getByRole("row", { name: /Parveen Partnership/ });
  await expect(row.getByRole("rowheader")).toHaveText("Parveen Partnership");
  await expect(row.getByRole("cell").first()).toHaveText("partnership.officer@demo.test");
  await expect(row.getByRole("cell").last()).toHaveText("Northshire County Council");
  await expectAccessible(page);
});
