// Deleting an account that an organisation depends on: never an organisation with members but nobody to manage
// them, never a council without an admin, never someone left waiting on an organisation with no members
// (docs/decisions/015-deleting-the-last-member.md).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { LAST_PLATFORM_ADMIN_MESSAGE, type DeletionPlan } from "~/domain/accounts/deletion.server.ts";
import { loader as deleteLoader } from "~/routes/account.delete.tsx";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import {
  addMember,
  createCategory,
  createCouncil,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { sendAccountDeletion } from "../helpers/account-deletion.ts";

afterAll(() => closeRateLimits());

// Each call from its own client address, so one test's password checks never count against another's.
async function planFor(userId: string) {
  const page = await callLoader(deleteLoader, {
    path: "/account/delete",
    cookie: await sessionCookieFor(userId),
  });
  expect(page.status).toBe(200);
  return jsonOf<DeletionPlan>(page);
}

function deleteAccountOf(userId: string, leaveWithoutMembers: string[] = []) {
  return sendAccountDeletion({ userId }, { leaveWithoutMembers });
}

const isDeleted = async (userId: string) =>
  (await db.user.findUniqueOrThrow({ where: { id: userId } })).deletedAt !== null;

describe("an organisation is never left with members but nobody to manage them", () => {
  it("refuses the last owner while others remain, says so before they confirm, and lets them go once another member is an owner", async () => {
    const council = await createCouncil();
    const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const owner = await createMember(vcse.id, "OWNER");
    const member = await createMember(vcse.id, "MEMBER");

    const plan = await planFor(owner.id);
    expect(plan.leftEmpty).toEqual([]);
    expect(plan.blocks).toHaveLength(1);
    expect(plan.blocks[0].message).toContain(`You are the last owner of ${vcse.name}`);
    expect(plan.blocks[0].message).toContain("Make another member an owner first");
    expect(plan.blocks[0].link?.href).toBe(`/organisations/${vcse.id}`);

    const refused = await deleteAccountOf(owner.id);
    expect(refused.status).toBe(400);
    const body = JSON.stringify(await refused.json());
    expect(body).toContain("Make another member an owner first");
    expect(body).not.toContain(TEST_PASSWORD);
    expect(await isDeleted(owner.id)).toBe(false);
    expect(await db.membership.count({ where: { organisationId: vcse.id } })).toBe(2);

    const membership = await db.membership.findFirstOrThrow({ where: { userId: member.id } });
    const promoted = await callAction(organisationAction, {
      path: `/organisations/${vcse.id}`,
      params: { id: vcse.id },
      cookie: await sessionCookieFor(owner.id),
      form: { intent: "change-role", membershipId: membership.id, role: "OWNER" },
    });
    expect(promoted.status).toBe(302);
    expect(await planFor(owner.id)).toEqual({ blocks: [], leftEmpty: [] });
    expect((await deleteAccountOf(owner.id)).status).toBe(302);
    expect(await isDeleted(owner.id)).toBe(true);
    expect(
      await db.membership.findMany({ where: { organisationId: vcse.id }, select: { role: true } }),
    ).toEqual([{ role: "OWNER" }]);
  });

  it("never leaves a council without an admin", async () => {
    const council = await createCouncil();
    const soleAdmin = await createMember(council.id, "ADMIN");
    expect((await planFor(soleAdmin.id)).blocks[0].message).toContain(
      "Invite a colleague and make them an admin first",
    );
    const refused = await deleteAccountOf(soleAdmin.id);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("Invite a colleague and make them an admin first");
    expect(await isDeleted(soleAdmin.id)).toBe(false);
  });

  it("leaves an owner behind when the last two owners delete their accounts at the same time", async () => {
    const council = await createCouncil();
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const first = await createMember(supplier.id, "OWNER");
    const second = await createMember(supplier.id, "OWNER");
    await createMember(supplier.id, "MEMBER");
    const results = await Promise.all([deleteAccountOf(first.id), deleteAccountOf(second.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await db.membership.count({ where: { organisationId: supplier.id, role: "OWNER" } })).toBe(1);
  });
});

describe("the installation is never left without a platform admin", () => {
  it("refuses the last platform admin, says so before they confirm, and lets them go once there is another", async () => {
    const admin = await createUser({ isPlatformAdmin: true });
    const plan = await planFor(admin.id);
    expect(plan.blocks).toEqual([{ organisationId: null, message: LAST_PLATFORM_ADMIN_MESSAGE, link: null }]);

    const refused = await deleteAccountOf(admin.id);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("You are the only platform admin");
    expect(await isDeleted(admin.id)).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).isPlatformAdmin).toBe(true);

    const other = await createUser({ isPlatformAdmin: true });
    expect(await planFor(admin.id)).toEqual({ blocks: [], leftEmpty: [] });
    expect((await deleteAccountOf(admin.id)).status).toBe(302);
    expect(await isDeleted(admin.id)).toBe(true);
    // the deleted account is no admin now, so the other is the last
    expect((await planFor(other.id)).blocks[0].message).toBe(LAST_PLATFORM_ADMIN_MESSAGE);
  });

  it("is shown beside an organisation's block, and a platform admin who is not the last goes freely", async () => {
    await db.user.updateMany({ where: { isPlatformAdmin: true }, data: { isPlatformAdmin: false } });
    const council = await createCouncil();
    const admin = await createUser({ isPlatformAdmin: true });
    await addMember(council.id, admin.id, "ADMIN");
    const blocks = (await planFor(admin.id)).blocks.map((b) => b.message);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toBe(LAST_PLATFORM_ADMIN_MESSAGE);
    expect(blocks[1]).toContain("Invite a colleague and make them an admin first");
  });

  it("leaves one platform admin behind when the last two delete their accounts at the same time", async () => {
    await db.user.updateMany({ where: { isPlatformAdmin: true }, data: { isPlatformAdmin: false } });
    const first = await createUser({ isPlatformAdmin: true });
    const second = await createUser({ isPlatformAdmin: true });
    const results = await Promise.all([deleteAccountOf(first.id), deleteAccountOf(second.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(await db.user.count({ where: { isPlatformAdmin: true, deletedAt: null } })).toBe(1);
  });
});

describe("the only member of an organisation", () => {
  it("is told what will close before confirming, and leaves nobody waiting on the organisation", async () => {
    const council = await createCouncil();
    const councilAdmin = await createMember(council.id, "ADMIN");
    const category = await createCategory(council.id);
    const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const soleOwner = await createMember(vcse.id, "OWNER");
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const supplierOwner = await createMember(supplier.id, "OWNER");
    const request = (status: "DRAFT" | "PARTIALLY_PLEDGED" | "FULLY_PLEDGED" | "FULFILLED", quantity = 20) =>
      createRequest({
        councilId: council.id,
        organisationId: vcse.id,
        categoryId: category.id,
        createdById: soleOwner.id,
        status,
        quantity,
        pledgedQuantity: status === "DRAFT" ? 0 : 5,
      });
    const draft = await request("DRAFT");
    const partlyPledged = await request("PARTIALLY_PLEDGED");
    const fullyPledged = await request("FULLY_PLEDGED", 5);
    const fulfilled = await request("FULFILLED", 5);
    const offers = [
      await createPledge({ requestId: partlyPledged.id, supplierOrganisationId: supplier.id, quantity: 5 }),
      await createPledge({ requestId: fullyPledged.id, supplierOrganisationId: supplier.id, quantity: 5 }),
    ];
    const delivered = await createPledge({
      requestId: fulfilled.id,
      supplierOrganisationId: supplier.id,
      quantity: 5,
      status: "CONFIRMED",
    });
    const invitee = await createUser();
    await callAction(organisationAction, {
      path: `/organisations/${vcse.id}`,
      params: { id: vcse.id },
      cookie: await sessionCookieFor(soleOwner.id),
      form: { intent: "invite", email: invitee.email, role: "MEMBER" },
    });
    const invitationEmail = await db.emailOutbox.findFirstOrThrow({ where: { to: invitee.email } });
    const token = invitationEmail.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1];

    expect(await planFor(soleOwner.id)).toEqual({
      blocks: [],
      leftEmpty: [
        {
          organisationId: vcse.id,
          name: vcse.name,
          councilName: council.name,
          requests: 3,
          pledges: 0,
          invitations: 1,
        },
      ],
    });

    const unconfirmed = await deleteAccountOf(soleOwner.id);
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(await unconfirmed.json())).toContain(
      `Confirm that you understand ${vcse.name} will be left with no members`,
    );
    expect(await isDeleted(soleOwner.id)).toBe(false);
    expect((await db.request.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");

    expect((await deleteAccountOf(soleOwner.id, [vcse.id])).status).toBe(302);
    expect(await isDeleted(soleOwner.id)).toBe(true);

    const requests = await db.request.findMany({
      where: { organisationId: vcse.id },
      select: {
        id: true,
        status: true,
        pledgedQuantity: true,
        closedAt: true,
        createdBy: { select: { name: true } },
      },
    });
    const byId = new Map(requests.map((r) => [r.id, r]));
    for (const id of [draft.id, partlyPledged.id, fullyPledged.id]) {
      expect(byId.get(id)).toMatchObject({ status: "WITHDRAWN", pledgedQuantity: 0 });
      expect(byId.get(id)!.closedAt).not.toBeNull();
    }
    expect(byId.get(fulfilled.id)!.status).toBe("FULFILLED"); // records stay as they were
    expect(byId.get(draft.id)!.createdBy?.name).toBe("Deleted user");
    const closedBecause = `Nobody is left at ${vcse.name} to manage this request`;
    for (const offer of offers) {
      expect(await db.pledge.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
        status: "DECLINED",
        decisionReason: closedBecause,
      });
      // in the council's log under the person whose deletion closed the request (both ways a request closes)
      expect(
        await db.auditLog.findMany({
          where: { entityId: offer.id },
          select: { action: true, entityType: true, organisationId: true, actorUserId: true, details: true },
        }),
      ).toEqual([
        {
          action: "pledge.decline",
          entityType: "Pledge",
          organisationId: council.id,
          actorUserId: soleOwner.id,
          details: { reason: closedBecause },
        },
      ]);
    }
    expect(
      await db.requestEvent.findFirst({
        where: { requestId: partlyPledged.id, toStatus: "WITHDRAWN" },
        select: { fromStatus: true, reason: true },
      }),
    ).toEqual({ fromStatus: "PARTIALLY_PLEDGED", reason: closedBecause });
    expect(
      await db.auditLog.count({
        where: {
          action: "request.withdraw",
          entityId: { in: [draft.id, partlyPledged.id, fullyPledged.id] },
        },
      }),
    ).toBe(3);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: delivered.id } })).status).toBe("CONFIRMED");
    // both offers declined, told in one email (session 47), not one each
    const toSupplier = await db.emailOutbox.findMany({
      where: { to: supplierOwner.email, template: { startsWith: "marketplace." } },
      select: { template: true, subject: true },
    });
    expect(toSupplier).toEqual([
      { template: "marketplace.changes_after_deletion", subject: "2 changes to pledges you are involved in" },
    ]);
    const toCouncil = await db.emailOutbox.findFirstOrThrow({
      where: { to: councilAdmin.email, template: "organisation.without_members" },
    });
    expect(toCouncil.subject).toBe(`${vcse.name} has no members now`);
    expect(
      await db.auditLog.findFirst({
        where: { action: "organisation.left_without_members", entityId: vcse.id },
        select: { organisationId: true, details: true },
      }),
    ).toEqual({
      organisationId: council.id,
      details: { requestsWithdrawn: 3, pledgesWithdrawn: 0, invitationsCancelled: 1 },
    });

    // the organisation and its records stay, with nobody in it, and the old invitation no longer lets anyone in
    expect(await db.organisation.count({ where: { id: vcse.id } })).toBe(1);
    expect(await db.membership.count({ where: { organisationId: vcse.id } })).toBe(0);
    const accepted = await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie: await sessionCookieFor(invitee.id),
    });
    expect(accepted.status).toBe(400);
    expect(await db.membership.count({ where: { organisationId: vcse.id } })).toBe(0);
  });

  it("of a supplier withdraws its offers, but is asked first to settle a pledge someone waits on", async () => {
    const council = await createCouncil();
    const category = await createCategory(council.id);
    const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const requestor = await createMember(vcse.id, "OWNER");
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const soleOwner = await createMember(supplier.id, "OWNER");
    const pledged = () =>
      createRequest({
        councilId: council.id,
        organisationId: vcse.id,
        categoryId: category.id,
        createdById: requestor.id,
        status: "PARTIALLY_PLEDGED",
        quantity: 20,
        pledgedQuantity: 5,
      });
    const offeredTo = await pledged();
    const acceptedBy = await pledged();
    const offer = await createPledge({
      requestId: offeredTo.id,
      supplierOrganisationId: supplier.id,
      quantity: 5,
    });
    const accepted = await createPledge({
      requestId: acceptedBy.id,
      supplierOrganisationId: supplier.id,
      quantity: 5,
      status: "ACCEPTED",
    });

    const blocked = await planFor(soleOwner.id);
    expect(blocked.leftEmpty).toEqual([]);
    expect(blocked.blocks[0].message).toContain(`You are the only member of ${supplier.name}`);
    expect(blocked.blocks[0].message).toContain("1 pledge is waiting on it");
    expect(blocked.blocks[0].link?.href).toBe("/pledges");
    const refused = await deleteAccountOf(soleOwner.id, [supplier.id]);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("1 pledge is waiting on it");
    expect(await isDeleted(soleOwner.id)).toBe(false);
    expect((await db.pledge.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("OFFERED");

    // the supplier calls off the accepted pledge; what is only on offer needs nobody's answer from it
    await db.pledge.update({ where: { id: accepted.id }, data: { status: "WITHDRAWN" } });
    expect((await planFor(soleOwner.id)).leftEmpty).toMatchObject([
      { organisationId: supplier.id, requests: 0, pledges: 1, invitations: 0 },
    ]);
    expect((await deleteAccountOf(soleOwner.id, [supplier.id])).status).toBe(302);
    expect(await db.pledge.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      status: "WITHDRAWN",
    });
    expect(
      await db.pledgeEvent.findFirst({
        where: { pledgeId: offer.id },
        select: { toStatus: true, reason: true },
      }),
    ).toEqual({ toStatus: "WITHDRAWN", reason: `Nobody is left at ${supplier.name} to deliver this pledge` });
    expect(await db.request.findUniqueOrThrow({ where: { id: offeredTo.id } })).toMatchObject({
      status: "OPEN",
      pledgedQuantity: 0,
    });
    expect(
      await db.emailOutbox.count({ where: { to: requestor.email, template: "marketplace.withdraw" } }),
    ).toBe(1);
  });

  it("of a group is asked to settle a delivery first, so the supplier's social value can still be confirmed", async () => {
    const council = await createCouncil();
    const category = await createCategory(council.id);
    const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const soleOwner = await createMember(vcse.id, "OWNER");
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    await addMember(supplier.id, (await createUser()).id, "OWNER");
    const request = await createRequest({
      councilId: council.id,
      organisationId: vcse.id,
      categoryId: category.id,
      status: "FULLY_PLEDGED",
      quantity: 5,
      pledgedQuantity: 5,
    });
    await createPledge({ requestId: request.id, supplierOrganisationId: supplier.id, status: "DELIVERED" });
    const plan = await planFor(soleOwner.id);
    expect(plan.blocks[0].message).toContain("Confirm or dispute deliveries");
    expect(plan.blocks[0].link?.href).toBe("/my-requests");
    expect((await deleteAccountOf(soleOwner.id, [vcse.id])).status).toBe(400);
    expect(await isDeleted(soleOwner.id)).toBe(false);
    expect((await db.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("FULLY_PLEDGED");
  });
});
