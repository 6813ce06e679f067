// The two confirmation links (confirm your address, confirm your new address) said they no longer worked in words
// and markup each page wrote for itself: one a notice read out at once, the other a plain paragraph. Both now show
// the same notice, each with its own way to a new link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

beforeAll(() => renderPage("/"), 120_000);
afterAll(() => closeRateLimits());

const EXPLAINED = "It has expired, or has already been used, or a newer link was sent after it.";
// a change of email address can also be called off on the account page, which ends its link (s56)
const EXPLAINED_CANCELLABLE =
  "It has expired, or has already been used, or the change was cancelled, or a newer link was sent after it.";

describe.each([
  {
    path: "/verify-email?token=not-a-real-link",
    explained: EXPLAINED,
    nextStep: "Sign in to get a new one.",
  },
  {
    path: "/account/confirm-email?token=not-a-real-link",
    explained: EXPLAINED_CANCELLABLE,
    nextStep: "Change your email address again to get a new one.",
  },
])("the ended link $path", ({ path, explained, nextStep }) => {
  it("says it no longer works in the shared notice, with the page's own next step", async () => {
    const response = await renderPage(path);
    expect(response.status).toBe(410);
    const html = (await response.text()).replace(/<!-- -->/g, "");
    const alert = html.match(/<div role="alert"[^>]*>(.*?)<\/div><\/div>/s)?.[1] ?? "";
    expect(alert).toContain("This link no longer works</h2>");
    expect(readableText(alert).replace(/\s+/g, " ")).toContain(`${explained} ${nextStep}`);
  });
});
