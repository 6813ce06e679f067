// A saved search's daily email turned off, then on again: the next email lists what was published since it was
// turned back on, not everything published while it was off (which the person had chosen not to hear about).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { sendSavedSearchDigests, DIGEST_SETTLE_MS } from "~/domain/marketplace/jobs.server.ts";
import { action as savedAction } from "~/routes/saved-searches.tsx";
import { createRequest, createSavedSearch, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

const DAY = 24 * 60 * 60 * 1000;
let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.supplierOwner.id);
});

const setEmail = (id: string, on: boolean) =>
  callAction(savedAction, {
    path: "/saved-searches",
    cookie,
    form: on ? { intent: "digest", id, emailDigest: "on" } : { intent: "digest", id },
  });

const published = (title: string, at: Date) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title,
    publishedAt: at,
  });

describe("a daily email turned off and on again", () => {
  it("lists the requests published since it was turned back on, not those of while it was off", async () => {
    const search = await createSavedSearch({
      userId: world.users.supplierOwner.id,
      organisationId: world.supplier.id,
      filters: { q: "quokka" },
    });
    await db.savedSearch.update({
      where: { id: search.id },
      data: { createdAt: new Date(Date.now() - 30 * DAY), lastDigestAt: new Date(Date.now() - 20 * DAY) },
    });
    expect((await setEmail(search.id, false)).status).toBe(302);
    await published("Quokka count while the email was off", new Date(Date.now() - 5 * DAY));
    expect((await setEmail(search.id, true)).status).toBe(302);
    // sent twice, the second 'on' does not move the moment it was turned on
    const turnedOn = (await db.savedSearch.findUniqueOrThrow({ where: { id: search.id } })).digestTurnedOnAt;
    expect((await setEmail(search.id, true)).status).toBe(302);
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: search.id } })).digestTurnedOnAt).toEqual(
      turnedOn,
    );
    await published("Quokka habitat volunteers", new Date(Date.now() + 1_000));

    await sendSavedSearchDigests(new Date(Date.now() + DIGEST_SETTLE_MS + 60_000));
    const digests = await db.emailOutbox.findMany({
      where: { template: "marketplace.digest", to: world.users.supplierOwner.email },
    });
    expect(digests).toHaveLength(1);
    expect(digests[0].text).toContain("Quokka habitat volunteers");
    expect(digests[0].text).not.toContain("Quokka count while the email was off");
  });

  it("an email never turned off still lists everything since the last one", async () => {
    const search = await createSavedSearch({
      userId: world.users.supplierMember.id,
      organisationId: world.supplier.id,
      filters: { q: "bilby" },
    });
    await db.savedSearch.update({
      where: { id: search.id },
      data: { createdAt: new Date(Date.now() - 30 * DAY), lastDigestAt: new Date(Date.now() - 3 * DAY) },
    });
    await published("Bilby burrow survey", new Date(Date.now() - 2 * DAY));
    await sendSavedSearchDigests(new Date(Date.now() + DIGEST_SETTLE_MS + 60_000));
    const [digest] = await db.emailOutbox.findMany({
      where: { template: "marketplace.digest", to: world.users.supplierMember.email },
    });
    expect(digest?.text).toContain("Bilby burrow survey");
  });
});
