import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  expireRequest,
  expireRequests,
  findExpiringRequests,
  sendExpiryReminders,
  sendSavedSearchDigests,
  DIGEST_SETTLE_MS,
} from "~/domain/marketplace/jobs.server.ts";
import { changeRequest } from "~/domain/marketplace/requests.server.ts";
import { changePledge, createPledge } from "~/domain/marketplace/pledges.server.ts";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import {
  createCategory,
  createDistrict,
  createOrganisation,
  createPledge as createPledgeRow,
  createRequest,
  createSavedSearch,
  createWorld,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const DAY = 86400000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
});

const base = () => ({
  councilId: world.councilA.id,
  organisationId: world.vcse.id,
  categoryId: world.category.id,
});

async function list(query: string) {
  const response = await callLoader(listLoader, { path: `/requests${query}` });
  expect(response.status).toBe(200);
  return jsonOf<{ requests: { id: string; title: string }[]; total: number; pageCount: number }>(response);
}

describe("simultaneous pledges", () => {
  it("never pledge more than a request needs", async () => {
    const need = await createRequest({ ...base(), quantity: 10 });
    // eight suppliers: one supplier has one pledge going on per request
    const suppliers = await Promise.all(
      Array.from({ length: 8 }, () => createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id })),
    );
    const results = await Promise.all(
      suppliers.map((supplier, i) =>
        createPledge({
          requestId: need.id,
          supplierOrganisationId: supplier.id,
          actor: { userId: world.users.supplierOwner.id },
          submissionKey: `race-${need.id}-${i}`,
          quantity: 3,
          expectedDeliveryDate: inDays(5),
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const after = await db.request.findUniqueOrThrow({ where: { id: need.id } });
    expect(after).toMatchObject({ pledgedQuantity: 9, status: "PARTIALLY_PLEDGED" });
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(3);
    for (const refused of results.filter((r) => !r.ok))
      expect(JSON.stringify(refused)).toMatch(/1 hour or less|3 hours or less/);
  });

  it("make one pledge from a double-submitted form", async () => {
    const need = await createRequest({ ...base(), quantity: 10 });
    const submit = () =>
      createPledge({
        requestId: need.id,
        supplierOrganisationId: world.supplier.id,
        actor: { userId: world.users.supplierOwner.id },
        submissionKey: `double-${need.id}`,
        quantity: 4,
        expectedDeliveryDate: inDays(5),
      });
    const results = await Promise.all([submit(), submit(), submit()]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.pledgeId : "")))).toHaveProperty("size", 1);
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(1);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).pledgedQuantity).toBe(4);
  });

  it("accept a pledge once when two accepts arrive together, answering both as accepted", async () => {
    const need = await createRequest({
      ...base(),
      quantity: 10,
      pledgedQuantity: 5,
      status: "PARTIALLY_PLEDGED",
    });
    const pledge = await createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 5,
    });
    const accept = () =>
      changePledge({
        pledgeId: pledge.id,
        action: "accept",
        roles: ["REQUESTOR"],
        actor: { userId: world.users.vcseOwner.id },
      });
    const results = await Promise.all([accept(), accept()]);
    // the second is a repeat of the first (a double click): the same success, nothing done twice
    expect(results).toEqual([
      { ok: true, status: "ACCEPTED" },
      { ok: true, status: "ACCEPTED" },
    ]);
    expect(await db.pledgeEvent.count({ where: { pledgeId: pledge.id, toStatus: "ACCEPTED" } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { template: "marketplace.accept" } })).toBe(1);
  });
});

