// The delete-account page answering a refused deletion (a mistyped password): what the person ticked stays ticked.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it, vi } from "vitest";
import { deleteAccountSchema } from "~/domain/accounts/schemas.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const { default: DeleteAccount } = await import("~/routes/account.delete.tsx");

const leftEmpty = (id: string, name: string) => ({
  organisationId: id,
  name,
  councilName: "Council A",
  requests: 0,
  pledges: 0,
  invitations: 0,
});

// The action's answer to a wrong password, as account.delete.tsx gives it.
function refused(ticked: string[]) {
  const form = new FormData();
  for (const id of ticked) form.append("leaveWithoutMembers", id);
  form.append("currentPassword", "not my password");
  const submission = parseWithZod(form, { schema: deleteAccountSchema });
  return JSON.parse(
    JSON.stringify(
      submission.reply({
        fieldErrors: { currentPassword: ["Your current password is incorrect"] },
        hideFields: ["currentPassword"],
      }),
    ),
  );
}

function render(ticked: string[]) {
  pageData.loaderData = {
    blocks: [],
    leftEmpty: [leftEmpty("org-1", "Group One"), leftEmpty("org-2", "Group Two")],
  };
  pageData.actionData = refused(ticked);
  return renderComponent(DeleteAccount);
}

const checked = (html: string, id: string) =>
  new RegExp(`<input[^>]*value="${id}"[^>]*checked=""`).test(html) ||
  new RegExp(`<input[^>]*checked=""[^>]*value="${id}"`).test(html);

describe("the delete-account page after a wrong password", () => {
  it("keeps one ticked confirmation ticked", () => {
    const html = render(["org-2"]);
    expect(html).toContain("Your current password is incorrect");
    expect(checked(html, "org-2")).toBe(true);
    expect(checked(html, "org-1")).toBe(false);
  });

  it("keeps several ticked confirmations ticked", () => {
    const html = render(["org-1", "org-2"]);
    expect(checked(html, "org-1")).toBe(true);
    expect(checked(html, "org-2")).toBe(true);
  });
});
