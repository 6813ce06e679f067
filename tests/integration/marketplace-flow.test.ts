import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server.ts";
import { action as moderateAction } from "~/routes/council.moderation.$id.tsx";
import { loader as queueLoader } from "~/routes/council.moderation._index.tsx";
import { action as pledgeDetailAction, loader as pledgeDetailLoader } from "~/routes/pledges.$id.tsx";
import { loader as requestEditLoader } from "~/routes/requests.$id.edit.tsx";
import { action as manageAction, loader as manageLoader } from "~/routes/requests.$id.manage.tsx";
import { loader as publicLoader } from "~/routes/requests.$id._index.tsx";
import { action as pledgeAction, loader as pledgeLoader } from "~/routes/requests.$id.pledge.tsx";
import { action as newRequestAction, loader as newRequestLoader } from "~/routes/requests.new/route.tsx";
import {
  createCategory,
  createCommitment,
  createContract,
  createMeasure,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { futureDayExample } from "~/domain/marketplace/schemas.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const cookies: Record<string, string> = {};
const inDays = (days: number) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

function requestForm(overrides: Record<string, string> = {}) {
  return {
    intent: "submit",
    title: "Laptops for the homework club",
    description: "Refurbished laptops so pupils without a computer can do their homework.",
    councilId: world.councilA.id,
    categoryId: world.category.id,
    helpType: "GOODS",
    quantity: "10",
    unitLabel: "laptops",
    districtId: world.district.id,
    neededBy: inDays(40),
    beneficiaries: "Pupils aged 11 to 16",
    contactPreference: "Ring Mrs Jones on 01234 567890",
    ...overrides,
  };
}

/** A request of the world's VCSE on council A, in the world's category. */
function vcseRequest(
  fields: Omit<Parameters<typeof createRequest>[0], "councilId" | "organisationId" | "categoryId"> = {},
) {
  return createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    ...fields,
  });
}

async function errorsOf(response: Response) {
  const body = await jsonOf<{ error?: Record<string, string[]> }>(response);
  return body.error ?? {};
}