describe("public search", () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const council = world.councilB;
    const category = await createCategory(council.id, "Digital inclusion");
    const other = await createCategory(council.id, "Environment");
    const district = await createDistrict(council.id, "Lewes");
    const make = (title: string, extra: Partial<Parameters<typeof createRequest>[0]> = {}) =>
      createRequest({
        councilId: council.id,
        organisationId: world.otherVcse.id,
        categoryId: category.id,
        title,
        ...extra,
      });
    ids = {
      title: (
        await make("Zebra laptops for the homework club", { helpType: "GOODS", districtId: district.id })
      ).id,
      body: (
        await make("Zebra IT kit", {
          description: "Any laptops would help our pupils.",
          isRemote: true,
          helpType: "GOODS",
        })
      ).id,
      unrelated: (
        await make("Zebra crossing painting", {
          categoryId: other.id,
          neededBy: new Date(Date.now() + 5 * DAY),
        })
      ).id,
      draft: (await make("Zebra laptops draft", { status: "DRAFT" })).id,
      fulfilled: (await make("Zebra laptops delivered", { status: "FULFILLED" })).id,
    };
    ids.category = category.id;
    ids.district = district.id;
    ids.council = council.id;
  });

  it("ranks a title match above a description match and leaves out unpublished or closed requests", async () => {
    const result = await list("?q=zebra+laptops");
    expect(result.requests.map((r) => r.id)).toEqual([ids.title, ids.body]);
    expect(result.total).toBe(2);
  });

  it("understands web-style queries", async () => {
    expect((await list('?q="zebra crossing"')).requests.map((r) => r.id)).toEqual([ids.unrelated]);
    expect((await list("?q=zebra+-laptops")).requests.map((r) => r.id)).toEqual([ids.unrelated]);
  });

  it("filters by council, category, help type, district, remote and closing date", async () => {
    const ofCouncil = (await list(`?council=${ids.council}`)).requests.map((r) => r.id);
    expect(ofCouncil.sort()).toEqual([ids.title, ids.body, ids.unrelated].sort());
    expect((await list(`?q=zebra&category=${ids.category}&helpType=GOODS`)).total).toBe(2);
    expect((await list(`?district=${ids.district}`)).requests.map((r) => r.id)).toEqual([ids.title]);
    expect((await list(`?council=${ids.council}&remote=1`)).requests.map((r) => r.id)).toEqual([ids.body]);
    expect(
      (await list(`?council=${ids.council}&closingBefore=${inDays(10)}`)).requests.map((r) => r.id),
    ).toEqual([ids.unrelated]);
    expect((await list(`?council=${ids.council}&sort=closing`)).requests[0].id).toBe(ids.unrelated);
  });

  it("ignores nonsense in the query string instead of failing", async () => {
    const result = await list("?helpType=PIZZA&page=-4&closingBefore=soon&sort=random&q=%27%3B+drop+table");
    expect(result.total).toBe(0);
    expect((await list("?helpType=PIZZA&page=abc")).total).toBeGreaterThan(0);
  });

  it("paginates", async () => {
    for (let i = 0; i < 22; i++) await createRequest({ ...base(), title: `Quokka help ${i}` });
    const first = await list("?q=quokka");
    expect(first).toMatchObject({ total: 22, pageCount: 2 });
    expect(first.requests).toHaveLength(20);
    const second = await list("?q=quokka&page=2");
    expect(second.requests).toHaveLength(2);
    expect(new Set([...first.requests, ...second.requests].map((r) => r.id)).size).toBe(22);
  });
});

