// The platform admin's "Add council" form answering a refused council (no name): the partnership chosen stays
// chosen beside the error, as the typed fields do.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it, vi } from "vitest";
import { adminCouncilsSchema } from "~/domain/accounts/schemas.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const { default: AdminCouncils } = await import("~/routes/admin.councils.tsx");

// The action's answer to a form with no council name, as admin.councils.tsx gives it.
function refused(partnershipId: string) {
  const form = new FormData();
  form.append("intent", "create-council");
  form.append("name", "");
  form.append("partnershipId", partnershipId);
  form.append("adminEmail", "first.admin@example.test");
  const submission = parseWithZod(form, { schema: adminCouncilsSchema });
  expect(submission.status).not.toBe("success");
  return JSON.parse(JSON.stringify(submission.reply()));
}

describe("the Add council form after an error", () => {
  it("keeps the partnership chosen and the admin's address", () => {
    pageData.loaderData = {
      councils: [],
      partnerships: [
        { id: "p-1", name: "Surrey Partnership" },
        { id: "p-2", name: "Downs Partnership" },
      ],
      councilsWithoutAdmin: [],
    };
    pageData.actionData = refused("p-2");
    const html = renderComponent(AdminCouncils);
    expect(html).toMatch(/<option value="p-2" selected="">Downs Partnership<\/option>/);
    expect(html).not.toMatch(/<option value="p-1" selected="">/);
    expect(html).toContain('value="first.admin@example.test"');
  });
});