describe("a request from posting to fulfilment", () => {
  it("runs VCSE posts → officer approves → supplier pledges → VCSE accepts → delivery → confirmed", async () => {
    const created = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie: cookies.vcseOwner,
      form: requestForm(),
    });
    expect(created.status).toBe(302);
    const id = created.headers.get("location")!.split("/")[2];
    expect((await db.request.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");

    const queue = await jsonOf<{ queue: { id: string }[] }>(
      await callLoader(queueLoader, { path: "/council/moderation", cookie: cookies.officerA }),
    );
    expect(queue.queue.map((r) => r.id)).toContain(id);

    const approved = await callAction(moderateAction, {
      path: `/council/moderation/${id}`,
      params: { id },
      cookie: cookies.officerA,
      form: { intent: "approve" },
    });
    expect(approved.status).toBe(302);
    const open = await db.request.findUniqueOrThrow({ where: { id } });
    expect(open.status).toBe("OPEN");
    expect(open.publishedAt).not.toBeNull();
    expect(
      await db.emailOutbox.count({
        where: { to: world.users.vcseOwner.email, template: "marketplace.approve" },
      }),
    ).toBe(1);

    const form = await jsonOf<{ submissionKey: string }>(
      await callLoader(pledgeLoader, {
        path: `/requests/${id}/pledge`,
        params: { id },
        cookie: cookies.supplierOwner,
      }),
    );
    const pledged = await callAction(pledgeAction, {
      path: `/requests/${id}/pledge`,
      params: { id },
      cookie: cookies.supplierOwner,
      form: {
        submissionKey: form.submissionKey,
        quantity: "10",
        message: "We have ten",
        expectedDeliveryDate: inDays(10),
      },
    });
    expect(pledged.status).toBe(302);
    const pledgeId = pledged.headers.get("location")!.split("/")[2];
    const full = await db.request.findUniqueOrThrow({ where: { id } });
    expect(full).toMatchObject({ status: "FULLY_PLEDGED", pledgedQuantity: 10 });
    expect(
      await db.emailOutbox.count({
        where: { to: world.users.vcseOwner.email, template: "marketplace.newPledge" },
      }),
    ).toBe(1);

    const step = (cookie: string, form: Record<string, string>) =>
      callAction(pledgeDetailAction, {
        path: `/pledges/${pledgeId}`,
        params: { id: pledgeId },
        cookie,
        form,
      });

    // a supplier cannot accept its own pledge
    const selfAccept = await step(cookies.supplierOwner, { intent: "accept" });
    expect(selfAccept.status).toBe(400);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).status).toBe("OFFERED");

    expect((await step(cookies.vcseMember, { intent: "accept" })).status).toBe(302);
    expect(
      await db.emailOutbox.count({
        where: { to: world.users.supplierOwner.email, template: "marketplace.accept" },
      }),
    ).toBe(1);

    const tooMuch = await step(cookies.supplierOwner, {
      intent: "reportDelivery",
      deliveredQuantity: "11",
      deliveredOn: inDays(0),
      deliveryNote: "Eleven laptops",
    });
    expect(tooMuch.status).toBe(400);
    const tooMuchBody = await jsonOf<{
      error: Record<string, string[]>;
      initialValue: Record<string, string>;
    }>(tooMuch);
    expect(tooMuchBody.error.deliveredQuantity).toEqual([
      "Enter 10 laptops or less: that is what you pledged",
    ]);
    expect(tooMuchBody.initialValue.deliveryNote).toBe("Eleven laptops");
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).status).toBe("ACCEPTED");

    // a delivery dated before the pledge was made (year 1, say) is refused next to the date, the rest kept
    const beforePledging = await step(cookies.supplierOwner, {
      intent: "reportDelivery",
      deliveredQuantity: "10",
      deliveredOn: "0001-01-01",
      deliveryNote: "Ten laptops",
    });
    expect(beforePledging.status).toBe(400);
    const beforeBody = await jsonOf<{
      error: Record<string, string[]>;
      initialValue: Record<string, string>;
    }>(beforePledging);
    expect(beforeBody.error.deliveredOn?.[0]).toMatch(/^Date delivered cannot be before you pledged, on /);
    expect(beforeBody.initialValue.deliveryNote).toBe("Ten laptops");
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).status).toBe("ACCEPTED");

    const badDelivery = await step(cookies.supplierOwner, {
      intent: "reportDelivery",
      deliveredQuantity: "0",
      deliveredOn: inDays(3),
      deliveryNote: "",
    });
    expect(badDelivery.status).toBe(400);
    expect(Object.keys(await errorsOf(badDelivery))).toEqual(
      expect.arrayContaining(["deliveredQuantity", "deliveredOn", "deliveryNote"]),
    );

    expect(
      (
        await step(cookies.supplierOwner, {
          intent: "reportDelivery",
          deliveredQuantity: "10",
          deliveredOn: inDays(0),
          deliveryNote: "Ten laptops dropped off",
        })
      ).status,
    ).toBe(302);
    expect(
      await db.emailOutbox.count({
        where: { to: world.users.vcseOwner.email, template: "marketplace.reportDelivery" },
      }),
    ).toBe(1);

    expect(
      (await step(cookies.vcseOwner, { intent: "confirm", rating: "5", feedback: "Brilliant" })).status,
    ).toBe(302);
    const done = await db.request.findUniqueOrThrow({ where: { id } });
    expect(done.status).toBe("FULFILLED");
    const pledge = await db.pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    expect(pledge).toMatchObject({ status: "CONFIRMED", rating: 5, feedback: "Brilliant" });
    expect(
      await db.emailOutbox.count({
        where: { to: world.users.supplierOwner.email, template: "marketplace.confirm" },
      }),
    ).toBe(1);

    const events = await db.requestEvent.findMany({
      where: { requestId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.toStatus)).toEqual([
      "DRAFT",
      "SUBMITTED",
      "OPEN",
      "FULLY_PLEDGED",
      "FULFILLED",
    ]);
    const pledgeEvents = await db.pledgeEvent.findMany({
      where: { pledgeId },
      orderBy: { createdAt: "asc" },
    });
    expect(pledgeEvents.map((e) => [e.toStatus, e.actorUserId])).toEqual([
      ["OFFERED", world.users.supplierOwner.id],
      ["ACCEPTED", world.users.vcseMember.id],
      ["DELIVERED", world.users.supplierOwner.id],
      ["CONFIRMED", world.users.vcseOwner.id],
    ]);

    // the showcase choice once fulfilled
    expect(
      (
        await callAction(manageAction, {
          path: `/requests/${id}/manage`,
          params: { id },
          cookie: cookies.vcseOwner,
          form: { intent: "showcase", showcaseConsent: "on" },
        })
      ).status,
    ).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id } })).showcaseConsent).toBe(true);
  });

  it("declines with a reason, giving the share back, and lets the requestor dispute a delivery", async () => {
    const need = await vcseRequest({ quantity: 8 });
    const key = (n: number) => `key-${need.id}-${n}`;
    const pledge = async (cookie: string, quantity: string, n: number) =>
      callAction(pledgeAction, {
        path: `/requests/${need.id}/pledge`,
        params: { id: need.id },
        cookie,
        form: { submissionKey: key(n), quantity, expectedDeliveryDate: inDays(5) },
      });
    const first = await pledge(cookies.supplierOwner, "5", 1);
    const second = await pledge(cookies.otherSupplierOwner, "3", 2);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("FULLY_PLEDGED");
    const firstId = first.headers.get("location")!.split("/")[2];
    const secondId = second.headers.get("location")!.split("/")[2];

    const noReason = await callAction(pledgeDetailAction, {
      path: "/",
      params: { id: secondId },
      cookie: cookies.vcseOwner,
      form: { intent: "decline", reason: "" },
    });
    expect(noReason.status).toBe(400);
    expect((await errorsOf(noReason)).reason).toEqual(["Give a reason for declining"]);
    await callAction(pledgeDetailAction, {
      path: "/",
      params: { id: secondId },
      cookie: cookies.vcseOwner,
      form: { intent: "decline", reason: "We found them elsewhere" },
    });
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "PARTIALLY_PLEDGED",
      pledgedQuantity: 5,
    });
    expect(await db.pledge.findUniqueOrThrow({ where: { id: secondId } })).toMatchObject({
      status: "DECLINED",
      decisionReason: "We found them elsewhere",
    });
    expect(
      await db.emailOutbox.count({
        where: { to: world.users.otherSupplierOwner.email, template: "marketplace.decline" },
      }),
    ).toBe(1);

    await callAction(pledgeDetailAction, {
      path: "/",
      params: { id: firstId },
      cookie: cookies.vcseOwner,
      form: { intent: "accept" },
    });
    await callAction(pledgeDetailAction, {
      path: "/",
      params: { id: firstId },
      cookie: cookies.supplierOwner,
      form: {
        intent: "reportDelivery",
        deliveredQuantity: "5",
        deliveredOn: inDays(0),
        deliveryNote: "Done",
      },
    });
    await callAction(pledgeDetailAction, {
      path: "/",
      params: { id: firstId },
      cookie: cookies.vcseOwner,
      form: { intent: "dispute", reason: "Only two arrived" },
    });
    expect(await db.pledge.findUniqueOrThrow({ where: { id: firstId } })).toMatchObject({
      status: "DISPUTED",
      disputeReason: "Only two arrived",
    });
    const disputed = await db.emailOutbox.findFirstOrThrow({
      where: { to: world.users.supplierOwner.email, template: "marketplace.dispute" },
    });
    expect(disputed.text).toContain("Only two arrived");

    // not a dead end: the supplier puts it right and reports again; the requestor then confirms
    const again = await callAction(pledgeDetailAction, {
      path: "/",
      params: { id: firstId },
      cookie: cookies.supplierOwner,
      form: {
        intent: "reportDelivery",
        deliveredQuantity: "5",
        deliveredOn: inDays(0),
        deliveryNote: "The other three delivered today",
      },
    });
    expect(again.status).toBe(302);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: firstId } })).status).toBe("DELIVERED");
    await callAction(pledgeDetailAction, {
      path: "/",
      params: { id: firstId },
      cookie: cookies.vcseOwner,
      form: { intent: "confirm", rating: "4" },
    });
    expect(await db.pledge.findUniqueOrThrow({ where: { id: firstId } })).toMatchObject({
      status: "CONFIRMED",
      rating: 4,
    });
  });

  it("lets a supplier withdraw an offered pledge, and pledge towards its own commitment only", async () => {
    const need = await vcseRequest({ quantity: 10 });
    const measure = await createMeasure({ councilId: world.councilA.id });
    const own = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
    });
    const ownCommitment = await createCommitment({ contractId: own.id, measureId: measure.id });
    const theirs = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.otherSupplier.id,
    });
    const theirCommitment = await createCommitment({ contractId: theirs.id, measureId: measure.id });

    // its own commitments that this pledge could not add to: not offered, and refused if posted
    const retired = await createMeasure({ councilId: world.councilA.id });
    await db.measure.update({ where: { id: retired.id }, data: { retiredAt: new Date() } });
    const goodsOnly = await createMeasure({ councilId: world.councilA.id, contributingHelpTypes: ["GOODS"] });
    const ended = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      status: "ENDED",
    });
    // still "active" (as an import may leave it) but past its end date in London
    const pastItsEnd = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      startDate: new Date("2024-04-01"),
      endDate: new Date(Date.now() - 2 * 86_400_000),
    });
    const unfit = [
      await createCommitment({ contractId: pastItsEnd.id, measureId: measure.id }),
      await createCommitment({ contractId: own.id, measureId: retired.id }),
      await createCommitment({ contractId: own.id, measureId: goodsOnly.id }),
      await createCommitment({ contractId: ended.id, measureId: measure.id }),
      await createCommitment({
        contractId: own.id,
        measureId: (await createMeasure({ councilId: world.councilA.id, unit: "QUALITATIVE" })).id,
        qualitativeText: "Mentoring",
      }),
    ];

    const page = await jsonOf<{ commitments: { id: string }[] }>(
      await callLoader(pledgeLoader, { path: "/", params: { id: need.id }, cookie: cookies.supplierOwner }),
    );
    expect(page.commitments.map((c) => c.id)).toEqual([ownCommitment.id]);
    for (const [index, commitment] of unfit.entries()) {
      const refused = await callAction(pledgeAction, {
        path: "/",
        params: { id: need.id },
        cookie: cookies.supplierOwner,
        form: {
          submissionKey: `unfit-${need.id}-${index}`,
          quantity: "2",
          expectedDeliveryDate: inDays(5),
          commitmentId: commitment.id,
        },
      });
      expect(refused.status).toBe(400);
      expect((await errorsOf(refused)).commitmentId).toBeDefined();
    }
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(0);

    const wrong = await callAction(pledgeAction, {
      path: "/",
      params: { id: need.id },
      cookie: cookies.supplierOwner,
      form: {
        submissionKey: `c-${need.id}-1`,
        quantity: "2",
        expectedDeliveryDate: inDays(5),
        commitmentId: theirCommitment.id,
      },
    });
    expect(wrong.status).toBe(400);
    expect((await errorsOf(wrong)).commitmentId).toBeDefined();

    const right = await callAction(pledgeAction, {
      path: "/",
      params: { id: need.id },
      cookie: cookies.supplierOwner,
      form: {
        submissionKey: `c-${need.id}-2`,
        quantity: "2",
        expectedDeliveryDate: inDays(5),
        commitmentId: ownCommitment.id,
      },
    });
    const pledgeId = right.headers.get("location")!.split("/")[2];
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).commitmentId).toBe(
      ownCommitment.id,
    );

    await callAction(pledgeDetailAction, {
      path: "/",
      params: { id: pledgeId },
      cookie: cookies.supplierMember,
      form: { intent: "withdraw" },
    });
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledgeId } })).status).toBe("WITHDRAWN");
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "OPEN",
      pledgedQuantity: 0,
    });
  });

  it("lets either side call off an accepted pledge before delivery, giving its share back", async () => {
    const need = await vcseRequest({
      createdById: world.users.vcseOwner.id,
      quantity: 10,
      pledgedQuantity: 10,
      status: "FULLY_PLEDGED",
    });
    const [ours, theirs] = await Promise.all(
      [world.supplier, world.otherSupplier].map((s) =>
        createPledge({ requestId: need.id, supplierOrganisationId: s.id, quantity: 5, status: "ACCEPTED" }),
      ),
    );
    const step = (id: string, cookie: string, form: Record<string, string>) =>
      callAction(pledgeDetailAction, { path: "/", params: { id }, cookie, form });

    expect(
      (await step(ours.id, cookies.supplierOwner, { intent: "withdraw", reason: "Van broke down" })).status,
    ).toBe(302);
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "PARTIALLY_PLEDGED",
      pledgedQuantity: 5,
    });
    const told = await db.emailOutbox.findFirstOrThrow({
      where: { to: world.users.vcseOwner.email, template: "marketplace.withdraw" },
      orderBy: { createdAt: "desc" },
    });
    expect(told.text).toContain("Van broke down");

    const noReason = await step(theirs.id, cookies.vcseOwner, { intent: "decline", reason: "" });
    expect(noReason.status).toBe(400);
    expect(
      (await step(theirs.id, cookies.vcseOwner, { intent: "decline", reason: "Found it elsewhere" })).status,
    ).toBe(302);
    expect(await db.pledge.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      status: "DECLINED",
      decisionReason: "Found it elsewhere",
    });
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "OPEN",
      pledgedQuantity: 0,
    });
  });

  it("requests changes with a comment, then the requestor edits and resubmits; withdraw and extend once", async () => {
    const created = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie: cookies.vcseOwner,
      form: requestForm({ title: "Volunteers for the food bank" }),
    });
    const id = created.headers.get("location")!.split("/")[2];
    const noComment = await callAction(moderateAction, {
      path: "/",
      params: { id },
      cookie: cookies.officerA,
      form: { intent: "requestChanges", comment: "" },
    });
    expect(noComment.status).toBe(400);
    await callAction(moderateAction, {
      path: "/",
      params: { id },
      cookie: cookies.officerA,
      form: { intent: "requestChanges", comment: "Please remove the phone number" },
    });
    expect(await db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "CHANGES_REQUESTED",
      moderationComment: "Please remove the phone number",
    });
    expect(await db.emailOutbox.count({ where: { template: "marketplace.requestChanges" } })).toBe(1);
    expect(
      (await callLoader(requestEditLoader, { path: "/", params: { id }, cookie: cookies.vcseOwner })).status,
    ).toBe(200);

    const { action: editAction } = await import("~/routes/requests.$id.edit.tsx");
    const edited = await callAction(editAction, {
      path: "/",
      params: { id },
      cookie: cookies.vcseOwner,
      form: requestForm({ title: "Volunteers for the food bank (edited)" }),
    });
    expect(edited.status).toBe(302);
    expect(await db.request.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SUBMITTED",
      title: "Volunteers for the food bank (edited)",
    });
    await callAction(moderateAction, {
      path: "/",
      params: { id },
      cookie: cookies.officerA,
      form: { intent: "approve" },
    });

    const manage = (form: Record<string, string>) =>
      callAction(manageAction, { path: "/", params: { id }, cookie: cookies.vcseOwner, form });
    const earlier = await manage({ intent: "extend", neededBy: inDays(20) });
    expect(earlier.status).toBe(400);
    const earlierBody = await jsonOf<{
      error: Record<string, string[]>;
      initialValue: Record<string, string>;
    }>(earlier);
    // with an example later than the current date, as the form's hint gives
    const current = (await db.request.findUniqueOrThrow({ where: { id } })).neededBy
      .toISOString()
      .slice(0, 10);
    expect(earlierBody.error.neededBy).toEqual([
      `The new date must be later than the current one, for example ${futureDayExample({ after: current })}`,
    ]);
    expect(earlierBody.initialValue.neededBy).toBe(inDays(20));
    expect((await manage({ intent: "extend", neededBy: inDays(70) })).status).toBe(302);
    const twice = await manage({ intent: "extend", neededBy: inDays(90) });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(await jsonOf(twice))).toContain("extended only once");
    expect((await manage({ intent: "withdraw", reason: "No longer needed" })).status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id } })).status).toBe("WITHDRAWN");
  });
});

