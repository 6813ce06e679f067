// A draft is the requestor's own until it is sent for approval. One withdrawn before it was ever sent (status
// WITHDRAWN, never submitted) could still be read in full by the council's officers, on the review page (with the
// requestor's contact preference) and on the request page, as the rule shut out only the status DRAFT. The council
// now sees a request once it has been sent to it, as with KPI returns.
import { beforeAll, describe, expect, it } from "vitest";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let officer: string;
let requestor: string;

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

async function withdrawn(status: "DRAFT" | "SUBMITTED") {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status,
    title: `Private plans ${status}`,
    contactPreference: "Ring Sam on 07700 900123",
  });
  const response = await postPage(`/requests/${need.id}/manage`, formOf({ intent: "withdraw" }), requestor);
  expect(response.status).toBe(302);
  return need.id;
}

describe("a request withdrawn by its requestor, as the council's officers see it", () => {
  it("is not found when it was withdrawn as a draft, never sent for approval", async () => {
    const id = await withdrawn("DRAFT");
    for (const path of [`/council/moderation/${id}`, `/requests/${id}`]) {
      const response = await renderPage(path, officer);
      expect(response.status, path).toBe(404);
      const text = readableMainText(await response.text());
      expect(text).not.toContain("Private plans");
      expect(text).not.toContain("07700 900123");
    }
    // the requestor still reads it
    expect((await renderPage(`/requests/${id}`, requestor)).status).toBe(200);
  });

  it("is still shown once it had been sent for approval", async () => {
    const id = await withdrawn("SUBMITTED");
    const review = await renderPage(`/council/moderation/${id}`, officer);
    expect(review.status).toBe(200);
    expect(readableMainText(await review.text())).toContain("Private plans SUBMITTED");
    expect((await renderPage(`/requests/${id}`, officer)).status).toBe(200);
  });
});
