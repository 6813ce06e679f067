// A group the council has not verified cannot submit a request for approval (the domain refuses it), so its
// draft's page does not offer "Submit for approval": it says why instead. Before, the button was there, and
// pressing it only brought the refusal, which told a group the council had rejected to submit "once you are
// verified".
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

async function draftPage(status: VerificationStatus) {
  const { cookie, draft } = await groupWithDraft(world, status);
  const response = await renderPage(`/requests/${draft.id}/manage`, cookie);
  expect(response.status).toBe(200);
  return response.text();
}

describe("a draft's page for a group not verified", () => {
  it("says it is waiting to be verified, and offers no submit", { timeout: 120_000 }, async () => {
    const page = await draftPage("PENDING");
    expect(page).not.toContain("Submit for approval");
    expect(page).toContain("Your organisation is waiting to be verified by the council");
  });

  it("says the council did not verify the group, and offers no submit", { timeout: 60_000 }, async () => {
    const page = await draftPage("REJECTED");
    expect(page).not.toContain("Submit for approval");
    expect(page).toContain("The council did not verify your organisation");
    expect(page).not.toContain("waiting to be verified");
  });

  it("still offers it to a verified group", { timeout: 60_000 }, async () => {
    expect(await draftPage("VERIFIED")).toContain("Submit for approval");
  });
});