describe("posting a request twice", () => {
  it("the same form sent twice at once, or again later, makes one request; a fresh form with other answers makes another", async () => {
    // (the same answers from a fresh form, moments later, are the first request: marketplace-s53-sent-again-after-back)
    const post = (submissionKey: string, quantity = "10") =>
      callAction(newRequestAction, {
        path: "/requests/new",
        cookie: cookies.vcseOwner,
        form: requestForm({ title: "Paint for the scout hut", submissionKey, quantity }),
      });
    const both = await Promise.all([post("post-1"), post("post-1")]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect(both[0].headers.get("location")).toBe(both[1].headers.get("location"));
    expect((await post("post-1")).headers.get("location")).toBe(both[0].headers.get("location"));
    const made = await db.request.findMany({ where: { title: "Paint for the scout hut" } });
    expect(made).toHaveLength(1);
    expect(await db.requestEvent.count({ where: { requestId: made[0].id } })).toBe(2); // draft, submitted
    expect((await post("post-2", "12")).status).toBe(302);
    expect(await db.request.count({ where: { title: "Paint for the scout hut" } })).toBe(2);
  });

  it("the new-request page gives its form a new one-off key each time", async () => {
    const key = async () =>
      (
        await jsonOf<{ submissionKey: string }>(
          await callLoader(newRequestLoader, { path: "/requests/new", cookie: cookies.vcseOwner }),
        )
      ).submissionKey;
    const [a, b] = [await key(), await key()];
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
  });
});

describe("emails about requests and pledges", () => {
  it("carry the council's own brand colour in their header", async () => {
    await db.councilSettings.update({
      where: { organisationId: world.councilB.id },
      data: { brandColour: "#6b2c91" },
    });
    const vcseB = await createOrganisation({ kind: "VCSE", councilId: world.councilB.id });
    const owner = await createMember(vcseB.id, "OWNER");
    const need = await createRequest({
      councilId: world.councilB.id,
      organisationId: vcseB.id,
      createdById: owner.id,
      categoryId: (await createCategory(world.councilB.id, "Community spaces")).id,
      quantity: 10,
    });
    const pledged = await callAction(pledgeAction, {
      path: "/",
      params: { id: need.id },
      cookie: cookies.supplierOwner,
      form: { submissionKey: `brand-${need.id}`, quantity: "2", expectedDeliveryDate: inDays(5) },
    });
    expect(pledged.status).toBe(302);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { to: owner.email, template: "marketplace.newPledge" },
    });
    expect(email.html).toContain("#6b2c91");
  });
});