describe("scheduled jobs with a controllable clock", () => {
  it("expire requests after their needed-by date, declining what is only offered, once", async () => {
    const neededBy = new Date("2031-03-10T00:00:00Z");
    const need = await createRequest({
      ...base(),
      neededBy,
      quantity: 6,
      pledgedQuantity: 6,
      status: "FULLY_PLEDGED",
    });
    await createPledgeRow({
      requestId: need.id,
      supplierOrganisationId: world.otherSupplier.id,
      quantity: 6,
      status: "ACCEPTED",
    });
    const partly = await createRequest({
      ...base(),
      neededBy,
      quantity: 6,
      pledgedQuantity: 2,
      status: "PARTIALLY_PLEDGED",
    });
    const offered = await createPledgeRow({
      requestId: partly.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 2,
    });

    await expireRequests(new Date("2031-03-10T12:00:00Z"));
    expect((await db.request.findUniqueOrThrow({ where: { id: partly.id } })).status).toBe(
      "PARTIALLY_PLEDGED",
    );

    const first = await expireRequests(new Date("2031-03-11T00:30:00Z"));
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect((await db.request.findUniqueOrThrow({ where: { id: partly.id } })).status).toBe("EXPIRED");
    // a fully pledged request whose pledge is accepted is being delivered: it does not expire
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("FULLY_PLEDGED");
    expect(await db.pledge.findUniqueOrThrow({ where: { id: offered.id } })).toMatchObject({
      status: "DECLINED",
    });
    expect((await db.request.findUniqueOrThrow({ where: { id: partly.id } })).pledgedQuantity).toBe(0);
    // the supplier is told, as for any declined pledge
    const declined = await db.emailOutbox.findMany({
      where: { template: "marketplace.decline", text: { contains: partly.title } },
    });
    expect(declined.map((e) => e.to)).toEqual([world.users.supplierOwner.email]);
    expect(declined[0].text).toContain(
      "The request closed on its needed-by date before this offer was answered",
    );

    const again = await expireRequests(new Date("2031-03-11T00:31:00Z"));
    expect(again.expired).toBe(0);
    expect(await db.requestEvent.count({ where: { requestId: partly.id, toStatus: "EXPIRED" } })).toBe(1);
  });

  it("leave alone a request extended after the expiry run read it", async () => {
    const need = await createRequest({ ...base(), neededBy: new Date("2031-04-10T00:00:00Z") });
    const now = new Date("2031-04-11T00:30:00Z");
    const read = (await findExpiringRequests(now)).find((r) => r.id === need.id)!;
    expect(read).toMatchObject({ status: "OPEN", extendedAt: null });

    // the requestor extends it while the run works through what it read
    const extended = await changeRequest({
      requestId: need.id,
      action: "extend",
      roles: ["REQUESTOR"],
      actor: { userId: world.users.vcseOwner.id },
      neededBy: "2031-05-10",
      // on the run's day: the new date is within two years of it
      now,
    });
    expect(extended).toEqual({ ok: true, status: "OPEN" });

    expect(await expireRequest(read, now)).toBe(false);
    const after = await db.request.findUniqueOrThrow({ where: { id: need.id } });
    expect(after).toMatchObject({ status: "OPEN", closedAt: null });
    expect(after.neededBy.toISOString().slice(0, 10)).toBe("2031-05-10");
    expect(await db.requestEvent.count({ where: { requestId: need.id, toStatus: "EXPIRED" } })).toBe(0);
    // and the next run does not find it until its new date has passed
    expect((await findExpiringRequests(now)).map((r) => r.id)).not.toContain(need.id);
  });

  it("expire and remind every due request, a bounded batch at a time, once", async () => {
    const make = (neededBy: string, count: number) =>
      Promise.all(
        Array.from({ length: count }, () =>
          createRequest({ ...base(), neededBy: new Date(`${neededBy}T00:00:00Z`) }),
        ),
      );
    const due = await make("2033-01-10", 7);
    const first = await expireRequests(new Date("2033-01-11T00:30:00Z"), { batchSize: 3 });
    // 7 of ours (and whatever else was due) read 3 at a time
    expect(first.batches).toBeGreaterThanOrEqual(3);
    expect(first.expired).toBeGreaterThanOrEqual(7);
    const statuses = await db.request.findMany({
      where: { id: { in: due.map((r) => r.id) } },
      select: { status: true },
    });
    expect(statuses.map((r) => r.status)).toEqual(Array(7).fill("EXPIRED"));
    expect(await expireRequests(new Date("2033-01-11T00:31:00Z"), { batchSize: 3 })).toEqual({
      expired: 0,
      batches: 0,
      failed: 0,
      offersDeclined: 0,
    });

    const soon = await make("2033-02-20", 5);
    const reminded = await sendExpiryReminders(new Date("2033-02-14T08:00:00Z"), { batchSize: 2 });
    expect(reminded.batches).toBeGreaterThanOrEqual(3);
    for (const need of soon)
      expect(
        await db.emailOutbox.count({
          where: { template: "marketplace.expiryReminder", subject: { contains: need.title } },
        }),
      ).toBe(1);
    expect(await sendExpiryReminders(new Date("2033-02-15T08:00:00Z"), { batchSize: 2 })).toEqual({
      sent: 0,
      batches: 0,
      failed: 0,
    });
  });

  it("go on past a request that cannot be expired, leaving it for the next run", async () => {
    const due = await Promise.all(
      Array.from({ length: 4 }, () =>
        createRequest({ ...base(), neededBy: new Date("2034-03-01T00:00:00Z") }),
      ),
    );
    const poisoned = [...due].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    // a real failure inside one request's transaction: the database refuses its history entry
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_poisoned_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."requestId" = '${poisoned.id}' THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_poisoned BEFORE INSERT ON "RequestEvent" FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_event()`,
    );
    try {
      const run = await expireRequests(new Date("2034-03-02T00:30:00Z"), { batchSize: 2 });
      expect(run.failed).toBe(1);
      const statuses = new Map(
        (await db.request.findMany({ where: { id: { in: due.map((r) => r.id) } } })).map((r) => [
          r.id,
          r.status,
        ]),
      );
      // the first in id order failed, whole (nothing half-expired), and every one after it expired
      expect(statuses.get(poisoned.id)).toBe("OPEN");
      expect([...statuses.values()].filter((s) => s === "EXPIRED")).toHaveLength(3);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_poisoned ON "RequestEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_poisoned_event()`);
    }
    const next = await expireRequests(new Date("2034-03-03T00:30:00Z"));
    expect(next).toMatchObject({ failed: 0 });
    expect((await db.request.findUniqueOrThrow({ where: { id: poisoned.id } })).status).toBe("EXPIRED");
  });

  it("count a reminder that could not be queued as failed, not sent, and send it on the next run", async () => {
    const soon = await Promise.all(
      ["Poisoned reminder", "Plain reminder"].map((title) =>
        createRequest({ ...base(), title, neededBy: new Date("2035-05-20T00:00:00Z") }),
      ),
    );
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_poisoned_email() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.subject LIKE '%Poisoned reminder%' THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_poisoned BEFORE INSERT ON "EmailOutbox" FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_email()`,
    );
    try {
      const run = await sendExpiryReminders(new Date("2035-05-14T08:00:00Z"));
      expect(run).toMatchObject({ sent: 1, failed: 1 });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_poisoned ON "EmailOutbox"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_poisoned_email()`);
    }
    // nothing of the failed one was kept: it is still to be reminded, and is the next run's only one
    const reminded = await db.request.findMany({ where: { id: { in: soon.map((r) => r.id) } } });
    expect(reminded.find((r) => r.title === "Poisoned reminder")?.reminderSentAt).toBeNull();
    expect(await sendExpiryReminders(new Date("2035-05-15T08:00:00Z"))).toMatchObject({ sent: 1, failed: 0 });
    expect(
      await db.emailOutbox.count({
        where: { template: "marketplace.expiryReminder", subject: { contains: "Poisoned reminder" } },
      }),
    ).toBe(1);
  });

  it("remind the requestor 7 days before, once", async () => {
    const need = await createRequest({
      ...base(),
      neededBy: new Date("2032-06-20T00:00:00Z"),
      createdById: world.users.vcseMember.id,
    });
    const early = await sendExpiryReminders(new Date("2032-06-10T08:00:00Z"));
    expect(
      await db.emailOutbox.count({
        where: { template: "marketplace.expiryReminder", to: world.users.vcseMember.email },
      }),
    ).toBe(0);
    expect(early.sent).toBe(0);
    await sendExpiryReminders(new Date("2032-06-13T08:00:00Z"));
    await sendExpiryReminders(new Date("2032-06-14T08:00:00Z"));
    const emails = await db.emailOutbox.findMany({
      where: { template: "marketplace.expiryReminder", to: world.users.vcseMember.email },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain(need.title);
  });

  it("remind a request fully pledged by offers nobody answered, not one whose work is under way", async () => {
    const neededBy = new Date("2032-07-20T00:00:00Z");
    const unanswered = await createRequest({
      ...base(),
      neededBy,
      quantity: 4,
      pledgedQuantity: 4,
      status: "FULLY_PLEDGED",
      createdById: world.users.vcseMember.id,
    });
    await createPledgeRow({
      requestId: unanswered.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 4,
    });
    const underWay = await createRequest({
      ...base(),
      neededBy,
      quantity: 4,
      pledgedQuantity: 4,
      status: "FULLY_PLEDGED",
      createdById: world.users.vcseMember.id,
    });
    await createPledgeRow({
      requestId: underWay.id,
      supplierOrganisationId: world.supplier.id,
      quantity: 4,
      status: "ACCEPTED",
    });
    await sendExpiryReminders(new Date("2032-07-14T08:00:00Z"));
    const emails = await db.emailOutbox.findMany({
      where: { template: "marketplace.expiryReminder", to: world.users.vcseMember.email },
    });
    expect(emails.filter((e) => e.subject.includes(unanswered.title))).toHaveLength(1);
    expect(emails.filter((e) => e.subject.includes(underWay.title))).toHaveLength(0);
    expect(emails.find((e) => e.subject.includes(unanswered.title))!.text).toContain(
      "Pledges still waiting for your answer when it expires are declined",
    );
  });

  it("send a daily digest of new matching requests, once a day, nothing when nothing is new", async () => {
    const search = await createSavedSearch({
      userId: world.users.supplierOwner.id,
      organisationId: world.supplier.id,
      filters: { q: "wombat" },
    });
    await db.savedSearch.update({
      where: { id: search.id },
      data: { createdAt: new Date(Date.now() - 2 * DAY) },
    });
    const fresh = await createRequest({ ...base(), title: "Wombat habitat volunteers" });
    await createRequest({ ...base(), title: "Wombat old news", publishedAt: new Date(Date.now() - 3 * DAY) });
    await createRequest({ ...base(), title: "Kangaroo counting" });

    const now = new Date(Date.now() + DIGEST_SETTLE_MS + 60_000);
    await sendSavedSearchDigests(now);
    const digests = await db.emailOutbox.findMany({
      where: { template: "marketplace.digest", to: world.users.supplierOwner.email },
    });
    expect(digests).toHaveLength(1);
    expect(digests[0].text).toContain("Wombat habitat volunteers");
    expect(digests[0].text).toContain(`/requests/${fresh.id}`);
    expect(digests[0].text).not.toContain("Wombat old news");
    expect(digests[0].text).not.toContain("Kangaroo");

    await sendSavedSearchDigests(new Date(now.getTime() + 60_000));
    expect(await db.emailOutbox.count({ where: { template: "marketplace.digest" } })).toBe(1);
    await sendSavedSearchDigests(new Date(now.getTime() + DAY));
    expect(await db.emailOutbox.count({ where: { template: "marketplace.digest" } })).toBe(1);
  });

  it("count every new request, list the newest 20 and link to a list of all of them; none is lost", async () => {
    const search = await createSavedSearch({
      userId: world.users.supplierMember.id,
      organisationId: world.supplier.id,
      filters: { q: "numbat" },
    });
    const lastDigestAt = new Date(Date.now() - DAY);
    await db.savedSearch.update({
      where: { id: search.id },
      data: { lastDigestAt, createdAt: new Date(Date.now() - 2 * DAY) },
    });
    const fresh: string[] = [];
    for (let i = 0; i < 23; i++)
      fresh.push(
        (
          await createRequest({
            ...base(),
            title: `Numbat survey ${i}`,
            publishedAt: new Date(Date.now() - (i + 1) * 60_000),
          })
        ).id,
      );
    await createRequest({ ...base(), title: "Numbat old news", publishedAt: new Date(Date.now() - 2 * DAY) });

    // the digest reads up to DIGEST_SETTLE_MS before it runs: the requests above are in its window
    const now = new Date(Date.now() + DIGEST_SETTLE_MS);
    // published after its window ends: the next digest's
    const later = await createRequest({
      ...base(),
      title: "Numbat latecomer",
      publishedAt: new Date(now.getTime() - DIGEST_SETTLE_MS + 1000),
    });
    await sendSavedSearchDigests(now);
    const [digest] = await db.emailOutbox.findMany({
      where: { template: "marketplace.digest", to: world.users.supplierMember.email },
    });
    expect(digest.subject).toContain("20 of 23 new requests");
    expect(digest.text).toContain("23 new requests since");
    expect(digest.text).not.toContain("Numbat survey 22");
    expect(digest.text).toContain("Numbat survey 0");
    expect(digest.text).not.toContain("Numbat latecomer");

    const link = digest.text.match(/\/requests\?[^\s)\]>"]+/)![0];
    // from where the last digest's window ended
    expect(new URL(link, "http://x").searchParams.get("since")).toBe(
      new Date(lastDigestAt.getTime() - DIGEST_SETTLE_MS).toISOString(),
    );
    const first = await list(link.slice("/requests".length));
    const second = await list(`${link.slice("/requests".length)}&page=2`);
    const listed = [...first.requests, ...second.requests].map((r) => r.id);
    // every request the digest counted (and the latecomer, published since too), no older ones
    expect(listed.filter((id) => id !== later.id).sort()).toEqual([...fresh].sort());
    expect(first.total).toBe(24);

    // the next day's digest brings the latecomer only
    await sendSavedSearchDigests(new Date(now.getTime() + DAY));
    const next = await db.emailOutbox.findMany({
      where: { template: "marketplace.digest", to: world.users.supplierMember.email },
      orderBy: { createdAt: "asc" },
    });
    expect(next).toHaveLength(2);
    expect(next[1].subject).toContain("1 new request");
    expect(next[1].text).toContain("Numbat latecomer");
  });

  it("match a search naming a district deleted since as its link does: without the district, saying so", async () => {
    const gone = await createDistrict(world.councilA.id, "Gone district");
    await createSavedSearch({
      userId: world.users.supplierOwner.id,
      organisationId: world.supplier.id,
      filters: { q: "quokka", district: gone.id },
    });
    await db.district.delete({ where: { id: gone.id } });
    const fresh = await createRequest({ ...base(), title: "Quokka census helpers" });

    await sendSavedSearchDigests(new Date(Date.now() + DIGEST_SETTLE_MS + 60_000));
    const digests = await db.emailOutbox.findMany({
      where: { template: "marketplace.digest", text: { contains: "Quokka census helpers" } },
    });
    expect(digests).toHaveLength(1);
    expect(digests[0].to).toBe(world.users.supplierOwner.email);
    // the email itself says it now matches more than the search was saved for
    expect(digests[0].text).toContain(
      "The district this search was saved with no longer exists, so it now finds requests in any district.",
    );
    // its link names the search as saved: the list matches the email and says the district was not found
    const link = digests[0].text.match(/\/requests\?[^\s)\]>"]+/)![0];
    expect(new URL(link, "http://x").searchParams.get("district")).toBe(gone.id);
    const followed = await jsonOf<{ requests: { id: string }[]; notFound: string[] }>(
      await callLoader(listLoader, { path: link }),
    );
    expect(followed.notFound).toEqual(["district"]);
    expect(followed.requests.map((r) => r.id)).toEqual([fresh.id]);
  });

  it("send every other digest when one saved search cannot be read, and keep hostile names and queries inert", async () => {
    const { saveSearch } = await import("~/domain/marketplace/council-lists.server.ts");
    // rows no save would write (damaged by hand or by a bad migration), read first by the run
    const damaged = [];
    for (const filters of [["q", "bilby"], "q=bilby"]) {
      const row = await createSavedSearch({
        userId: world.users.vcseOwner.id,
        organisationId: world.vcse.id,
      });
      await db.savedSearch.update({ where: { id: row.id }, data: { filters, emailDigest: true } });
      damaged.push(row.id);
    }
    // a name and a query as hostile as the save form lets through
    const name = '<img src=x onerror="alert(1)"> Bilby\r\nBcc: victim@example.com \u202eevil';
    const query =
      'q=bilby+-"drop+table;--"&helpType=NOPE&category=<x>&district=%27%20OR%201=1&remote=maybe' +
      "&closingBefore=2026-02-30&sort=drop&page=-3&council=../../etc";
    const hostile = await saveSearch({
      userId: world.users.supplierOwner.id,
      organisationId: world.supplier.id,
      name,
      query,
      emailDigest: true,
    });
    expect(hostile.id > damaged[1]!).toBe(true);
    const fresh = await createRequest({ ...base(), title: "Bilby burrow mapping" });
    await createRequest({ ...base(), title: "Bilby drop table cleanup" });

    const now = new Date(Date.now() + DIGEST_SETTLE_MS + 60_000);
    const run = await sendSavedSearchDigests(now);
    // the run reads every saved search in the database, other test files' too (one of theirs may fail as well)
    expect(run.failed).toBeGreaterThanOrEqual(2);
    const [digest, ...others] = await db.emailOutbox.findMany({
      where: { template: "marketplace.digest", text: { contains: "Bilby" } },
    });
    expect(others).toEqual([]);
    expect(digest.to).toBe(world.users.supplierOwner.email);
    expect(digest.text).toContain(`/requests/${fresh.id}`);
    expect(digest.text).not.toContain("Bilby drop table cleanup");
    // the name is text in the email, never markup, and the subject stays one header line
    expect(digest.html).not.toContain("<img");
    expect(digest.html).toContain("&lt;img src=x");
    expect(digest.subject).not.toMatch(/[\r\n\u202e]/);
    expect(digest.subject).toContain("Bilby Bcc: victim@example.com");
    // what could not be read keeps its window for the next run, and fails again without sending anything
    const rows = await db.savedSearch.findMany({ where: { id: { in: damaged } } });
    expect(rows.map((r) => r.lastDigestAt)).toEqual([null, null]);
    const again = await sendSavedSearchDigests(new Date(now.getTime() + DAY));
    expect(again.failed).toBeGreaterThanOrEqual(2);
    expect(
      await db.emailOutbox.count({ where: { template: "marketplace.digest", text: { contains: "Bilby" } } }),
    ).toBe(1);
  });

  it("keep a digest's window out of a search saved from its link", async () => {
    const { saveSearch } = await import("~/domain/marketplace/council-lists.server.ts");
    const saved = await saveSearch({
      userId: world.users.supplierOwner.id,
      organisationId: world.supplier.id,
      name: "From a digest",
      query: "q=numbat&since=2026-12-01T07%3A00%3A00.000Z",
      emailDigest: true,
    });
    const row = await db.savedSearch.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row.filters).toEqual({ q: "numbat" });
  });
});
