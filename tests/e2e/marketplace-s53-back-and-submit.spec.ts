// Without JavaScript, Back after posting a request brings the form back with what was typed (the browser restores the
// fields, not the hidden one-off key, which the page makes afresh), and Submit made a second request sent for
// approval. The same answers sent again moments later are now the first request: the page says it was already sent.
import { expect, signIn, test, withoutJavaScript } from "./helpers.ts";

const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

test(
  "without JavaScript, Back after posting a request and Submit again makes no second request",
  withoutJavaScript(async (nojs, check) => {
    const title = `Garden tools for the allotment ${Date.now()}`;
    await signIn(nojs, "charity@demo.test");
    await nojs.goto("/requests/new");
    await check();
    await nojs.getByLabel("Title").fill(title);
    await nojs
      .getByLabel("What do you need, and why?")
      .fill("Spades and forks so volunteers can dig the new community allotment beds.");
    await nojs.getByLabel("Which council is it for?").selectOption({ label: "Northshire County Council" });
    await nojs
      .getByLabel("Category", { exact: true })
      .selectOption({ label: "Community spaces (Northshire County Council)" });
    await nojs.getByRole("radio", { name: /^Goods/ }).check();
    await nojs.getByLabel("How much do you need?").fill("8");
    await nojs.getByLabel("What are the items? (goods only)").fill("garden tools");
    await nojs
      .getByLabel("District", { exact: true })
      .selectOption({ label: "Guildford (Northshire County Council)" });
    await nojs.getByLabel("Needed by").fill(inDays(45));
    await nojs.getByRole("button", { name: "Submit for approval" }).click();
    await expect(
      nojs.getByRole("status").filter({ hasText: "Request submitted for approval" }),
    ).toBeVisible();
    await expect(nojs.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const posted = nojs.url();
    await check();

    // Back: the form again, as typed
    await nojs.goBack();
    await expect(nojs.getByRole("heading", { level: 1, name: "Post a request" })).toBeVisible();
    await expect(nojs.getByLabel("Title")).toHaveValue(title);
    await expect(nojs.getByLabel("How much do you need?")).toHaveValue("8");
    await check();
    await nojs.getByRole("button", { name: "Submit for approval" }).click();
    await expect(
      nojs.getByRole("status").filter({
        hasText: "You had already submitted this request for approval, so it was not sent again",
      }),
    ).toBeVisible();
    expect(nojs.url()).toBe(posted);
    await check();

    await nojs.goto("/my-requests");
    await expect(nojs.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(nojs.getByRole("link", { name: title, exact: true })).toHaveCount(1);
    await check();
  }),
);