describe("bad input is a clear message, never a 500", () => {
  it("rejects past dates, zero quantities and unknown or foreign categories, keeping the input", async () => {
    const past = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie: cookies.vcseOwner,
      form: requestForm({ neededBy: "2020-01-01", quantity: "0" }),
    });
    expect(past.status).toBe(400);
    const body = await jsonOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      past,
    );
    expect(body.error.neededBy[0]).toMatch(/today or in the future/);
    expect(body.error.quantity[0]).toMatch(/1 or more/);
    expect(body.initialValue.title).toBe("Laptops for the homework club");

    const { createCategory } = await import("../helpers/factories.ts");
    const foreign = await createCategory(world.councilB.id);
    for (const categoryId of ["nope", foreign.id]) {
      const response = await callAction(newRequestAction, {
        path: "/requests/new",
        cookie: cookies.vcseOwner,
        form: requestForm({ categoryId }),
      });
      expect(response.status).toBe(400);
      expect((await errorsOf(response)).categoryId).toBeDefined();
    }
    const nonsense = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie: cookies.vcseOwner,
      form: requestForm({ quantity: "lots", neededBy: "31/02/2027" }),
    });
    expect(nonsense.status).toBe(400);
  });

  it("refuses pledges above what is needed, to a closed request, or to one's own request", async () => {
    const need = await vcseRequest({
      quantity: 4,
      pledgedQuantity: 1,
      status: "PARTIALLY_PLEDGED",
    });
    const tooMuch = await callAction(pledgeAction, {
      path: "/",
      params: { id: need.id },
      cookie: cookies.supplierOwner,
      form: { submissionKey: `big-${need.id}`, quantity: "4", expectedDeliveryDate: inDays(3) },
    });
    expect(tooMuch.status).toBe(400);
    expect((await errorsOf(tooMuch)).quantity[0]).toMatch(/3 hours or less/);

    const closed = await vcseRequest({ status: "WITHDRAWN" });
    const refused = await callAction(pledgeAction, {
      path: "/",
      params: { id: closed.id },
      cookie: cookies.supplierOwner,
      form: { submissionKey: `closed-${closed.id}`, quantity: "1", expectedDeliveryDate: inDays(3) },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await jsonOf(refused))).toContain("closed to new pledges");

    const missing = await callAction(pledgeAction, {
      path: "/",
      params: { id: "no-such-request" },
      cookie: cookies.supplierOwner,
      form: { submissionKey: "missing-request", quantity: "1", expectedDeliveryDate: inDays(3) },
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await jsonOf(missing))).toContain("no longer exists");

    const { createPledge } = await import("~/domain/marketplace/pledges.server.ts");
    const own = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.vcse.id,
      actor: { userId: world.users.vcseOwner.id },
      submissionKey: `own-${need.id}`,
      quantity: 1,
      expectedDeliveryDate: inDays(3),
    });
    expect(own).toEqual({ ok: false, fieldErrors: { "": ["You cannot pledge to your own request."] } });
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).pledgedQuantity).toBe(1);
  });

  it("lets an organisation awaiting verification draft, but not submit a request or pledge", async () => {
    const pendingVcse = await createOrganisation({
      kind: "VCSE",
      councilId: world.councilA.id,
      status: "PENDING",
    });
    const pendingSupplier = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      status: "PENDING",
    });
    const vcseCookie = await sessionCookieFor((await createMember(pendingVcse.id, "OWNER")).id);
    const supplierCookie = await sessionCookieFor((await createMember(pendingSupplier.id, "OWNER")).id);

    const submitted = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie: vcseCookie,
      form: requestForm({ title: "Submitted while pending" }),
    });
    expect(submitted.status).toBe(400);
    expect(JSON.stringify(await jsonOf(submitted))).toMatch(/verified/);
    expect(await db.request.count({ where: { organisationId: pendingVcse.id } })).toBe(0);
    const drafted = await callAction(newRequestAction, {
      path: "/requests/new",
      cookie: vcseCookie,
      form: requestForm({ intent: "draft", title: "Drafted while pending" }),
    });
    expect(drafted.status).toBe(302);
    expect(await db.request.findFirstOrThrow({ where: { organisationId: pendingVcse.id } })).toMatchObject({
      status: "DRAFT",
    });

    const open = await vcseRequest({ status: "OPEN" });
    const pledged = await callAction(pledgeAction, {
      path: "/",
      params: { id: open.id },
      cookie: supplierCookie,
      form: { submissionKey: `pending-${open.id}`, quantity: "1", expectedDeliveryDate: inDays(3) },
    });
    expect(pledged.status).toBe(400);
    expect(JSON.stringify(await jsonOf(pledged))).toContain("must be verified by the council");
    expect(await db.pledge.count({ where: { requestId: open.id } })).toBe(0);
  });
});

