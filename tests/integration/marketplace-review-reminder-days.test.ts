// The expiry reminder goes to every request that will close within the week: one approved or extended with a
// needed-by date a few days off is reminded on the next run. Its inbox preview said "Your request closes in 7
// days" whatever the date, so a requestor whose request closed in two days was told they had a week.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { sendExpiryReminders } from "~/domain/marketplace/jobs.server.ts";
import { createRequest, createWorld } from "../helpers/factories.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

describe("the expiry reminder for a request closing in two days", () => {
  it("gives the date it closes, and never says it closes in 7 days", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      neededBy: new Date("2033-03-16T00:00:00Z"),
      createdById: world.users.vcseMember.id,
    });
    await sendExpiryReminders(new Date("2033-03-14T08:00:00Z"));
    const [email, ...others] = await db.emailOutbox.findMany({
      where: { template: "marketplace.expiryReminder", subject: { contains: need.title } },
    });
    expect(others).toEqual([]);
    expect(email.subject).toContain("16 March 2033");
    for (const body of [email.html, email.text]) expect(body).not.toContain("7 days");
    // the inbox preview
    expect(email.html).toContain("Your request closes on 16 March 2033");
  });
});

describe("the expiry reminder's header", () => {
  it("names the request's council, in its own brand colour", async () => {
    await db.councilSettings.update({
      where: { organisationId: world.councilA.id },
      data: { brandColour: "#6b2c91" },
    });
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      neededBy: new Date("2034-03-16T00:00:00Z"),
      createdById: world.users.vcseMember.id,
    });
    await sendExpiryReminders(new Date("2034-03-14T08:00:00Z"));
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { template: "marketplace.expiryReminder", subject: { contains: need.title } },
    });
    expect(email.html).toContain("#6b2c91");
    expect(email.text).toContain(world.councilA.name);
  });
});
