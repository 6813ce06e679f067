// After "Check the file", focus was lost: the button, disabled while the file was sent, dropped it, nothing took it,
// and a keyboard user's next Tab went to the footer, past the preview they had asked for. Focus now moves to the
// preview's heading, for a file with problems and for one without, so the next Tab reaches what follows it.
import path from "node:path";
import { expect, expectAccessible, signIn, test } from "./helpers.ts";

const SAMPLE = path.resolve("public/samples/contracts-import-sample.csv");

test("focus moves to the import's preview, with problems or without, and Tab goes on from there", async ({
  page,
}) => {
  await signIn(page, "officer@demo.test");
  await page.goto("/contracts/import");
  const file = page.getByLabel("CSV file");
  const check = page.getByRole("button", { name: "Check the file" });

  await file.setInputFiles({
    name: "broken.csv",
    mimeType: "text/csv",
    buffer: Buffer.from('contract_reference,contract_title\n"NCC-1,oops\n'),
  });
  await check.focus();
  await page.keyboard.press("Enter");
  const heading = page.getByRole("heading", { level: 2, name: "Preview of broken.csv" });
  await expect(heading).toBeFocused();
  await expectAccessible(page);

  await file.setInputFiles(SAMPLE);
  await check.focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { level: 2, name: /^Preview of contracts-import-sample/ }),
  ).toBeFocused();
  // the next stop is in the preview, not the footer
  await page.keyboard.press("Tab");
  const next = await page.evaluate(() =>
    document.activeElement?.closest("section")?.getAttribute("aria-labelledby"),
  );
  expect(next).toBe("preview-heading");
  await expectAccessible(page);
});