describe("who may see and do what", () => {
  it("hides a VCSE's drafts from other VCSEs, suppliers, the public and other councils", async () => {
    const draft = await vcseRequest({ status: "DRAFT" });
    for (const cookie of [
      undefined,
      cookies.otherVcseOwner,
      cookies.supplierOwner,
      cookies.officerB,
      cookies.officerA,
    ]) {
      expect((await callLoader(publicLoader, { path: "/", params: { id: draft.id }, cookie })).status).toBe(
        404,
      );
    }
    for (const loader of [manageLoader, requestEditLoader])
      expect(
        (await callLoader(loader, { path: "/", params: { id: draft.id }, cookie: cookies.otherVcseOwner }))
          .status,
      ).toBe(404);
    expect(
      (await callLoader(publicLoader, { path: "/", params: { id: draft.id }, cookie: cookies.vcseMember }))
        .status,
    ).toBe(200);
    expect(
      (
        await callAction(manageAction, {
          path: "/",
          params: { id: draft.id },
          cookie: cookies.otherVcseOwner,
          form: { intent: "withdraw" },
        })
      ).status,
    ).toBe(404);
  });

  it("lets only the request's own council moderate it", async () => {
    const submitted = await vcseRequest({ status: "SUBMITTED" });
    for (const cookie of [cookies.officerB, cookies.vcseOwner, cookies.supplierOwner]) {
      const response = await callAction(moderateAction, {
        path: "/",
        params: { id: submitted.id },
        cookie,
        form: { intent: "approve" },
      });
      expect(response.status).toBe(404);
    }
    expect((await db.request.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("SUBMITTED");
  });

  it("shows pledges only to the supplier and the requestor", async () => {
    const need = await vcseRequest();
    const { createPledge } = await import("../helpers/factories.ts");
    const pledge = await createPledge({ requestId: need.id, supplierOrganisationId: world.supplier.id });
    for (const cookie of [cookies.otherSupplierOwner, cookies.otherVcseOwner, cookies.officerB])
      expect(
        (await callLoader(pledgeDetailLoader, { path: "/", params: { id: pledge.id }, cookie })).status,
      ).toBe(404);
    expect(
      (
        await callAction(pledgeDetailAction, {
          path: "/",
          params: { id: pledge.id },
          cookie: cookies.otherVcseOwner,
          form: { intent: "accept" },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await callLoader(pledgeDetailLoader, {
          path: "/",
          params: { id: pledge.id },
          cookie: cookies.supplierMember,
        })
      ).status,
    ).toBe(200);
  });

  it("keeps contact details, creators and emails off the public page", async () => {
    const need = await vcseRequest({
      createdById: world.users.vcseOwner.id,
      contactPreference: "Call Priya on 07700 900123",
    });
    for (const cookie of [undefined, cookies.supplierOwner]) {
      const body = await (
        await callLoader(publicLoader, { path: "/", params: { id: need.id }, cookie })
      ).text();
      expect(body).toContain(need.title);
      expect(body).not.toContain("07700 900123");
      expect(body).not.toContain("contactPreference");
      expect(body).not.toContain(world.users.vcseOwner.email);
      expect(body).not.toContain(world.users.vcseOwner.id);
      expect(body).not.toContain("createdBy");
    }
  });
});

describe("who can read a request page once it has closed", () => {
  it("the requestor, its council and suppliers that pledged to it; others are told only that it closed", async () => {
    const { createPledge } = await import("../helpers/factories.ts");
    const need = await vcseRequest({ status: "WITHDRAWN" });
    await db.requestEvent.createMany({
      data: [
        { requestId: need.id, fromStatus: "DRAFT", toStatus: "SUBMITTED", createdAt: new Date("2030-01-01") },
        { requestId: need.id, fromStatus: "OPEN", toStatus: "WITHDRAWN", createdAt: new Date("2030-02-01") },
      ],
    });
    await createPledge({ requestId: need.id, supplierOrganisationId: world.supplier.id, status: "DECLINED" });
    const status = async (cookie?: string) =>
      (await callLoader(publicLoader, { path: "/", params: { id: need.id }, cookie })).status;
    // 410 Gone: the closed-request page, title and how it closed only (marketplace-closed-requests.test.ts)
    expect(await status()).toBe(410);
    for (const reader of ["vcseMember", "officerA", "supplierMember"])
      expect({ reader, status: await status(cookies[reader]) }).toEqual({ reader, status: 200 });
    for (const outsider of ["otherVcseOwner", "officerB", "otherSupplierOwner"])
      expect({ outsider, status: await status(cookies[outsider]) }).toEqual({ outsider, status: 410 });

    const page = await jsonOf<{
      request: { title: string; status: string; council: { name: string }; district: unknown };
      events: { toStatus: string }[];
    }>(await callLoader(publicLoader, { path: "/", params: { id: need.id }, cookie: cookies.officerA }));
    expect(page.request).toMatchObject({
      title: need.title,
      status: "WITHDRAWN",
      council: { name: world.councilA.name },
    });
    expect(page.events.map((e) => e.toStatus)).toEqual(["SUBMITTED", "WITHDRAWN"]);
  });
});

describe("pledging closes at the end of the needed-by day in London", () => {
  it("refuses a pledge at 00:30 on a summer night, when UTC is still on the needed-by day", async () => {
    const request = await vcseRequest({
      status: "OPEN",
      neededBy: new Date("2026-07-10T00:00:00Z"),
    });
    // 23:30 UTC on 10 July is 00:30 on 11 July in London (BST)
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-07-10T23:30:00Z") });
    try {
      const refused = await callAction(pledgeAction, {
        path: "/",
        params: { id: request.id },
        cookie: cookies.supplierOwner,
        form: { submissionKey: `late-${request.id}`, quantity: "1", expectedDeliveryDate: "2026-07-20" },
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await jsonOf(refused))).toContain("closed to new pledges");
      // an hour earlier, still 10 July in London, the same pledge is taken
      vi.setSystemTime(new Date("2026-07-10T22:30:00Z"));
      const taken = await callAction(pledgeAction, {
        path: "/",
        params: { id: request.id },
        cookie: cookies.supplierOwner,
        form: { submissionKey: `in-time-${request.id}`, quantity: "1", expectedDeliveryDate: "2026-07-10" },
      });
      expect(taken.status).toBe(302);
    } finally {
      vi.useRealTimers();
    }
    expect(await db.pledge.count({ where: { requestId: request.id } })).toBe(1);
  });
});
