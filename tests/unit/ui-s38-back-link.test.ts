// The Back link drew its chevron as a "‹" character inside the link, so the link's underline ran under it as well as
// under "Back", and a screen reader's list of links could read it. As GOV.UK's back link, the chevron is now drawn by
// CSS in a ::before box of its own (not text, so neither underlined nor read), in the link's colour (so it turns
// black with the words on the yellow of keyboard focus); the link is still a plain link to the page before.
import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const { BackLink, BACK_LINK_CLASS } = await import("~/ui/components.tsx");
const { backLinkOf } = await import("../helpers/survey-respondent.ts");

const render = (children?: string) =>
  renderToStaticMarkup(
    children === undefined
      ? createElement(BackLink, { to: "/returns?council=c1&page=2" })
      : createElement(BackLink, { to: "/returns?council=c1&page=2" }, children),
  );

describe("the Back link", () => {
  it("is a link whose only text is its words: no chevron character to underline or read", () => {
    const html = render();
    expect(html).toMatch(/^<a [^>]*href="\/returns\?council=c1&amp;page=2"[^>]*>Back<\/a>$/);
    expect(html).not.toContain("‹");
    expect(html).not.toContain("<span");
  });

  it("keeps other words given, alone in the link", () => {
    expect(render("Back to your account")).toMatch(/^<a [^>]*>Back to your account<\/a>$/);
  });

  it("draws its chevron in a ::before box beside the words, in the link's own colour", () => {
    const classes = BACK_LINK_CLASS.split(" ");
    expect(render()).toContain(`class="${BACK_LINK_CLASS}"`);
    // room on the left for the chevron, which is placed against it
    expect(classes).toEqual(
      expect.arrayContaining(["relative", "inline-block", "pl-3.5", "before:absolute"]),
    );
    // two borders of a small square turned 45 degrees: a chevron pointing left
    expect(classes).toEqual(
      expect.arrayContaining([
        "before:border-t-2",
        "before:border-l-2",
        "before:-rotate-45",
        "before:border-current",
      ]),
    );
    // the keyboard focus style is the site's own for every link (yellow, black text and bar): nothing here overrides it
    expect(classes.some((c) => c.startsWith("focus"))).toBe(false);
  });

  it("is found by the survey tests' helper, which reads a page's Back link", () => {
    expect(backLinkOf(`<main>${render()}</main>`)).toBe("/returns?council=c1&page=2");
  });
});
