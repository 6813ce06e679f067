// The error summary listed errors in the order they were found (a schema's order, then checks made after it), not
// the order of their fields on the page. Given the form's fields in page order, it now follows the page, as GOV.UK's
// does: the commitment form gives its own.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const { ErrorSummary, inPageOrder, placeIn } = await import("~/ui/form.tsx");

const links = (html: string) => [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
const order = ["measureId", "targetQuantity", "plan", "qualitativeText", "narrative"];

describe("inPageOrder", () => {
  it("puts names in the order of their fields, a list's entries where the list is", () => {
    expect(
      inPageOrder(["narrative", "plan[2].quantity", "qualitativeText", "plan", "measureId"], placeIn(order)),
    ).toEqual(["measureId", "plan[2].quantity", "plan", "qualitativeText", "narrative"]);
  });

  it("puts a name without a field after the one it followed, or first", () => {
    expect(inPageOrder(["", "narrative", "intent", "targetQuantity"], placeIn(order))).toEqual([
      "",
      "targetQuantity",
      "narrative",
      "intent",
    ]);
  });
});

describe("ErrorSummary", () => {
  const errors = {
    narrative: ["The note must be 2,000 characters or fewer"],
    "plan[0].quantity": ["Enter a number"],
    measureId: ["Choose a measure"],
  };

  it("lists errors in the order of the fields on the page", () => {
    const html = renderToStaticMarkup(<ErrorSummary errors={errors} order={order} />);
    expect(links(html)).toEqual(["measureId", "plan[0].quantity", "narrative"]);
  });

  it("keeps the order errors came in when not told the page's", () => {
    expect(links(renderToStaticMarkup(<ErrorSummary errors={errors} />))).toEqual([
      "narrative",
      "plan[0].quantity",
      "measureId",
    ]);
  });
});
