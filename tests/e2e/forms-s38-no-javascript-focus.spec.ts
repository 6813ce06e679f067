// Without JavaScript, a refused form came back with its error summary at the top but focus at the start of the page:
// the summary focused itself only from a React effect, which never runs then. The summary now carries `autofocus`,
// so the browser moves focus to it on the page that comes back, as GOV.UK's summary does.
import { expect, test, withoutJavaScript } from "./helpers.ts";

test(
  "a refused form sent without JavaScript comes back with focus on its error summary",
  withoutJavaScript(async (nojs, check) => {
    await nojs.goto("/sign-in");
    await expect(nojs.getByRole("alert")).toHaveCount(0);
    await nojs.getByLabel("Email address").fill("nobody-s38@example.test");
    await nojs.getByLabel("Password", { exact: true }).fill("wrong password s38");
    await nojs.getByRole("button", { name: "Sign in" }).click();
    const summary = nojs.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Incorrect email or password");
    await expect(nojs.getByLabel("Email address")).toHaveValue("nobody-s38@example.test");
    await expect(summary).toBeFocused();
    await check();
  }),
);
