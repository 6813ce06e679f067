// The request forms ("Post a request", "Edit request") of a group the council has not verified offer only "Save as
// draft": a submit would always be refused. Before, both offered the submit button (the edit page without a word
// about verification), and the refusal told a group the council had rejected to submit "once you are verified".
import { beforeAll, describe, expect, it } from "vitest";
import type { VerificationStatus } from "~/generated/prisma/enums.ts";
import { createWorld } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { groupWithDraft } from "../helpers/unverified-group.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;

beforeAll(async () => {
  world = await createWorld();
});

async function pages(status: VerificationStatus) {
  const { cookie, draft } = await groupWithDraft(world, status);
  const shown = async (path: string) => {
    const response = await renderPage(path, cookie);
    expect(response.status).toBe(200);
    return (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
  };
  return { edit: await shown(`/requests/${draft.id}/edit`), post: await shown("/requests/new") };
}

describe("the request forms of a group not verified", () => {
  it("offer only saving a draft while it waits to be verified", { timeout: 120_000 }, async () => {
    const { edit, post } = await pages("PENDING");
    expect(edit).not.toContain("Save and submit for approval");
    expect(edit).toContain("Your organisation is waiting to be verified by the council");
    expect(post).not.toContain("Submit for approval");
    for (const page of [edit, post]) expect(page).toContain("Save as draft");
  });

  it("offer only saving a draft once the council did not verify it", { timeout: 60_000 }, async () => {
    const { edit, post } = await pages("REJECTED");
    expect(edit).not.toContain("Save and submit for approval");
    expect(edit).toContain("The council did not verify your organisation");
    expect(post).not.toContain("Submit for approval");
  });

  it("offer the submit to a verified group", { timeout: 60_000 }, async () => {
    const { edit, post } = await pages("VERIFIED");
    expect(edit).toContain("Save and submit for approval");
    expect(post).toContain("Submit for approval");
    expect(edit).not.toContain("verified by the council");
  });
});
