// The error summary linked every error to `#<field>`, so an error on a field the page fills in itself (a hidden id or
// version, a button's intent) was a link to no element of the page. Such errors are now said as text; errors on
// fields the user can see keep their links.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";
import { FORM_NOT_RECOGNISED, namesNoVisibleField } from "~/domain/page-filled-fields.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const { ErrorSummary } = await import("~/ui/form.tsx");

const links = (html: string) => [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
const texts = (html: string) =>
  [...html.matchAll(/<span class="font-bold text-error">([^<]*)<\/span>/g)].map((m) => m[1]);

describe("ErrorSummary", () => {
  it("says an error on a hidden id as text, not as a link to nothing", () => {
    const html = renderToStaticMarkup(
      <ErrorSummary errors={{ id: [FORM_NOT_RECOGNISED], name: ["Enter a name"] }} />,
    );
    expect(links(html)).toEqual(["name"]);
    expect(texts(html)).toEqual([FORM_NOT_RECOGNISED.replace(/'/g, "&#x27;")]);
  });

  it("says an error on a hidden version as text, whatever its message", () => {
    const html = renderToStaticMarkup(<ErrorSummary errors={{ version: ["Invalid ISO datetime"] }} />);
    expect(links(html)).toEqual([]);
    expect(texts(html)).toEqual(["Invalid ISO datetime"]);
  });

  it("says an error on a hidden field inside a list's entry as text", () => {
    const html = renderToStaticMarkup(
      <ErrorSummary
        errors={{ "lines[0].commitmentId": ["Choose a commitment"], "lines[0].quantity": ["Enter a number"] }}
      />,
    );
    expect(links(html)).toEqual(["lines[0].quantity"]);
    expect(texts(html)).toEqual(["Choose a commitment"]);
  });

  it("keeps the links of errors on fields the user can see, and the form's own error as text", () => {
    const html = renderToStaticMarkup(
      <ErrorSummary
        errors={{
          "": ["Your changes were not saved"],
          email: ["Enter an email address"],
          "barriers[2]": ["Choose from the list"],
        }}
      />,
    );
    expect(links(html)).toEqual(["email", "barriers"]);
    expect(texts(html)).toEqual(["Your changes were not saved"]);
  });
});

describe("namesNoVisibleField", () => {
  it("knows the fields pages fill in themselves", () => {
    for (const name of ["", "form", "intent", "id", "version", "submissionKey", "token", SWITCHER_FIELD])
      expect(namesNoVisibleField(name, ["x"]), name).toBe(true);
  });

  it("knows an error pageFilled gives, on any field", () => {
    expect(namesNoVisibleField("membership", [FORM_NOT_RECOGNISED])).toBe(true);
  });

  it("leaves fields a user fills in linked", () => {
    for (const name of ["name", "email", "plan[0].quantity", "commitmentId", "organisationId", "quarter"])
      expect(namesNoVisibleField(name, ["Enter it"]), name).toBe(false);
  });
});
