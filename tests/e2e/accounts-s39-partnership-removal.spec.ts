// Taking a council out of its partnership asks first, without JavaScript too: "Save" with "None" chosen leads to a
// page saying who loses access, checked with axe; Cancel changes nothing, "Yes, remove" removes it.
import { expect, signIn, test, withoutJavaScript } from "./helpers.ts";

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
