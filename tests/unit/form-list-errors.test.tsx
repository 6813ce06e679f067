// A list field's error filed under one of its items ("barriers[0]": a value none of its boxes offers, from a form
// sent by hand) is the field's error: shown next to the field, and the error summary links to the field. Before,
// the summary linked to "#barriers[0]", which no element has, and no error showed next to the boxes.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const { ErrorSummary, errorsFor } = await import("~/ui/form.tsx");

const errors = {
  "barriers[0]": ["Choose the barriers from the list"],
  "barriers[2]": ["Choose the barriers from the list"],
  "plan[0].quantity": ["Enter a number"],
  councilCouldDo: ["Answer in 2,000 characters or fewer"],
};

describe("errorsFor", () => {
  it("gives a list field its items' errors, once each", () => {
    expect(errorsFor(errors, "barriers")).toEqual(["Choose the barriers from the list"]);
  });

  it("gives other fields their own errors, and none to a field without", () => {
    expect(errorsFor(errors, "councilCouldDo")).toEqual(["Answer in 2,000 characters or fewer"]);
    expect(errorsFor(errors, "plan[0].quantity")).toEqual(["Enter a number"]);
    expect(errorsFor(errors, "plan")).toBeUndefined();
    expect(errorsFor(undefined, "barriers")).toBeUndefined();
  });
});

describe("ErrorSummary", () => {
  it("links a list item's error to the field, once", () => {
    const html = renderToStaticMarkup(<ErrorSummary errors={errors} />);
    expect(html.match(/href="#barriers"/g)).toHaveLength(1);
    expect(html).not.toContain("#barriers[");
    expect(html).toContain('href="#plan[0].quantity"');
    expect(html).toContain('href="#councilCouldDo"');
  });
});
