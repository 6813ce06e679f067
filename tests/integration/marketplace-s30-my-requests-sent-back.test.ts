// A request the council sent back for changes waits on the group alone, and its dashboard says so, but the list of
// its requests said "Nothing" under "Waiting for you" beside it. It now says the changes wait, linked to the form
// where they are made, and nothing once the request is sent again.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

async function myRequests() {
  const response = await renderPage("/my-requests", requestor);
  expect(response.status).toBe(200);
  return response.text();
}

describe("a request sent back for changes, in the requestor's list of requests", () => {
  it("is waiting for the requestor until it is sent again", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "CHANGES_REQUESTED",
      title: "Sent back for changes",
    });
    const html = await myRequests();
    expect(readableMainText(html)).toMatch(
      /Sent back for changes changes requested .* Make the changes the council asked for to Sent back for changes/,
    );
    expect(html).toContain(`href="/requests/${need.id}/edit"`);

    await db.request.update({ where: { id: need.id }, data: { status: "SUBMITTED" } });
    const resent = await myRequests();
    expect(readableMainText(resent)).not.toContain("Make the changes");
    expect(readableMainText(resent)).toMatch(/Sent back for changes waiting for approval .* Nothing/);
  });
});
