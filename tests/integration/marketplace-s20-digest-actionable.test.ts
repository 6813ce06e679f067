// A saved search's daily email listed, as new matching requests, requests the supplier could not act on: one
// posted by an organisation its member also belongs to (a pledge to it is refused) and one the supplier had
// already pledged to. The email lists, and counts, only the requests the supplier can pledge to.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { sendSavedSearchDigests, DIGEST_SETTLE_MS } from "~/domain/marketplace/jobs.server.ts";
import {
  addMember,
  createMember,
  createPledge,
  createRequest,
  createSavedSearch,
  createWorld,
} from "../helpers/factories.ts";

const DAY = 24 * 60 * 60 * 1000;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

const published = (organisationId: string, title: string) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId,
    categoryId: world.category.id,
    title,
    publishedAt: new Date(Date.now() - 60_000),
  });

describe("the daily digest of a supplier's saved search", () => {
  it("leaves out requests of its member's own organisations and requests the supplier has pledged to", async () => {
    // a supplier's member who also volunteers for the VCSE
    const both = await createMember(world.supplier.id, "MEMBER");
    await addMember(world.vcse.id, both.id, "MEMBER");
    const search = await createSavedSearch({
      userId: both.id,
      organisationId: world.supplier.id,
      filters: { q: "wombat" },
    });
    await db.savedSearch.update({
      where: { id: search.id },
      data: { emailDigest: true, createdAt: new Date(Date.now() - 2 * DAY) },
    });
    await published(world.vcse.id, "Wombat den of our own");
    const pledged = await published(world.otherVcse.id, "Wombat fence already pledged");
    await createPledge({ requestId: pledged.id, supplierOrganisationId: world.supplier.id });
    // another supplier's pledge does not keep it from this one
    const pledgedByOther = await published(world.otherVcse.id, "Wombat survey another supplier offered");
    await createPledge({ requestId: pledgedByOther.id, supplierOrganisationId: world.otherSupplier.id });

    await sendSavedSearchDigests(new Date(Date.now() + DIGEST_SETTLE_MS));
    const digests = await db.emailOutbox.findMany({
      where: { template: "marketplace.digest", to: both.email },
    });
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toContain("1 new request");
    expect(digests[0].text).toContain("Wombat survey another supplier offered");
    expect(digests[0].text).not.toContain("Wombat den of our own");
    expect(digests[0].text).not.toContain("Wombat fence already pledged");
  });

  it("sends nothing when every new match is one the supplier cannot act on", async () => {
    const search = await createSavedSearch({
      userId: world.users.supplierOwner.id,
      organisationId: world.supplier.id,
      filters: { q: "numbat" },
    });
    await db.savedSearch.update({
      where: { id: search.id },
      data: { emailDigest: true, createdAt: new Date(Date.now() - 2 * DAY) },
    });
    const pledged = await published(world.otherVcse.id, "Numbat nest boxes");
    await createPledge({
      requestId: pledged.id,
      supplierOrganisationId: world.supplier.id,
      status: "WITHDRAWN",
    });

    await sendSavedSearchDigests(new Date(Date.now() + DIGEST_SETTLE_MS));
    expect(
      await db.emailOutbox.count({
        where: { template: "marketplace.digest", to: world.users.supplierOwner.email },
      }),
    ).toBe(0);
    // the search was still checked: the request is not listed again tomorrow
    expect(
      (await db.savedSearch.findUniqueOrThrow({ where: { id: search.id } })).lastDigestAt,
    ).not.toBeNull();
  });
});
