// What the requestor is emailed says what they can still do: the expiry reminder of a request already extended
// (an extension asks for a reminder of the new date) said "You can extend it once" though it could not be
// extended again; and an officer's comment on approving ("The requestor sees it", the form says) was never
// emailed, only shown on the request's timeline.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { sendExpiryReminders } from "~/domain/marketplace/jobs.server.ts";
import { action as moderateAction } from "~/routes/council.moderation.$id.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

const need = (overrides: Partial<Parameters<typeof createRequest>[0]>) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    createdById: world.users.vcseMember.id,
    ...overrides,
  });

const emailAbout = (template: string, title: string) =>
  db.emailOutbox.findFirstOrThrow({ where: { template, subject: { contains: title } } });

describe("the expiry reminder", () => {
  it("offers the one extension only while it is still there to use", async () => {
    const fresh = await need({ neededBy: new Date("2034-05-10T00:00:00Z") });
    const extended = await need({ neededBy: new Date("2034-05-11T00:00:00Z") });
    await db.request.update({ where: { id: extended.id }, data: { extendedAt: new Date("2034-03-01") } });
    await sendExpiryReminders(new Date("2034-05-06T08:00:00Z"));

    const first = await emailAbout("marketplace.expiryReminder", fresh.title);
    expect(first.text).toContain("You can extend it once.");
    const second = await emailAbout("marketplace.expiryReminder", extended.title);
    expect(second.text).not.toContain("You can extend it once");
    expect(second.text).toContain("It has already been extended once, so this date cannot be moved again.");
    expect(second.html).not.toContain("Extend or manage your request");
  });
});

describe("approving a request with a comment", () => {
  it("emails the comment to the requestor; without one, the email has none", async () => {
    const cookie = await sessionCookieFor(world.users.officerA.id);
    const approve = (id: string, comment?: string) =>
      callAction(moderateAction, {
        path: `/council/moderation/${id}`,
        params: { id },
        cookie,
        form: { intent: "approve", ...(comment === undefined ? {} : { comment }) },
      });
    const commented = await need({ status: "SUBMITTED", title: "Approved with a word" });
    const plain = await need({ status: "SUBMITTED", title: "Approved without a word" });
    expect((await approve(commented.id, "Approved. Please add the best time to call.")).status).toBe(302);
    expect((await approve(plain.id)).status).toBe(302);

    const withComment = await emailAbout("marketplace.approve", commented.title);
    expect(withComment.text).toContain("They added:");
    expect(withComment.text).toContain("Approved. Please add the best time to call.");
    const without = await emailAbout("marketplace.approve", plain.title);
    expect(without.text).not.toContain("They added:");
  });
});

describe("the email telling the requestor their request is approved", () => {
  it("names the council, in its own brand colour", async () => {
    await db.councilSettings.update({
      where: { organisationId: world.councilA.id },
      data: { brandColour: "#6b2c91" },
    });
    const request = await need({ status: "SUBMITTED", title: "Approved in the council's colour" });
    const approved = await callAction(moderateAction, {
      path: `/council/moderation/${request.id}`,
      params: { id: request.id },
      cookie: await sessionCookieFor(world.users.officerA.id),
      form: { intent: "approve" },
    });
    expect(approved.status).toBe(302);
    const email = await emailAbout("marketplace.approve", request.title);
    expect(email.html).toContain("#6b2c91");
    expect(email.text).toContain(world.councilA.name);
  });
});
