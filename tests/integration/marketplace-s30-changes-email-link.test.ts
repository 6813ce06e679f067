// The email asking a group for changes to its request has one button, "Edit your request", but it led to the page
// for managing the request, where the edit form is one more link away. It now opens the edit form, which shows
// what the council asked for; the approval email still leads to the managing page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createRequest, createWorldSignedInAs, sessionCookieFor, type World } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

async function decide(intent: string, title: string, comment: string) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    createdById: world.users.vcseOwner.id,
    status: "SUBMITTED",
    title,
  });
  const response = await postPage(`/council/moderation/${need.id}`, formOf({ intent, comment }), officer);
  expect(response.status).toBe(302);
  const email = await db.emailOutbox.findFirstOrThrow({
    where: { template: `marketplace.${intent}`, subject: { contains: title } },
  });
  return { id: need.id, email };
}

describe("the emails of the council's decision on a request", () => {
  it("ask for changes with a button to the edit form, which shows what was asked", async () => {
    const { id, email } = await decide("requestChanges", "Sent back by email", "Please say which school");
    expect(email.html).toContain(`/requests/${id}/edit"`);
    expect(email.text).toContain(`/requests/${id}/edit`);
    expect(email.html).not.toContain(`/requests/${id}/manage`);
    const form = await renderPage(`/requests/${id}/edit`, await sessionCookieFor(world.users.vcseOwner.id));
    expect(form.status).toBe(200);
    expect(readableMainText(await form.text())).toContain(
      "The council asked for changes: Please say which school",
    );
  });

  it("say a request is approved with a button to the page for managing it", async () => {
    const { id, email } = await decide("approve", "Approved by email", "");
    expect(email.html).toContain(`/requests/${id}/manage"`);
  });
});
